package io.quarkmall.cartorder.config;

import io.quarkmall.cartorder.domain.ShippingOption;
import io.quarkmall.cartorder.domain.ShippingRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The rate card as configured ({@code quarkmall.order.shipping.*}); an unknown service or zone stops cart-order starting. */
@ApplicationScoped
public class ShippingRateCard {

    @Produces
    @Singleton
    ShippingRates rates(OrderConfig config) {
        OrderConfig.Shipping shipping = config.shipping();
        var services = new EnumMap<ShippingOption, Map<ShippingRates.Zone, ShippingRates.Rate>>(ShippingOption.class);
        shipping.services().forEach((name, zones) -> {
            var rates = new EnumMap<ShippingRates.Zone, ShippingRates.Rate>(ShippingRates.Zone.class);
            zones.forEach((zone, rate) -> rates.put(named(ShippingRates.Zone.class, zone, "zone"), new ShippingRates.Rate(
                    rate.firstKgMinor(), rate.extraKgMinor(), rate.freeFromMinor(), rate.minDays(), rate.maxDays())));
            services.put(named(ShippingOption.class, name, "service"), rates);
        });
        if (services.isEmpty()) {
            throw new IllegalStateException("quarkmall.order.shipping.services names no delivery service");
        }
        return new ShippingRates(shipping.currency(), shipping.homeCountry(), shipping.remoteRegions(),
                shipping.defaultUnitGrams(), services);
    }

    private static <E extends Enum<E>> E named(Class<E> kind, String name, String what) {
        try {
            return Enum.valueOf(kind, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("quarkmall.order.shipping: unknown " + what + " " + name, e);
        }
    }
}
