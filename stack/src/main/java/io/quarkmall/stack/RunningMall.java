package io.quarkmall.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole mall for end-to-end tests: the six services from their packaged jars and the edge on
 * :8080, on the local stack's real servers, exactly as {@code ./mall up} runs them. Tests can kill
 * a service (kill -9) and start it again, with extra settings, to prove what survives a crash.
 * Refuses to start over a mall that is already running: tests must test the code just built.
 */
public final class RunningMall implements AutoCloseable {

    private final StackLayout layout;
    private final List<String> everyStart;
    private final Map<String, ServiceNode> services = new ConcurrentHashMap<>();
    private EdgeNode edge;

    private RunningMall(StackLayout layout, List<String> everyStart) {
        this.layout = layout;
        this.everyStart = everyStart;
    }

    /**
     * Starts the local stack if needed, then every service and the edge; {@code systemProperties}
     * ({@code key=value}) apply to every start of every service, restarts included.
     */
    public static RunningMall start(Path root, String... systemProperties) throws Exception {
        List<String> busy = new ArrayList<>();
        Ports.SERVICES.stream().filter(s -> Readiness.isListening(s.port())).forEach(s -> busy.add(s.name() + ":" + s.port()));
        if (Readiness.isListening(Ports.EDGE)) {
            busy.add("edge:" + Ports.EDGE);
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("A mall is already running (" + busy + "). The end-to-end tests start "
                    + "the services they test from this build: stop it with ./mall down first.");
        }
        ensureStack(root);
        var mall = new RunningMall(StackLayout.load(root), List.of(systemProperties));
        var pool = Executors.newFixedThreadPool(Ports.SERVICES.size());
        try {
            var starting = new ArrayList<Future<?>>();
            for (Ports.Service service : Ports.SERVICES) {
                starting.add(pool.submit(() -> {
                    mall.start(service.name());
                    return null;
                }));
            }
            for (Future<?> future : starting) {
                future.get();
            }
            mall.edge = new EdgeNode(mall.layout);
            mall.edge.start();
        } catch (ExecutionException e) {
            mall.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        return mall;
    }

    /** Starts one service (again), with extra {@code key=value} system properties (these win). */
    public void start(String service, String... systemProperties) throws Exception {
        var properties = new ArrayList<>(everyStart);
        properties.addAll(List.of(systemProperties));
        var node = new ServiceNode(layout, Ports.SERVICES.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service)), properties);
        services.put(service, node);
        node.start();
    }

    /** kill -9 of one service: whatever it committed stays committed, whatever it held in memory is gone. */
    public void kill(String service) throws InterruptedException {
        ServiceNode node = services.remove(service);
        if (node != null) {
            node.kill();
        }
    }

    /**
     * Restarts one server of the local stack (postgres, kafka, redis, ...) in place, through the
     * infra supervisor: kill -9 when {@code kill}, else a clean stop. Returns once it answers again.
     */
    public String restartInfrastructure(String server, boolean kill) throws Exception {
        return LocalStackControl.restart(layout.root(), server, kill);
    }

    /** A graceful stop of one service. */
    public void stop(String service) throws Exception {
        ServiceNode node = services.remove(service);
        if (node != null) {
            node.close();
        }
    }

    @Override
    public void close() throws Exception {
        if (edge != null) {
            edge.close();
        }
        for (String service : List.copyOf(services.keySet())) {
            stop(service);
        }
    }

    private static void ensureStack(Path root) throws Exception {
        Process up = new ProcessBuilder("bash", root.resolve("mall").toString(), "stack", "up")
                .directory(root.toFile()).inheritIO().start();
        if (up.waitFor() != 0) {
            throw new IllegalStateException("./mall stack up failed; see .stack/logs/");
        }
    }
}
