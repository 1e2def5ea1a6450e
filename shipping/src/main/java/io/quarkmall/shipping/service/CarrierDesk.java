package io.quarkmall.shipping.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.shipping.carrier.CarrierApi;
import io.quarkmall.shipping.carrier.CarrierPush;
import io.quarkmall.shipping.carrier.CarrierRefused;
import io.quarkmall.shipping.carrier.CarrierUnavailable;
import io.quarkmall.shipping.carrier.Carriers;
import io.quarkmall.shipping.carrier.InvalidPush;
import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.shipping.domain.ShipmentEvent;
import io.quarkmall.shipping.domain.ShipmentEvent.ShipmentCreated;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Where shipping deals with carriers that have an API: it books each new parcel and calls off each cancelled
 * one it booked (or may have), trying again after 1, 2, 4 … 60 s (or the carrier's Retry-After) while the
 * carrier is unavailable;
 * and it applies each push a carrier signs, once: a replayed push (a nonce seen before) is refused, and a scan
 * the carrier reports again (a pushId seen before: its retry, or an aggregator's history) changes nothing.
 */
@ApplicationScoped
public class CarrierDesk {

    private static final Logger LOG = Logger.getLogger(CarrierDesk.class);
    /** A round's most calls: each round starts a second after the last ended (one replica's share of the carrier). */
    private static final int CALLS_PER_ROUND = 100;
    private static final Duration AFTER_REFUSAL = Duration.ofMinutes(5);
    /** How long a carrier's push id is remembered: far longer than a carrier goes on sending one push again. */
    private static final Duration PUSHES_KEPT = Duration.ofDays(7);
    /**
     * How soon a carrier pushes a scan after it happened, at the latest (its retries last minutes): a scan older than
     * the push ids kept less this was applied when it was new, so one that comes again in a whole history is skipped.
     */
    private static final Duration SCAN_PUSHED_WITHIN = Duration.ofDays(1);
    /** How far a carrier's clock may be ahead of ours: a scan later than that has not happened. */
    private static final Duration CLOCK_AHEAD = Duration.ofMinutes(10);
    private static final Duration FARTHEST_ETA = Duration.ofDays(366);

    private final Carriers carriers;
    private final Outbox outbox;
    private final EntityManager db;
    private final Clock clock;
    private final ShippingConfig config;

    CarrierDesk(Carriers carriers, Outbox outbox, EntityManager db, Clock clock, ShippingConfig config) {
        this.carriers = carriers;
        this.outbox = outbox;
        this.db = db;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Makes the calls that are due, each parcel in a transaction of its own that keeps it locked through its call
     * (so a cancellation waits for a booking in flight); a booking repeated after a crash gets the same waybill
     * from the carrier. A call that fails in a way nobody foresaw is recorded on its parcel like a refusal, so
     * that one parcel never holds up the others. A carrier that is unavailable (a rate limit, an outage, a timeout)
     * ends the round: the other parcels wait for the next one, a second later, rather than each wait on it.
     */
    public int callDue() {
        int calls = 0;
        while (calls < CALLS_PER_ROUND) {
            var picked = new AtomicReference<Long>();
            try {
                Answer answer = QuarkusTransaction.requiringNew().call(() -> callNextDue(picked));
                if (answer == Answer.NONE_DUE) {
                    break;
                }
                if (answer == Answer.WAIT) {
                    calls++;
                    break;
                }
            } catch (RuntimeException e) {
                if (picked.get() == null) {
                    throw e;
                }
                LOG.errorf(e, "A call to a carrier about shipment %d failed", picked.get());
                QuarkusTransaction.requiringNew().run(() -> Shipment.<Shipment>findByIdOptional(picked.get())
                        .ifPresent(shipment -> shipment.booking().refused(e.toString(), clock.instant(), AFTER_REFUSAL)));
            }
            calls++;
        }
        return calls;
    }

    /** How a call went, for the round: made (whatever the carrier answered), none due, or the carrier is unavailable. */
    private enum Answer { CALLED, NONE_DUE, WAIT }

    /** Calls the carrier about the parcel whose call is due first (locked, skipping those another replica calls about). */
    private Answer callNextDue(AtomicReference<Long> picked) {
        Instant now = clock.instant();
        Shipment shipment = Shipment.dueForCarrierCall(now, 1).stream().findFirst().orElse(null);
        if (shipment == null) {
            return Answer.NONE_DUE;
        }
        picked.set(shipment.id());
        try {
            call(shipment);
        } catch (CarrierUnavailable e) {
            shipment.booking().unavailable(e.getMessage(), now, e.retryAfter());
            LOG.infof("Carrier %s unavailable for order %d (failed call %d): %s", shipment.carrier(), shipment.orderId(),
                    shipment.booking().failedCalls(), e.getMessage());
            return Answer.WAIT;
        } catch (CarrierRefused e) {
            shipment.booking().refused(e.getMessage(), now, AFTER_REFUSAL);
            LOG.errorf("Carrier %s refused a call about order %d: %s", shipment.carrier(), shipment.orderId(), e.getMessage());
        }
        return Answer.CALLED;
    }

    private void call(Shipment shipment) {
        CarrierApi carrier = carriers.named(shipment.carrier())
                .orElseThrow(() -> new CarrierRefused("no API for carrier " + shipment.carrier()));
        if (shipment.needsBooking()) {
            CarrierApi.Booked booked = carrier.book(shipment.orderId(), shipment.service(), shipment.weightGrams());
            shipment.booked(booked.waybill(), booked.labelUrl());
            announce(new ShipmentCreated(shipment.orderId(), shipment.id(), carrier.code(), booked.waybill()));
        } else if (shipment.needsCallingOff() && !carrier.callOff(shipment.orderId())) {
            shipment.booking().collectedDespiteCancellation();
            LOG.warnf("Order %d was cancelled after carrier %s collected its parcel %s: an operator arranges its return",
                    shipment.orderId(), carrier.code(), shipment.trackingNumber());
        } else {
            shipment.booking().settled();
        }
    }

    /**
     * Applies one signed push of {@code carrierCode}, each of its scans once, and returns what the carrier is to be
     * answered; 404 for a carrier or a waybill we do not know.
     */
    @Transactional
    public Map<String, Object> pushed(String carrierCode, Map<String, String> lowerCaseHeaders, byte[] body) {
        CarrierApi carrier = carriers.named(carrierCode)
                .orElseThrow(() -> ProblemException.notFound("Carrier " + carrierCode));
        Instant now = clock.instant();
        CarrierPush push = carrier.read(lowerCaseHeaders, body, now);
        if (!firstSight("INSERT INTO carrier_nonce (carrier, nonce, seen_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                carrier.code(), push.nonce(), now)) {
            throw InvalidPush.unauthenticated("the push's nonce was seen before: a replay");
        }
        Shipment shipment = Shipment.ofWaybillForUpdate(carrier.code(), push.waybill())
                .orElseThrow(() -> ProblemException.notFound("Waybill " + push.waybill()));
        for (CarrierPush.Scan scan : push.scans()) {
            if (!plausible(scan, now)) {
                continue;
            }
            // only the parcel's latest scan tells its ETA: an older one that comes late (or again) does not move it back
            boolean latest = shipment.lastScanAt() == null || !scan.occurredAt().isBefore(shipment.lastScanAt());
            Instant eta = latest ? plausibleEta(scan, now) : null;
            if (firstSight("INSERT INTO carrier_push (carrier, push_id, received_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                    carrier.code(), scan.pushId(), now)) {
                var passed = shipment.track(scan.code(), scan.place(), scan.location(), scan.occurredAt(), eta);
                shipment.takeTracking().forEach(event -> event.persist());
                ShipmentEvent.tracked(shipment, passed, scan.code(), scan.location()).forEach(this::announce);
            } else if (eta != null) {
                shipment.reforecast(eta); // the carrier sent its latest scan again, with a new ETA perhaps
            }
        }
        return carrier.acknowledgement();
    }

    /**
     * Forgets nonces older than twice the tolerance (a push that old is refused by its timestamp) and push ids older
     * than {@link #PUSHES_KEPT}.
     */
    @Transactional
    public int forgetOldPushes() {
        Instant now = clock.instant();
        return db.createNativeQuery("DELETE FROM carrier_nonce WHERE seen_at < ?1")
                .setParameter(1, now.minus(longest(config.sf().tolerance(), config.kd100().tolerance(),
                        config.easypost().tolerance()).multipliedBy(2)))
                .executeUpdate()
                + db.createNativeQuery("DELETE FROM carrier_push WHERE received_at < ?1")
                .setParameter(1, now.minus(PUSHES_KEPT)).executeUpdate();
    }

    /**
     * A scan to apply: not dated after now (beyond the carriers' clock skew: it has not happened), and not older than
     * the push ids kept (it was applied when it was new; a carrier pushing whole histories sends it again and again).
     */
    private static boolean plausible(CarrierPush.Scan scan, Instant now) {
        if (scan.occurredAt().isAfter(now.plus(CLOCK_AHEAD))) {
            LOG.warnf("Ignored scan %s, dated %s: after now", scan.pushId(), scan.occurredAt());
            return false;
        }
        return !scan.occurredAt().isBefore(now.minus(PUSHES_KEPT).plus(SCAN_PUSHED_WITHIN));
    }

    /** The scan's ETA, unless it is before the scan or more than a year away (then it says nothing). */
    private static Instant plausibleEta(CarrierPush.Scan scan, Instant now) {
        Instant eta = scan.eta();
        return eta == null || eta.isBefore(scan.occurredAt().minus(CLOCK_AHEAD)) || eta.isAfter(now.plus(FARTHEST_ETA))
                ? null : eta;
    }

    private static Duration longest(Duration... tolerances) {
        return Stream.of(tolerances).max(Duration::compareTo).orElseThrow();
    }

    private boolean firstSight(String insert, String carrier, String id, Instant now) {
        return db.createNativeQuery(insert).setParameter(1, carrier).setParameter(2, id).setParameter(3, now)
                .executeUpdate() == 1;
    }

    private void announce(ShipmentEvent event) {
        outbox.record(config.shipmentTopic(), Long.toString(event.orderId()), event);
    }
}
