package io.quarkmall.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Quarkmall service, run from its packaged jar with the {@code local} profile. */
final class ServiceNode implements Server {

    private final StackLayout layout;
    private final Ports.Service service;
    private final List<String> systemProperties;
    private ChildProcess process;

    ServiceNode(StackLayout layout, Ports.Service service) {
        this(layout, service, List.of());
    }

    /** {@code systemProperties}: extra {@code -Dkey=value} settings, for tests that run a service differently. */
    ServiceNode(StackLayout layout, Ports.Service service, List<String> systemProperties) {
        this.layout = layout;
        this.service = service;
        this.systemProperties = List.copyOf(systemProperties);
    }

    @Override
    public String name() {
        return service.name();
    }

    @Override
    public int port() {
        return service.port();
    }

    String readinessUrl() {
        return "http://" + Readiness.HOST + ":" + service.managementPort() + "/q/health/ready";
    }

    @Override
    public void start() throws Exception {
        Path module = layout.root().resolve(service.name());
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        Path log = layout.log(name());
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dquarkus.profile=local"));
        systemProperties.forEach(property -> command.add("-D" + property));
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(name(), command, Map.of(), module, log);
        Readiness.await(name(), Duration.ofSeconds(180), () -> Readiness.get(readinessUrl()) != null,
                () -> process.ensureAlive(log));
    }

    @Override
    public String version() {
        return "Quarkmall " + name() + " on http://localhost:" + port() + service.rootPath();
    }

    /** Dies at once, as a crashed node does. */
    @Override
    public void kill() throws InterruptedException {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.stop();
        }
    }
}
