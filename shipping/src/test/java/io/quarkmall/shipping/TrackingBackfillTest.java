package io.quarkmall.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V10 gives the scans recorded before the one status model their codes and places: shipping's
 * migrations up to V4 in a schema of their own, the sandbox carrier's old rows, then the rest.
 */
@QuarkusTest
class TrackingBackfillTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void scans_recorded_before_the_status_model_get_codes_and_places_from_their_status_and_location() throws SQLException {
        String schema = "backfill_" + System.nanoTime();
        try {
            migrate(schema, "4");
            try (var db = dataSource.getConnection(); var sql = db.createStatement()) {
                sql.execute("""
                        INSERT INTO %1$s.shipment (order_id, shopper_id, carrier, tracking_number, status, created_at)
                            VALUES (1, 's', 'sandbox-express', 'QM1', 'DELIVERED', now()), (2, 's', 'sandbox-express', 'QM2', 'CANCELLED', now());
                        INSERT INTO %1$s.tracking_event (shipment_id, status, location, occurred_at)
                            SELECT id, s.status, s.location, now() FROM %1$s.shipment,
                                (VALUES (1, 1, 'PICKED_UP', 'Shanghai sorting centre'), (2, 1, 'IN_TRANSIT', 'Hangzhou hub'),
                                        (3, 1, 'DELIVERED', 'Doorstep'), (4, 2, 'CANCELLED', 'Warehouse'),
                                        (5, 1, 'IN_TRANSIT', 'Somewhere else')) AS s (n, order_id, status, location)
                            WHERE shipment.order_id = s.order_id ORDER BY s.n""".formatted(schema));
            }
            migrate(schema, "latest");
            var rows = new ArrayList<List<String>>();
            try (var db = dataSource.getConnection(); var sql = db.createStatement();
                 var found = sql.executeQuery("SELECT code, place, location FROM %s.tracking_event ORDER BY id".formatted(schema))) {
                while (found.next()) {
                    rows.add(Arrays.asList(found.getString(1), found.getString(2), found.getString(3)));
                }
            }
            assertEquals(List.of(
                    Arrays.asList("PICKED_UP", "CN-SH-SORT", "Shanghai sorting centre"),
                    Arrays.asList("IN_TRANSIT", "CN-HZ-HUB", "Hangzhou hub"),
                    Arrays.asList("DELIVERED", "DOORSTEP", "Doorstep"),
                    Arrays.asList("CANCELLED", "WAREHOUSE", "Warehouse"),
                    Arrays.asList("IN_TRANSIT", null, "Somewhere else")), rows);
        } finally {
            try (var db = dataSource.getConnection(); var sql = db.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void migrate(String schema, String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
