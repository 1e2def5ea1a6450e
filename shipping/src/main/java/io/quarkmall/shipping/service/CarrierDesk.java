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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Where shipping deals with carriers that have an API: it books each new parcel and calls off each cancelled
 * booked one, trying again after 1, 2, 4 … 60 s (or the carrier's Retry-After) while the carrier is unavailable;
 * and it applies each push a carrier signs, once: a replayed push (a nonce seen before) is refused, a push the
 * carrier sends again (a pushId seen before) changes nothing.
 */
@ApplicationScoped
public class CarrierDesk {

    private static final Logger LOG = Logger.getLogger(CarrierDesk.class);
    private static final int CALLS_PER_ROUND = 5;
    private static final Duration MOST_BACKOFF = Duration.ofSeconds(60);
    private static final Duration AFTER_REFUSAL = Duration.ofMinutes(5);

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
     * Makes the calls that are due. The parcel stays locked through its call, so a cancellation waits for a
     * booking in flight; a booking repeated after a crash gets the same waybill from the carrier.
     */
    @Transactional
    public int callDue() {
        Instant now = clock.instant();
        var due = Shipment.dueForCarrierCall(now, CALLS_PER_ROUND);
        for (Shipment shipment : due) {
            try {
                call(shipment);
            } catch (CarrierUnavailable e) {
                shipment.carrierCallFailed(e.getMessage(), now, e.retryAfter().orElse(backoff(shipment.failedCarrierCalls())));
                LOG.infof("Carrier %s unavailable for order %d (call %d): %s", shipment.carrier(), shipment.orderId(),
                        shipment.failedCarrierCalls(), e.getMessage());
            } catch (CarrierRefused e) {
                shipment.carrierCallFailed(e.getMessage(), now, AFTER_REFUSAL);
                LOG.errorf("Carrier %s refused a call about order %d: %s", shipment.carrier(), shipment.orderId(), e.getMessage());
            }
        }
        return due.size();
    }

    private void call(Shipment shipment) {
        CarrierApi carrier = carriers.named(shipment.carrier())
                .orElseThrow(() -> new CarrierRefused("no API for carrier " + shipment.carrier()));
        if (shipment.needsBooking()) {
            String waybill = carrier.book(shipment.orderId());
            shipment.booked(waybill);
            announce(new ShipmentCreated(shipment.orderId(), shipment.id(), carrier.code(), waybill));
        } else if (shipment.needsCallingOff() && !carrier.callOff(shipment.orderId())) {
            LOG.warnf("Order %d was cancelled after carrier %s collected parcel %s; it comes back as a return",
                    shipment.orderId(), carrier.code(), shipment.trackingNumber());
        }
        shipment.settledWithCarrier();
    }

    private static Duration backoff(int failedCalls) {
        Duration wait = Duration.ofSeconds(1L << Math.min(failedCalls - 1, 6));
        return wait.compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : wait;
    }

    /** Applies one signed push of {@code carrierCode}; 404 for a carrier or a waybill we do not know. */
    @Transactional
    public void pushed(String carrierCode, Map<String, String> lowerCaseHeaders, String body) {
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
        if (!firstSight("INSERT INTO carrier_push (carrier, push_id, received_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                carrier.code(), push.pushId(), now)) {
            return; // the carrier sent it again: applied already
        }
        var passed = shipment.track(push.code(), push.place(), push.location(), push.occurredAt(), push.eta());
        shipment.takeTracking().forEach(scan -> scan.persist());
        ShipmentEvent.tracked(shipment, passed, push.code(), push.location()).forEach(this::announce);
    }

    /** Forgets nonces older than twice the tolerance: a push that old is refused by its timestamp. */
    @Transactional
    public int forgetOldNonces() {
        return db.createNativeQuery("DELETE FROM carrier_nonce WHERE seen_at < ?1")
                .setParameter(1, clock.instant().minus(config.sf().tolerance().multipliedBy(2))).executeUpdate();
    }

    private boolean firstSight(String insert, String carrier, String id, Instant now) {
        return db.createNativeQuery(insert).setParameter(1, carrier).setParameter(2, id).setParameter(3, now)
                .executeUpdate() == 1;
    }

    private void announce(ShipmentEvent event) {
        outbox.record(config.shipmentTopic(), Long.toString(event.orderId()), event);
    }
}
