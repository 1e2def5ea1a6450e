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
 * The carriers with an API, by code. The configured carriers (every parcel's, express parcels' and parcels
 * abroad if set apart)
 * must be among them, usable as configured, or the simulated one: otherwise shipping does not start.
 */
@ApplicationScoped
@Startup
public class Carriers {

    private final Map<String, CarrierApi> byCode;

    Carriers(Instance<CarrierApi> apis, ShippingConfig config) {
        this.byCode = apis.stream().collect(Collectors.toUnmodifiableMap(CarrierApi::code, Function.identity()));
        check("quarkmall.shipping.carrier", config.carrier());
        config.expressCarrier().ifPresent(express -> check("quarkmall.shipping.express-carrier", express));
        config.internationalCarrier().ifPresent(abroad -> check("quarkmall.shipping.international-carrier", abroad));
        if (!config.homeCountry().matches("[A-Z]{2}")) {
            throw new IllegalStateException("quarkmall.shipping.home-country is " + config.homeCountry()
                    + "; it must be an ISO 3166-1 alpha-2 code in capitals, such as CN");
        }
    }

    /** The configured carrier must be the simulated one or one with an API, usable as configured. */
    private void check(String setting, String code) {
        if (code.equals(ShippingConfig.SIMULATED)) {
            return;
        }
        CarrierApi chosen = byCode.get(code);
        if (chosen == null) {
            throw new IllegalStateException(setting + " is " + code + "; known: " + ShippingConfig.SIMULATED + ", "
                    + String.join(", ", byCode.keySet()));
        }
        chosen.unusableBecause().ifPresent(why -> {
            throw new IllegalStateException(setting + " is " + code + ", which cannot be used: " + why);
        });
    }

    public Optional<CarrierApi> named(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
