package io.quarkmall.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Supervises one group of local servers: starts those whose port is free, reuses those already
 * listening, prints every server's version, then waits. On SIGTERM it stops exactly the servers
 * it started. The infra supervisor also restarts one of its servers on request ({@link LocalStackControl}).
 * Run through {@code ./mall}, which keeps the pid files.
 *
 * <pre>LocalStack ROOT infra   # PostgreSQL, Redis, Kafka, OpenSearch, Keycloak, the payment and carrier sandboxes, SMTP
 * LocalStack ROOT apps    # the six services and the edge on :8080</pre>
 */
public final class LocalStack {

    private final List<Server> started = Collections.synchronizedList(new ArrayList<>());
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("infra", "apps").contains(args[1])) {
            System.err.println("usage: LocalStack <repository root> infra|apps");
            System.exit(2);
        }
        var layout = StackLayout.load(Path.of(args[0]).toAbsolutePath());
        String group = args[1];
        List<Server> servers = group.equals("infra") ? infra(layout) : apps(layout);
        new LocalStack().supervise(layout, group, servers);
    }

    static List<Server> infra(StackLayout layout) {
        return List.of(new PostgresNode(layout), new RedisNode(), new KafkaNode(layout),
                new OpenSearchNode(layout), new KeycloakNode(layout), new SandboxPaymentGateway(layout),
                new SandboxAlipay(layout), new SandboxWechatPay(layout), new SandboxSfExpress(), new SandboxKuaidi100(),
                new SandboxEasyPost(), new MailNode());
    }

    static List<Server> apps(StackLayout layout) {
        var servers = new ArrayList<Server>();
        Ports.SERVICES.forEach(service -> servers.add(new ServiceNode(layout, service)));
        servers.add(new EdgeNode(layout));
        return servers;
    }

    private void supervise(StackLayout layout, String group, List<Server> servers) throws Exception {
        Path ready = layout.home().resolve(group + ".ready");
        Files.deleteIfExists(ready);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopStarted(ready), "local-stack-stop"));
        try {
            startAll(group, servers);
        } catch (Exception e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        if (group.equals("infra")) {
            new RestartRequests(layout.home(), started).watch(); // ./mall stack restart <server>
        }
        Files.write(ready, report);
        report.forEach(System.out::println);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** The edge waits for the services it fronts; everything else starts side by side. */
    private void startAll(String group, List<Server> servers) throws Exception {
        List<Server> first = servers.stream().filter(s -> !(s instanceof EdgeNode)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(first.size());
        try {
            var futures = new ArrayList<Future<?>>();
            for (Server server : first) {
                futures.add(pool.submit(() -> {
                    startOrReuse(server);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        for (Server server : servers) {
            if (server instanceof EdgeNode) {
                startOrReuse(server);
            }
        }
    }

    private void startOrReuse(Server server) throws Exception {
        long begin = System.nanoTime();
        String how;
        if (Readiness.isListening(server.port())) {
            how = "reused (already listening)";
        } else {
            System.out.println("starting " + server.name() + " on 127.0.0.1:" + server.port());
            started.add(server);
            server.start();
            how = "started in " + (System.nanoTime() - begin) / 1_000_000 + " ms";
        }
        report.add(String.format("%-10s :%-5d %s; %s", server.name(), server.port(), server.version(), how));
    }

    private void stopStarted(Path ready) {
        try {
            Files.deleteIfExists(ready);
        } catch (Exception ignored) {
            // the pid file, not this marker, says whether we run
        }
        var reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (Server server : reversed) {
            try {
                server.close();
                System.out.println("stopped " + server.name());
            } catch (Exception e) {
                System.err.println("could not stop " + server.name() + ": " + e.getMessage());
            }
        }
    }
}
