package io.quarkmall.shipping.carrier;

import io.quarkmall.shipping.domain.Shipment;
import io.quarkmall.shipping.domain.TrackingCode;
import java.util.Map;

/** The cities carriers name in their scans, as our place codes. */
final class CarrierCities {

    /** The network's cities, as Chinese and international carriers write them: Shanghai's scans are at its transfer centre. */
    private static final Map<String, String> PLACES = Map.of(
            "深圳市", "CN-SZ", "SHENZHEN", "CN-SZ",
            "上海市", "CN-SH-SORT", "SHANGHAI", "CN-SH-SORT",
            "杭州市", "CN-HZ", "HANGZHOU", "CN-HZ");

    private CarrierCities() {
    }

    /** Delivered is at the recipient's door wherever the city; elsewhere the city's place, or null if we know none. */
    static String place(TrackingCode code, String city) {
        if (code.reaches().filter(Shipment.Status.DELIVERED::equals).isPresent()) {
            return Shipment.DOORSTEP;
        }
        return city == null ? null : PLACES.get(city);
    }
}
