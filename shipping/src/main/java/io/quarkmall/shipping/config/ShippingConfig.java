package io.quarkmall.shipping.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** shipping's own settings. */
@ConfigMapping(prefix = "quarkmall.shipping")
public interface ShippingConfig {

    /** The carrier that ships every paid order: {@code simulated} (moved in this service), {@code sf}, {@code kd100} or {@code easypost}. */
    String SIMULATED = "simulated";

    /** Where ShipmentCreated, ShipmentPickedUp, ShipmentInTransit and ShipmentDelivered go. */
    @WithDefault("shipping.shipment.v1")
    String shipmentTopic();

    /** The simulated carrier: how long each step (pick-up, transit, delivery) takes. */
    @WithDefault("20s")
    Duration sandboxStep();

    /** Which carrier ships paid orders: {@value #SIMULATED}, or the code of a carrier with an API ({@code sf}, {@code kd100}, {@code easypost}). */
    @WithDefault(SIMULATED)
    String carrier();

    /**
     * The carrier of the parcels of orders that chose express delivery, when another than {@link #carrier()} (say,
     * {@code sf} for express and the aggregator for standard): {@value #SIMULATED} or the code of a carrier with an API.
     */
    Optional<String> expressCarrier();

    /**
     * The carrier of parcels to another country than {@link #homeCountry()} (say, the label API {@code easypost}),
     * whatever their service; unset, they go by the carriers above.
     */
    Optional<String> internationalCarrier();

    /** The country the mall ships from (ISO 3166-1 alpha-2): parcels to any other go by the international carrier. */
    @WithDefault("CN")
    String homeCountry();

    /** The SF-Express-like carrier's API. */
    Sf sf();

    interface Sf {

        /** Its API's base URL (the local stack's sandbox: :18283). */
        @WithDefault("http://127.0.0.1:18283")
        URI url();

        @WithDefault("QUARKMALL")
        String partnerId();

        /** The partner key both sides sign with (QUARKMALL_SHIPPING_SF_KEY); without it the carrier cannot be used. */
        Optional<String> key();

        /** Where the carrier pushes its scans: this service's {@code /api/shipping/carriers/sf/pushes}, as the carrier reaches it. */
        @WithDefault("http://127.0.0.1:8086/api/shipping/carriers/sf/pushes")
        String callbackUrl();

        /** How far a push's timestamp may be from now; a replayed push inside it is caught by its nonce. */
        @WithDefault("5m")
        Duration tolerance();
    }

    /** The Kuaidi100-like aggregator's API. */
    Kd100 kd100();

    interface Kd100 {

        /** Its API's base URL (the local stack's sandbox: :18284). */
        @WithDefault("http://127.0.0.1:18284")
        URI url();

        /** Our account's key with the aggregator, sent with every call. */
        @WithDefault("QUARKMALL")
        String key();

        /** The secret our calls are signed with (QUARKMALL_SHIPPING_KD100_SECRET); without it the carrier cannot be used. */
        Optional<String> secret();

        /** The salt we subscribe with, which signs the aggregator's pushes (QUARKMALL_SHIPPING_KD100_SALT, 8-64 characters). */
        Optional<String> salt();

        /** Where the aggregator pushes: this service's {@code /api/shipping/carriers/kd100/pushes}, as it reaches it. */
        @WithDefault("http://127.0.0.1:8086/api/shipping/carriers/kd100/pushes")
        String callbackUrl();

        /** How far a push's {@code pushTime} may be from now; a replayed push inside it is caught by its signature. */
        @WithDefault("5m")
        Duration tolerance();
    }

    /** The EasyPost-like international label API. */
    EasyPost easypost();

    interface EasyPost {

        /** Its API's base URL (the local stack's sandbox: :18285). */
        @WithDefault("http://127.0.0.1:18285")
        URI url();

        /** Our account's API key (QUARKMALL_SHIPPING_EASYPOST_API_KEY); without it the carrier cannot be used. */
        Optional<String> apiKey();

        /** The secret its webhook events are signed with (QUARKMALL_SHIPPING_EASYPOST_WEBHOOK_SECRET, 16 characters or more). */
        Optional<String> webhookSecret();

        /** Where it sends its events: this service's {@code /api/shipping/carriers/easypost/pushes}, as it reaches it. */
        @WithDefault("http://127.0.0.1:8086/api/shipping/carriers/easypost/pushes")
        String webhookUrl();

        /** How far an event's {@code X-Timestamp} may be from now; a replayed event inside it is caught by its signature. */
        @WithDefault("5m")
        Duration tolerance();
    }
}
