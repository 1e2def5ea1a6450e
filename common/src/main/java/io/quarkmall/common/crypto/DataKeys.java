package io.quarkmall.common.crypto;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The owning service's table of data keys: one row per subject and generation, the key wrapped under
 * a master key version. A destroyed key keeps its row (wrapped key gone), so its generation is never
 * issued again. SQL on the service's datasource: inside a caller's transaction it joins it.
 */
@ApplicationScoped
class DataKeys {

    /** A subject's data key of one generation as stored: {@code wrapped} empty once destroyed. */
    record Stored(String subject, int generation, int masterVersion, Optional<byte[]> wrapped) {
    }

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final String table;

    DataKeys(AgroalDataSource dataSource, Clock clock, CryptoConfig config) {
        if (!TABLE_NAME.matcher(config.dataKeyTable()).matches()) {
            throw new IllegalStateException("quarkmall.crypto.data-key-table is not a plain table name");
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.table = config.dataKeyTable();
    }

    /** The subject's newest generation, destroyed or not; empty if it never had a key. */
    Optional<Stored> newest(String subject) {
        return query("SELECT subject, generation, master_version, wrapped FROM " + table
                + " WHERE subject = ? ORDER BY generation DESC LIMIT 1", subject).stream().findFirst();
    }

    Optional<Stored> find(String subject, int generation) {
        return query("SELECT subject, generation, master_version, wrapped FROM " + table
                + " WHERE subject = ? AND generation = ?", subject, generation).stream().findFirst();
    }

    /**
     * Adds the subject's next generation in a transaction of its own (committed before any value is
     * sealed under it). Racing writers add one: the loser's insert does nothing, and both then read
     * the same newest row.
     */
    Stored addGeneration(String subject, int expectedGeneration, int masterVersion, byte[] wrapped) {
        QuarkusTransaction.requiringNew().run(() -> update("INSERT INTO " + table
                + " (subject, generation, master_version, wrapped, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (subject, generation) DO NOTHING",
                subject, expectedGeneration, masterVersion, wrapped, Timestamp.from(clock.instant())));
        return find(subject, expectedGeneration).orElseThrow();
    }

    /** Destroys every generation of the subject's keys; joins the caller's transaction. */
    int destroy(String subject) {
        return update("UPDATE " + table + " SET wrapped = NULL, master_version = NULL, destroyed_at = ?"
                + " WHERE subject = ? AND wrapped IS NOT NULL", Timestamp.from(clock.instant()), subject);
    }

    /** Up to {@code limit} live keys under another master version, locked (others' locked ones skipped). */
    List<Stored> lockWrappedUnderOtherThan(int masterVersion, int limit) {
        return query("SELECT subject, generation, master_version, wrapped FROM " + table
                + " WHERE wrapped IS NOT NULL AND master_version <> ? ORDER BY subject, generation LIMIT ?"
                + " FOR UPDATE SKIP LOCKED", masterVersion, limit);
    }

    void rewrapped(Stored key, int masterVersion, byte[] wrapped) {
        update("UPDATE " + table + " SET master_version = ?, wrapped = ? WHERE subject = ? AND generation = ?",
                masterVersion, wrapped, key.subject(), key.generation());
    }

    /** Live data keys per master key version, and destroyed ones under key 0. */
    Map<Integer, Long> countByMasterVersion() {
        var counts = new TreeMap<Integer, Long>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT coalesce(master_version, 0), count(*) FROM " + table
                     + " GROUP BY 1");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getInt(1), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count data keys in " + table, e);
        }
    }

    private List<Stored> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, parameters);
             ResultSet rs = s.executeQuery()) {
            var found = new ArrayList<Stored>();
            while (rs.next()) {
                found.add(new Stored(rs.getString(1), rs.getInt(2), rs.getInt(3), Optional.ofNullable(rs.getBytes(4))));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read data keys from " + table, e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change data keys in " + table, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
