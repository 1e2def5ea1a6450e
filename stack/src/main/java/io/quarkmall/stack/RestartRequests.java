package io.quarkmall.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The supervisor's side of {@link LocalStackControl}: watches {@code .stack/restart/} for request
 * files and restarts the named server in place (the same {@link Server}, so the supervisor still
 * stops it on shutdown), one request at a time, answering each with a {@code .done} file.
 * Only servers this supervisor started can be restarted; one it reused belongs to someone else.
 */
final class RestartRequests implements Runnable, AutoCloseable {

    private final Path requests;
    private final List<Server> started;
    private Thread watcher;

    RestartRequests(Path home, List<Server> started) {
        this.requests = LocalStackControl.requests(home);
        this.started = started;
    }

    /** Starts watching on a daemon thread. Requests left from an earlier supervisor are dropped. */
    RestartRequests watch() throws IOException {
        Files.createDirectories(requests);
        try (Stream<Path> stale = Files.list(requests)) {
            for (Path file : stale.toList()) {
                Files.deleteIfExists(file);
            }
        }
        watcher = new Thread(this, "restart-requests");
        watcher.setDaemon(true);
        watcher.start();
        return this;
    }

    /** Stops watching; a restart under way is interrupted. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (Path request : pending()) {
                    serve(request);
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                System.err.println("restart requests: " + e);
            }
        }
    }

    private List<Path> pending() throws IOException {
        try (Stream<Path> files = Files.list(requests)) {
            return files.filter(f -> !f.getFileName().toString().contains(".")).toList();
        }
    }

    private void serve(Path request) throws IOException, InterruptedException {
        String name = request.getFileName().toString();
        boolean kill = Files.readString(request).trim().equals(LocalStackControl.KILL);
        Files.delete(request);
        String answer;
        try {
            answer = restart(name, kill);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            answer = "failed: " + e.getMessage();
        }
        System.out.println(name + ": " + answer);
        Path draft = requests.resolve(name + ".answer");
        Files.writeString(draft, answer + "\n");
        Files.move(draft, requests.resolve(name + LocalStackControl.DONE), StandardCopyOption.ATOMIC_MOVE);
    }

    private String restart(String name, boolean kill) throws Exception {
        Server server;
        synchronized (started) {
            server = started.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("this supervisor did not start " + name + "; it started "
                            + started.stream().map(Server::name).toList()));
        }
        long begin = System.nanoTime();
        if (kill) {
            server.kill();
        } else {
            server.close();
        }
        long down = System.nanoTime();
        server.start();
        long up = System.nanoTime();
        return "restarted %s (%s in %d ms, up again in %d ms)".formatted(name, kill ? "killed" : "stopped",
                (down - begin) / 1_000_000, (up - down) / 1_000_000);
    }
}
