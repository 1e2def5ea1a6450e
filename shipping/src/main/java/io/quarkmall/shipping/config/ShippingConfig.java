package io.quarkmall.shipping.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** shipping's own settings. */
@ConfigMapping(prefix = "quarkmall.shipping")
public interface ShippingConfig {

    /** Where ShipmentCreated, ShipmentPickedUp, ShipmentInTransit and ShipmentDelivered go. */
    @WithDefault("shipping.shipment.v1")
    String shipmentTopic();

    /** The sandbox carrier: how long each step (pick-up, transit, delivery) takes. */
    @WithDefault("20s")
    Duration sandboxStep();
}
