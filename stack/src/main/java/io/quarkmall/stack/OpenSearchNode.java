package io.quarkmall.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OpenSearch, single node, with the smartcn (Chinese) and kuromoji (Japanese) analysis plugins
 * assembled from their Maven jars. OpenSearch refuses to run as root, so as root it runs as nobody.
 */
final class OpenSearchNode implements Server {

    private static final String URL = "http://" + Readiness.HOST + ":" + Ports.OPENSEARCH;
    private static final String NOBODY = "65534";
    private static final Pattern VERSION = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    private final StackLayout layout;
    private ChildProcess process;

    OpenSearchNode(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public int port() {
        return Ports.OPENSEARCH;
    }

    @Override
    public void start() throws Exception {
        String version = layout.version(name());
        Path base = baseDirectory();
        Path home = Distributions.unpack(layout.artifact("opensearch.zip"),
                Files.createDirectories(base.resolve("dist")), "opensearch-" + version);
        installPlugin(home, "analysis-smartcn", "opensearch.plugin.smartcn", "lucene.smartcn",
                "org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin");
        installPlugin(home, "analysis-kuromoji", "opensearch.plugin.kuromoji", "lucene.kuromoji",
                "org.opensearch.plugin.analysis.kuromoji.AnalysisKuromojiPlugin");
        Path data = Files.createDirectories(base.resolve("data").resolve(name()));
        Path tmp = Files.createDirectories(data.resolve("tmp"));
        writeConfig(home, data);

        var command = new ArrayList<String>();
        if (runningAsRoot()) {
            giveToNobody(home, data);
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(home.resolve("bin/opensearch").toString());
        Path log = layout.log(name());
        process = ChildProcess.start(name(), command, Map.of(
                "OPENSEARCH_JAVA_HOME", System.getProperty("java.home"),
                "OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m",
                "OPENSEARCH_TMPDIR", tmp.toString()), home, log);
        Readiness.await("OpenSearch", Duration.ofSeconds(180),
                () -> Readiness.get(URL + "/_cluster/health?wait_for_status=yellow&timeout=1s") != null,
                () -> process.ensureAlive(log));
    }

    private void installPlugin(Path home, String plugin, String pluginJar, String luceneJar, String className)
            throws IOException {
        Path dir = home.resolve("plugins").resolve(plugin);
        if (Files.exists(dir.resolve("plugin-descriptor.properties"))) {
            return;
        }
        Files.createDirectories(dir);
        for (String key : List.of(pluginJar, luceneJar)) {
            Path jar = layout.artifact(key);
            Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("plugin-descriptor.properties"), """
                description=%s analysis for Quarkmall's search
                version=%s
                name=%s
                classname=%s
                java.version=21
                opensearch.version=%s
                custom.foldername=%s
                extended.plugins=
                has.native.controller=false
                """.formatted(plugin, layout.version(name()), plugin, className, layout.version(name()), plugin));
    }

    private static void writeConfig(Path home, Path data) throws IOException {
        Files.writeString(home.resolve("config/opensearch.yml"), """
                cluster.name: quarkmall-local
                node.name: quarkmall-local-1
                path.data: %s
                path.logs: %s
                network.host: %s
                http.port: %d
                transport.port: %d
                discovery.type: single-node
                action.auto_create_index: true
                """.formatted(data.resolve("nodes"), data.resolve("logs"), Readiness.HOST,
                Ports.OPENSEARCH, Ports.OPENSEARCH_TRANSPORT));
    }

    /**
     * Normally {@code .stack/}. As root, OpenSearch runs as nobody, who must be able to reach its
     * files: when the checkout lies below a directory closed to others (such as /root), its files
     * go to a directory of their own under the temporary directory instead.
     */
    private Path baseDirectory() throws IOException {
        if (!runningAsRoot() || openToOthers(layout.home())) {
            return layout.home();
        }
        Path base = Path.of(System.getProperty("java.io.tmpdir"),
                "quarkmall-opensearch-" + Integer.toHexString(layout.root().toString().hashCode()));
        System.out.println("opensearch: " + layout.home() + " is closed to other users; using " + base);
        return Files.createDirectories(base);
    }

    private static boolean openToOthers(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToNobody(Path... paths) throws IOException, InterruptedException {
        for (Path path : paths) {
            int exit = new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, path.toString())
                    .inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IOException("chown of " + path + " failed with " + exit);
            }
        }
    }

    @Override
    public String version() {
        String body = Readiness.get(URL + "/");
        var m = body == null ? null : VERSION.matcher(body);
        return m != null && m.find() ? "OpenSearch " + m.group(1) : "OpenSearch (version not reported)";
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
