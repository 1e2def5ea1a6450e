package io.quarkmall.stack;

import java.io.IOException;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keycloak in dev mode with the {@code quarkmall} realm kept in this repository. When the realm
 * file changes, Keycloak's own database is reset so that the next start imports it afresh.
 */
final class KeycloakNode implements Server {

    static final String REALM = "quarkmall";
    /** The realm as production imports it: no password-grant client, no demo users, no secrets. */
    private static final String REALM_RESOURCE = "/keycloak/quarkmall-realm.json";
    /** What only the local stack adds: the test client, demo users, local secrets and redirect URIs. */
    private static final String LOCAL_ADDITIONS = "/keycloak/quarkmall-realm-local.json";
    private static final String URL = "http://" + Readiness.HOST + ":" + Ports.KEYCLOAK;
    private static final String ISSUER_BASE = "http://localhost:" + Ports.KEYCLOAK;

    private final StackLayout layout;
    private Path home;
    private ChildProcess process;

    KeycloakNode(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public int port() {
        return Ports.KEYCLOAK;
    }

    @Override
    public void start() throws Exception {
        home = Distributions.unpack(layout.artifact("keycloak.zip"), layout.dist(), "keycloak-" + layout.version(name()));
        String realmDigest = importRealm(home);
        Path log = layout.log(name());
        process = ChildProcess.start(name(), List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=" + Readiness.HOST, "--http-port=" + Ports.KEYCLOAK, "--import-realm",
                        // One issuer however Keycloak is reached (browser: localhost; services: 127.0.0.1).
                        "--hostname=" + ISSUER_BASE, "--hostname-backchannel-dynamic=true"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"),
                home, log);
        Readiness.await("Keycloak", Duration.ofSeconds(300),
                () -> Readiness.get(URL + "/realms/" + REALM + "/.well-known/openid-configuration") != null,
                () -> process.ensureAlive(log));
        Files.writeString(realmMarker(), realmDigest);
    }

    private Path realmMarker() {
        return layout.data(name()).resolve("realm.sha256");
    }

    /** Puts the realm where --import-realm reads it; returns its digest, recorded once imported. */
    private String importRealm(Path home) throws Exception {
        byte[] realm = LocalRealm.merge(resource(REALM_RESOURCE), resource(LOCAL_ADDITIONS))
                .encodePrettily().getBytes(StandardCharsets.UTF_8);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(realm));
        Path marker = realmMarker();
        if (!Files.exists(marker) || !Files.readString(marker).equals(digest)) {
            Distributions.deleteTree(home.resolve("data/h2"));
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.write(imports.resolve("quarkmall-realm.json"), realm);
        return digest;
    }

    private static JsonObject resource(String name) throws IOException {
        try (InputStream in = KeycloakNode.class.getResourceAsStream(name)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public String version() throws IOException {
        Path file = home == null ? null : home.resolve("version.txt");
        return file != null && Files.exists(file) ? Files.readString(file).trim() : "Keycloak " + layout.version(name());
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
