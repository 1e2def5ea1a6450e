package io.quarkmall.shipping.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.shipping.domain.Shipment.Status;
import io.quarkmall.stack.testing.EntityState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every carrier scan and cancellation in every status of a parcel. The full table:
 *
 * <pre>
 * from        advance (a carrier scan)   cancel (the order was cancelled)
 * CREATED     PICKED_UP                  CANCELLED (true)
 * PICKED_UP   IN_TRANSIT                 unchanged (false: a return, not a cancellation)
 * IN_TRANSIT  DELIVERED                  unchanged (false)
 * DELIVERED   refused                    unchanged (false)
 * CANCELLED   refused                    unchanged (false)
 * </pre>
 *
 * Each move records one {@link TrackingEvent}, which the aggregate hands to its service to store
 * ({@code takeTracking()}); a refusal or a no-op records none. A carrier with an API reports scans
 * ({@code track}) that only move a parcel forward, passing over the statuses whose scan never came;
 * every such scan is recorded, even one that moves nothing.
 */
class ShipmentStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration UNTIL_NEXT_STEP = Duration.ofMinutes(5);

    @ParameterizedTest(name = "the scan after {0} is {1}")
    @CsvSource(nullValues = "none", textBlock = """
            CREATED,    PICKED_UP
            PICKED_UP,  IN_TRANSIT
            IN_TRANSIT, DELIVERED
            DELIVERED,  none
            CANCELLED,  none
            RETURNED_TO_SENDER, none
            LOST,       none
            """)
    void a_parcel_is_scanned_in_carrier_order_until_it_is_delivered(Status from, Status next) {
        assertEquals(Optional.ofNullable(next), from.next());
    }

    @ParameterizedTest(name = "{0} + advance -> {1}")
    @CsvSource({"CREATED, PICKED_UP", "PICKED_UP, IN_TRANSIT", "IN_TRANSIT, DELIVERED"})
    void a_carrier_scan_moves_the_parcel_one_step(Status from, Status to) {
        Shipment shipment = shipmentIn(from);
        assertEquals(to, shipment.advance("CN-SH-SORT", "Shanghai hub", NOW, UNTIL_NEXT_STEP));
        assertEquals(to, shipment.status());
        assertEquals(List.of(to.name()), shipment.takeTracking().stream().map(TrackingEvent::status).toList());
    }

    @ParameterizedTest(name = "{0} + advance -> {1}, ETA in {2} steps")
    @CsvSource(nullValues = "none", textBlock = """
            CREATED,    PICKED_UP,  2
            PICKED_UP,  IN_TRANSIT, 1
            IN_TRANSIT, DELIVERED,  none
            """)
    void each_scan_codes_the_event_and_moves_the_eta_to_the_steps_left(Status from, Status to, Integer stepsLeft) {
        Shipment shipment = shipmentIn(from);
        shipment.advance("CN-SH-SORT", "Shanghai hub", NOW, UNTIL_NEXT_STEP);
        var scan = shipment.takeTracking().getFirst();
        assertEquals(List.of(to.name(), "CN-SH-SORT", "Shanghai hub"), List.of(scan.code().name(), scan.place(), scan.location()));
        assertEquals(stepsLeft == null ? null : NOW.plus(UNTIL_NEXT_STEP.multipliedBy(stepsLeft)), shipment.eta());
    }

    @ParameterizedTest(name = "{0} + advance -> refused")
    @EnumSource(names = {"DELIVERED", "CANCELLED"})
    void a_scan_of_a_delivered_or_cancelled_parcel_is_refused(Status from) {
        Shipment shipment = shipmentIn(from);
        assertThrows(RuleViolation.class, () -> shipment.advance("CN-SH-SORT", "Shanghai hub", NOW, UNTIL_NEXT_STEP));
        assertEquals(from, shipment.status());
        assertEquals(List.of(), shipment.takeTracking());
    }

    @ParameterizedTest(name = "{0} + cancel -> CANCELLED")
    @EnumSource(names = "CREATED")
    void a_parcel_not_yet_picked_up_is_not_sent(Status from) {
        Shipment shipment = shipmentIn(from);
        assertTrue(shipment.cancel(NOW));
        assertEquals(Status.CANCELLED, shipment.status());
        assertEquals(List.of("CANCELLED"), shipment.takeTracking().stream().map(TrackingEvent::status).toList());
        assertNull(shipment.eta());
    }

    @ParameterizedTest(name = "{0} + cancel -> unchanged")
    @EnumSource(names = {"PICKED_UP", "IN_TRANSIT", "DELIVERED", "CANCELLED"})
    void a_parcel_that_left_or_was_already_cancelled_is_not_cancelled(Status from) {
        Shipment shipment = shipmentIn(from);
        assertFalse(shipment.cancel(NOW));
        assertEquals(from, shipment.status());
        assertEquals(List.of(), shipment.takeTracking());
    }

    @ParameterizedTest(name = "{0} + carrier scan {1} -> {2}, passing [{3}]")
    @CsvSource(textBlock = """
            CREATED,    PICKED_UP,                 PICKED_UP,          PICKED_UP
            CREATED,    ARRIVED_AT_SORTING_CENTRE, IN_TRANSIT,         PICKED_UP IN_TRANSIT
            CREATED,    DELIVERED,                 DELIVERED,          PICKED_UP IN_TRANSIT DELIVERED
            PICKED_UP,  OUT_FOR_DELIVERY,          IN_TRANSIT,         IN_TRANSIT
            IN_TRANSIT, OUT_FOR_DELIVERY,          IN_TRANSIT,         ''
            IN_TRANSIT, DELAYED,                   IN_TRANSIT,         ''
            IN_TRANSIT, EXCEPTION,                 IN_TRANSIT,         ''
            IN_TRANSIT, PICKED_UP,                 IN_TRANSIT,         ''
            IN_TRANSIT, LOST,                      LOST,               LOST
            PICKED_UP,  RETURNED_TO_SENDER,        RETURNED_TO_SENDER, RETURNED_TO_SENDER
            DELIVERED,  IN_TRANSIT,                DELIVERED,          ''
            CANCELLED,  PICKED_UP,                 CANCELLED,          ''
            LOST,       DELIVERED,                 LOST,               ''
            """)
    void a_carriers_scan_moves_the_parcel_only_forward_and_is_always_recorded(Status from, TrackingCode code, Status to,
                                                                             String passed) {
        Shipment shipment = shipmentIn(from);
        Instant eta = NOW.plus(UNTIL_NEXT_STEP);
        var statuses = shipment.track(code, "CN-SZ", "深圳市", NOW, eta);
        assertEquals(passed.isBlank() ? List.of() : Arrays.stream(passed.split(" ")).map(Status::valueOf).toList(), statuses);
        assertEquals(to, shipment.status());
        var scans = shipment.takeTracking();
        assertEquals(List.of(code + " " + to), scans.stream().map(scan -> scan.code() + " " + scan.status()).toList());
        assertEquals(code, shipment.lastCode());
        assertEquals(to.isFinal() ? null : eta, shipment.eta(), "the carrier's ETA while it moves, none once it stopped");
    }

    @Test
    void a_carrier_that_is_unavailable_is_called_again_after_1_2_4_and_at_most_60_seconds_or_when_it_asks() {
        Shipment shipment = carrierParcel();
        var waits = new java.util.ArrayList<Long>();
        for (int call = 1; call <= 8; call++) {
            shipment.booking().unavailable("503 busy", NOW, Optional.empty());
            waits.add(Duration.between(NOW, shipment.booking().nextCallAt()).toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L), waits);
        assertEquals(8, shipment.booking().failedCalls());
        assertEquals("503 busy", shipment.booking().error());
        shipment.booking().unavailable("429 slow down", NOW, Optional.of(Duration.ofSeconds(3)));
        assertEquals(NOW.plusSeconds(3), shipment.booking().nextCallAt(), "the carrier's Retry-After");
        shipment.booked("SF123456789012", null);
        assertNull(shipment.booking().nextCallAt());
        assertNull(shipment.booking().error());
    }

    @Test
    void a_parcel_whose_booking_failed_on_its_way_back_is_called_off_when_the_order_is_cancelled() {
        Shipment neverCalled = carrierParcel();
        assertTrue(neverCalled.cancel(NOW));
        assertNull(neverCalled.booking().nextCallAt(), "nothing to call off: the carrier never heard of it");

        Shipment maybeBooked = carrierParcel();
        maybeBooked.booking().unavailable("timed out", NOW, Optional.empty());
        assertTrue(maybeBooked.cancel(NOW));
        assertTrue(maybeBooked.needsCallingOff());
        assertEquals(NOW, maybeBooked.booking().nextCallAt());
        maybeBooked.booking().collectedDespiteCancellation();
        assertNull(maybeBooked.booking().nextCallAt());
        assertTrue(maybeBooked.booking().error().contains("collected"), "left for an operator");
    }

    @Test
    void a_late_scan_does_not_become_the_last_one() {
        Shipment shipment = shipmentIn(Status.IN_TRANSIT);
        shipment.track(TrackingCode.DELIVERED, "DOORSTEP", "杭州市", NOW, null);
        shipment.track(TrackingCode.EXCEPTION, "CN-HZ", "杭州市", NOW.minusSeconds(60), null);
        assertEquals(TrackingCode.DELIVERED, shipment.lastCode());
        assertEquals(NOW, shipment.lastScanAt());
        assertEquals(2, shipment.takeTracking().size(), "both recorded");
    }

    /** A parcel of a carrier with an API, not yet booked. */
    private static Shipment carrierParcel() {
        Shipment shipment = shipmentIn(Status.CREATED);
        EntityState.set(shipment, "trackingNumber", null);
        EntityState.set(shipment, "nextStepAt", null);
        EntityState.set(shipment, "booking", CarrierBooking.dueAt(NOW));
        return shipment;
    }

    /** The parcel's row as the table holds it in {@code status} (create() persists, so it cannot be used here). */
    private static Shipment shipmentIn(Status status) {
        var shipment = new Shipment();
        EntityState.set(shipment, "id", 7L);
        EntityState.set(shipment, "orderId", 42L);
        EntityState.set(shipment, "shopperId", "shopper-1");
        EntityState.set(shipment, "carrier", "SANDBOX");
        EntityState.set(shipment, "trackingNumber", "TRK-1");
        EntityState.set(shipment, "createdAt", NOW);
        EntityState.set(shipment, "status", status);
        boolean moving = status != Status.DELIVERED && status != Status.CANCELLED;
        EntityState.set(shipment, "nextStepAt", moving ? NOW.plus(UNTIL_NEXT_STEP) : null);
        return shipment;
    }
}
