package io.quarkmall.stock.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.StockReservation.Status;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every step in every status of a reservation: HELD closes once (CONFIRMED when the order is paid,
 * RELEASED when it is cancelled unpaid), and only a CONFIRMED one is RESTOCKED. Plain Java.
 */
class StockReservationStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    enum Step {
        CONFIRM, RELEASE, RESTOCK;

        void applyTo(StockReservation reservation) {
            switch (this) {
                case CONFIRM -> reservation.close(Status.CONFIRMED, NOW);
                case RELEASE -> reservation.close(Status.RELEASED, NOW);
                case RESTOCK -> reservation.restocked(NOW);
            }
        }
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = """
            HELD,      CONFIRM, CONFIRMED
            HELD,      RELEASE, RELEASED
            HELD,      RESTOCK, refused: reservation-not-confirmed
            CONFIRMED, CONFIRM, refused: reservation-closed
            CONFIRMED, RELEASE, refused: reservation-closed
            CONFIRMED, RESTOCK, RESTOCKED
            RELEASED,  CONFIRM, refused: reservation-closed
            RELEASED,  RELEASE, refused: reservation-closed
            RELEASED,  RESTOCK, refused: reservation-not-confirmed
            RESTOCKED, CONFIRM, refused: reservation-closed
            RESTOCKED, RELEASE, refused: reservation-closed
            RESTOCKED, RESTOCK, refused: reservation-not-confirmed
            """)
    void a_reservation_closes_once_and_only_a_confirmed_one_is_restocked(Status from, Step step, String outcome) {
        StockReservation reservation = reservationIn(from);

        if (outcome.startsWith("refused: ")) {
            var refused = assertThrows(RuleViolation.class, () -> step.applyTo(reservation));
            assertEquals(outcome.substring("refused: ".length()), refused.type());
            assertEquals(from, reservation.status());
        } else {
            step.applyTo(reservation);
            assertEquals(Status.valueOf(outcome), reservation.status());
        }
    }

    /** Three units held for an order, then brought to {@code status} by the reservation's own steps. */
    static StockReservation reservationIn(Status status) {
        var reservation = new StockReservation(42, "SKU-1", 3, NOW);
        switch (status) {
            case HELD -> { }
            case CONFIRMED -> reservation.close(Status.CONFIRMED, NOW);
            case RELEASED -> reservation.close(Status.RELEASED, NOW);
            case RESTOCKED -> {
                reservation.close(Status.CONFIRMED, NOW);
                reservation.restocked(NOW);
            }
        }
        assertEquals(status, reservation.status());
        return reservation;
    }
}
