package io.quarkmall.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restart protocol between LocalStackControl and a supervisor, against a server that only counts. */
class RestartRequestsTest {

    /** Records what the supervisor did to it. */
    static final class CountingServer implements Server {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "kafka";
        }

        @Override
        public int port() {
            return 1;
        }

        @Override
        public void start() {
            calls.add("start");
        }

        @Override
        public String version() {
            return "counting";
        }

        @Override
        public void close() {
            calls.add("close");
        }

        @Override
        public void kill() {
            calls.add("kill");
        }
    }

    @TempDir
    Path root;
    private RestartRequests supervisor;

    @AfterEach
    void stopWatching() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void a_server_the_supervisor_started_is_killed_or_stopped_and_started_again_in_place() throws Exception {
        var kafka = new CountingServer();
        supervise(List.of(kafka));

        assertTrue(LocalStackControl.restart(root, "kafka", true).startsWith("restarted kafka (killed"));
        assertTrue(LocalStackControl.restart(root, "kafka", false).startsWith("restarted kafka (stopped"));
        assertEquals(List.of("kill", "start", "close", "start"), kafka.calls);
    }

    @Test
    void a_server_the_supervisor_did_not_start_is_refused_with_what_it_did_start() throws Exception {
        supervise(List.of(new CountingServer()));

        var refused = assertThrows(IllegalStateException.class, () -> LocalStackControl.restart(root, "redis", true));
        assertTrue(refused.getMessage().contains("did not start redis; it started [kafka]"), refused.getMessage());
    }

    @Test
    void without_a_running_supervisor_the_request_fails_at_once() {
        var refused = assertThrows(IllegalStateException.class, () -> LocalStackControl.restart(root, "kafka", true));
        assertTrue(refused.getMessage().contains("No infra supervisor runs"), refused.getMessage());
    }

    /** This JVM plays the supervisor: its pid in infra.pid, its watcher on .stack/restart/. */
    private void supervise(List<Server> started) throws Exception {
        Path home = Files.createDirectories(root.resolve(".stack"));
        Files.writeString(home.resolve("infra.pid"), Long.toString(ProcessHandle.current().pid()));
        supervisor = new RestartRequests(home, new ArrayList<>(started)).watch();
    }
}
