package io.quarkmall.shipping.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkmall.shipping.domain.DeliveryService;
import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.shipping.domain.ShipmentEvent;
import io.quarkmall.shipping.domain.ShipmentEvent.ShipmentCancelled;
import io.quarkmall.shipping.domain.ShipmentEvent.ShipmentCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Ships paid orders and reports every step of the parcel, through the outbox. */
@ApplicationScoped
public class ShipmentService {

    static final String SANDBOX_CARRIER = "sandbox-express";
    /** The sandbox carrier's route, one stop a scan after CREATED: its place code and the carrier's words for it. */
    private static final List<Stop> ROUTE = List.of(new Stop("CN-SH-SORT", "Shanghai sorting centre"),
            new Stop("CN-HZ-HUB", "Hangzhou hub"), new Stop(Shipment.DOORSTEP, "Doorstep"));

    private record Stop(String place, String location) {}

    private final Outbox outbox;
    private final Clock clock;
    private final ShippingConfig config;

    ShipmentService(Outbox outbox, Clock clock, ShippingConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * One shipment per order, however often the order's payment is announced, by the service the order chose (its
     * weight told to the carrier), with the carrier of its destination and service ({@link #carrierFor}).
     * A carrier with an API books it ({@link CarrierDesk}), and ShipmentCreated follows with its waybill; the
     * simulated carrier has it at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipPaidOrder(long orderId, String shopperId, DeliveryService service, Integer weightGrams,
                              Optional<String> destinationCountry) {
        if (Shipment.ofOrder(orderId).isPresent()) {
            return;
        }
        String carrier = carrierFor(service, destinationCountry);
        if (!carrier.equals(ShippingConfig.SIMULATED)) {
            Shipment.createForCarrier(orderId, shopperId, carrier, service, weightGrams, clock.instant());
            return;
        }
        // the hyphen keeps the digits two short runs: an order id and four digits run together could be
        // 13 to 19 digits that pass the Luhn check, which any card-data scan of logs and rows reports
        String tracking = "QM%d-%04d".formatted(orderId, ThreadLocalRandom.current().nextInt(10_000));
        var shipment = Shipment.create(orderId, shopperId, SANDBOX_CARRIER, service, tracking, clock.instant(),
                stepOf(service));
        announce(new ShipmentCreated(orderId, shipment.id(), SANDBOX_CARRIER, tracking));
    }

    /**
     * The carrier of a parcel: the international carrier, when one is set, for a parcel to another country than
     * the home country; else the express carrier, when one is set, for an express parcel; else the carrier. A
     * parcel of unknown destination (an order placed without an address) stays at home.
     */
    String carrierFor(DeliveryService service, Optional<String> destinationCountry) {
        boolean abroad = destinationCountry.filter(country -> !country.equalsIgnoreCase(config.homeCountry())).isPresent();
        if (abroad && config.internationalCarrier().isPresent()) {
            return config.internationalCarrier().get();
        }
        return service == DeliveryService.EXPRESS ? config.expressCarrier().orElse(config.carrier()) : config.carrier();
    }

    /** Stops the parcel if it has not left. The order's events come in order, so none exists yet if it was never paid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCancelled(long orderId) {
        Shipment.ofOrderForUpdate(orderId).filter(shipment -> shipment.cancel(clock.instant())).ifPresent(shipment -> {
            shipment.takeTracking().forEach(scan -> scan.persist());
            announce(new ShipmentCancelled(orderId, shipment.id()));
        });
    }

    /** The simulated carrier's scans: every due parcel moves one step along its route. */
    @Transactional
    public int moveDueParcels() {
        var now = clock.instant();
        var due = Shipment.dueForNextStep(now, 50);
        for (Shipment shipment : due) {
            Stop stop = ROUTE.get(shipment.status().ordinal());
            shipment.advance(stop.place(), stop.location(), now, stepOf(shipment.service()));
            shipment.takeTracking().forEach(scan -> scan.persist());
            announce(ShipmentEvent.scanned(shipment, stop.location()));
        }
        return due.size();
    }

    /** How long each of the simulated carrier's steps takes: an express parcel's, half as long. */
    private Duration stepOf(DeliveryService service) {
        return service == DeliveryService.EXPRESS ? config.sandboxStep().dividedBy(2) : config.sandboxStep();
    }

    private void announce(ShipmentEvent event) {
        outbox.record(config.shipmentTopic(), Long.toString(event.orderId()), event);
    }
}
