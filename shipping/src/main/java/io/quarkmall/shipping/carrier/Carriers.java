package io.quarkmall.shipping.carrier;

import io.quarkmall.shipping.config.ShippingConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The carriers with an API, by code. The configured carrier must be one of them, usable as configured, or the
 * simulated one: otherwise shipping does not start.
 */
@ApplicationScoped
@Startup
public class Carriers {

    private final Map<String, CarrierApi> byCode;

    Carriers(Instance<CarrierApi> apis, ShippingConfig config) {
        this.byCode = apis.stream().collect(Collectors.toUnmodifiableMap(CarrierApi::code, Function.identity()));
        if (config.carrier().equals(ShippingConfig.SIMULATED)) {
            return;
        }
        CarrierApi chosen = byCode.get(config.carrier());
        if (chosen == null) {
            throw new IllegalStateException("quarkmall.shipping.carrier is " + config.carrier() + "; known: "
                    + ShippingConfig.SIMULATED + ", " + String.join(", ", byCode.keySet()));
        }
        chosen.unusableBecause().ifPresent(why -> {
            throw new IllegalStateException("quarkmall.shipping.carrier is " + config.carrier() + ", which cannot be used: " + why);
        });
    }

    public Optional<CarrierApi> named(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
