package io.quarkmall.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;

/** Apache Kafka in KRaft mode, one node that is both broker and controller, in its own JVM. */
final class KafkaNode implements Server {

    private static final String BOOTSTRAP = Readiness.HOST + ":" + Ports.KAFKA;

    private final StackLayout layout;
    private ChildProcess process;

    KafkaNode(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public int port() {
        return Ports.KAFKA;
    }

    @Override
    public void start() throws Exception {
        Path home = layout.data(name());
        Path config = writeConfig(home);
        Path log = layout.log(name());
        if (!Files.exists(home.resolve("log").resolve("meta.properties"))) {
            run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()), home, log);
        }
        process = ChildProcess.start(name(), java(List.of("-Xms256m", "-Xmx512m", "kafka.Kafka", config.toString())),
                Map.of(), home, log);
        Readiness.await("Kafka", Duration.ofSeconds(90), KafkaNode::answers, () -> process.ensureAlive(log));
    }

    private static boolean answers() {
        if (!Readiness.isListening(Ports.KAFKA)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Path writeConfig(Path home) throws Exception {
        var p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + Readiness.HOST + ":" + Ports.KAFKA_CONTROLLER);
        p.setProperty("listeners", "PLAINTEXT://" + BOOTSTRAP + ",CONTROLLER://" + Readiness.HOST + ":" + Ports.KAFKA_CONTROLLER);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + BOOTSTRAP);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", home.resolve("log").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        Path file = home.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Written by the Quarkmall local stack on every start");
        }
        Files.writeString(home.resolve("log4j2.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                logger.kafka.name = kafka
                logger.kafka.level = WARN
                logger.apache.name = org.apache.kafka
                logger.apache.level = WARN
                """);
        return file;
    }

    private List<String> java(List<String> arguments) {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlog4j2.configurationFile=" + layout.data(name()).resolve("log4j2.properties"),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        return command;
    }

    private void run(List<String> arguments, Path home, Path log) throws Exception {
        var tool = ChildProcess.start(name() + "-storage-format", java(arguments), Map.of(), home, log);
        Readiness.await("Kafka storage format", Duration.ofSeconds(60), () -> !tool.isAlive(), () -> { });
    }

    @Override
    public String version() {
        return "Apache Kafka " + AppInfoParser.getVersion() + " (KRaft, broker+controller)";
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void kill() throws Exception {
        if (process != null) {
            process.kill();
        }
    }
}
