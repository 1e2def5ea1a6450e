package io.quarkmall.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL 17 from zonky's binaries. One database per service, and a separate {@code _test}
 * database per service so that tests never touch what dev mode or {@code ./mall up} hold.
 */
final class PostgresNode implements Server {

    static final String USER = "quarkmall";
    private static final String ADMIN_URL = "jdbc:postgresql://" + Readiness.HOST + ":" + Ports.POSTGRES + "/postgres";

    private final StackLayout layout;
    private EmbeddedPostgres postgres;

    PostgresNode(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public int port() {
        return Ports.POSTGRES;
    }

    @Override
    public void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setPort(Ports.POSTGRES)
                .setDataDirectory(layout.data("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(layout.data("postgres-binaries").toFile())
                .setServerConfig("listen_addresses", Readiness.HOST)
                .setServerConfig("max_connections", "300")
                // zonky turns this off for speed; then a crash loses commits already acknowledged to clients
                // (an order answered 201 that is gone after the restart), which no real PostgreSQL of ours does
                .setServerConfig("synchronous_commit", "on")
                // after a crash the server replays its WAL before it answers
                .setPGStartupWait(Duration.ofSeconds(120))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(layout.log(name()).toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(layout.log(name()).toFile()))
                .start();
        createDatabases();
    }

    /** Idempotent: the role and every service's databases exist afterwards. */
    private void createDatabases() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            var exists = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?");
            exists.setString(1, USER);
            if (!exists.executeQuery().next()) {
                admin.createStatement().execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + USER + "'");
            }
            for (Ports.Service service : Ports.SERVICES) {
                createDatabase(admin, service.database());
                createDatabase(admin, service.database() + "_test");
            }
            for (String database : Ports.TEST_DATABASES) {
                createDatabase(admin, database);
            }
        }
    }

    private static void createDatabase(Connection admin, String name) throws SQLException {
        var exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        exists.setString(1, name);
        if (!exists.executeQuery().next()) {
            admin.createStatement().execute("CREATE DATABASE " + name + " OWNER " + USER);
        }
    }

    @Override
    public String version() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             var rs = c.createStatement().executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * A crash: kill -9 of the postmaster and every backend below it, so the next start replays the
     * WAL over the same data directory (zonky runs initdb only where there is no postgresql.conf).
     * Closing zonky's handle afterwards only releases its lock on the directory: its pg_ctl stop
     * finds no server and says so in the log.
     */
    @Override
    public void kill() throws Exception {
        Path pidFile = layout.data("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            var postmaster = ProcessHandle.of(pid);
            if (postmaster.isPresent()) {
                ChildProcess.killTree(postmaster.get());
            }
        }
        close();
    }
}
