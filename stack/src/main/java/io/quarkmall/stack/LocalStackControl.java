package io.quarkmall.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks the running infra supervisor ({@code LocalStack ROOT infra}) to restart one of its servers
 * in place, so it stays supervised and {@code ./mall down} still stops it. {@code ./mall stack
 * restart <server> [--kill]} speaks the same protocol: a request file {@code .stack/restart/<server>}
 * holding {@code kill} or {@code stop}, answered by {@code .stack/restart/<server>.done} holding
 * {@code restarted ...} or {@code failed: ...}.
 */
public final class LocalStackControl {

    static final String KILL = "kill";
    static final String STOP = "stop";
    static final String DONE = ".done";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private LocalStackControl() {
    }

    /**
     * Restarts {@code server} (postgres, redis, kafka, opensearch, keycloak, sandbox-pay): kill -9
     * when {@code kill}, else a clean stop. Returns once it answers again, with the supervisor's
     * account of the restart; throws if it failed or no supervisor runs.
     */
    public static String restart(Path root, String server, boolean kill) throws IOException, InterruptedException {
        Path home = root.resolve(".stack");
        Path requests = Files.createDirectories(requests(home));
        Path done = requests.resolve(server + DONE);
        Files.deleteIfExists(done);
        Path draft = requests.resolve(server + ".tmp");
        Files.writeString(draft, (kill ? KILL : STOP) + "\n");
        Files.move(draft, requests.resolve(server), StandardCopyOption.ATOMIC_MOVE);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!Files.exists(done)) {
            if (!supervisorRuns(home)) {
                throw new IllegalStateException("No infra supervisor runs for " + root + ": ./mall stack up first");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(server + " was not restarted within " + PATIENCE + "; see .stack/logs/infra.log");
            }
            Thread.sleep(200);
        }
        String answer = Files.readString(done).trim();
        Files.deleteIfExists(done);
        if (!answer.startsWith("restarted")) {
            throw new IllegalStateException("Restarting " + server + " " + answer);
        }
        return answer;
    }

    static Path requests(Path home) {
        return home.resolve("restart");
    }

    private static boolean supervisorRuns(Path home) throws IOException {
        Path pidFile = home.resolve("infra.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        String pid = Files.readString(pidFile).trim();
        return !pid.isEmpty() && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }
}
