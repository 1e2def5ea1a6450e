package io.quarkmall.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where the stack could keep card data, read whole: its log files, every text column of every
 * table in every database, every message of every topic. Each finding says where it is (file and
 * line; database, table, column and row; topic, partition and offset) and what, masked.
 */
final class CardDataScan {

    /**
     * Column types read as text. Others cannot hold a card number as text: numbers too short to be
     * one (smallint, integer), times, booleans, UUIDs, and bytea, which holds bytes, not text (the
     * lottery's random seeds).
     */
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character", "json", "jsonb",
            "ARRAY", "bigint", "numeric");

    /** What a scan read (lines, rows or messages) and what it found there. */
    record Report(long scanned, List<String> findings) {}

    private CardDataScan() {
    }

    static Report logs(Path directory) throws IOException {
        var findings = new ArrayList<String>();
        long scanned = 0;
        if (!Files.isDirectory(directory)) {
            return new Report(0, findings);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        for (Path file : files) {
            // ISO-8859-1 reads any bytes: a log with a stray binary byte is still read to its end
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    scanned++;
                    for (var finding : CardDataDetector.scan(line)) {
                        findings.add(file.getFileName() + ":" + number + ": " + finding);
                    }
                }
            }
        }
        return new Report(scanned, findings);
    }

    static Report databases(String host, int port, String user, String password) throws SQLException {
        var findings = new ArrayList<String>();
        var names = new ArrayList<String>();
        try (Connection c = DriverManager.getConnection(url(host, port, "postgres"), user, password);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY datname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        long scanned = 0;
        for (String database : names) {
            try (Connection c = DriverManager.getConnection(url(host, port, database), user, password)) {
                c.setAutoCommit(false); // so the driver streams rows by the fetch size
                for (var table : textColumns(c).entrySet()) {
                    scanned += scanTable(c, database, table.getKey(), table.getValue(), findings);
                }
            }
        }
        return new Report(scanned, findings);
    }

    private static String url(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Every user table's text columns, by "schema"."table". */
    private static Map<String, List<String>> textColumns(Connection c) throws SQLException {
        var tables = new LinkedHashMap<String, List<String>>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT col.table_schema, col.table_name, col.column_name, col.data_type
                FROM information_schema.columns col
                JOIN information_schema.tables t ON t.table_schema = col.table_schema AND t.table_name = col.table_name
                WHERE t.table_type = 'BASE TABLE' AND col.table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY col.table_schema, col.table_name, col.ordinal_position""")) {
            while (rs.next()) {
                String table = rs.getString(2);
                if (TEXT_TYPES.contains(rs.getString(4))) {
                    tables.computeIfAbsent(quoted(rs.getString(1)) + "." + quoted(table), k -> new ArrayList<>())
                            .add(rs.getString(3));
                }
            }
        }
        return tables;
    }

    private static long scanTable(Connection c, String database, String table, List<String> columns,
                                  List<String> findings) throws SQLException {
        long rows = 0;
        var select = new StringBuilder("SELECT ctid::text");
        columns.forEach(column -> select.append(", ").append(quoted(column)).append("::text"));
        try (var statement = c.createStatement()) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery(select + " FROM " + table)) {
                while (rs.next()) {
                    rows++;
                    for (int i = 0; i < columns.size(); i++) {
                        String value = rs.getString(i + 2);
                        String where = database + "." + table + "." + columns.get(i) + " row " + rs.getString(1) + ": ";
                        if (value == null) {
                            continue;
                        }
                        if (CardDataDetector.isCvvField(columns.get(i), value)) {
                            findings.add(where + "CVV column " + columns.get(i));
                        }
                        CardDataDetector.scan(value).forEach(f -> findings.add(where + f));
                    }
                }
            }
        }
        c.rollback();
        return rows;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * Every message of every topic, keys, values and headers. Kafka's internal topics
     * (__consumer_offsets, __transaction_state) are left out: the broker alone writes them, with
     * group offsets and transaction markers, never a producer's payload.
     */
    static Report topics(String bootstrap) throws Exception {
        var findings = new ArrayList<String>();
        long scanned = 0;
        List<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get().stream()
                    .filter(t -> !t.startsWith("__")).sorted().toList();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "enable.auto.commit", false, "max.poll.records", 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        scanRecord(record, findings);
                        scanned++;
                    }
                }
            }
        }
        return new Report(scanned, findings);
    }

    private static void scanRecord(ConsumerRecord<byte[], byte[]> record, List<String> findings) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset() + ": ";
        var parts = new ArrayList<String>();
        parts.add(text(record.key()));
        parts.add(text(record.value()));
        for (Header header : record.headers()) {
            parts.add(header.key() + "=" + text(header.value()));
        }
        for (String part : parts) {
            CardDataDetector.scan(part).forEach(f -> findings.add(where + f));
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
