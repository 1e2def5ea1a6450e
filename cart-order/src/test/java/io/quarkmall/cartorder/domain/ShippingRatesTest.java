package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.cartorder.domain.ShippingRates.Quote;
import io.quarkmall.cartorder.domain.ShippingRates.Rate;
import io.quarkmall.cartorder.domain.ShippingRates.Unit;
import io.quarkmall.cartorder.domain.ShippingRates.Zone;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rate card: zones by address, weight charged by the kilogram begun, thresholds, services not offered. */
class ShippingRatesTest {

    private static final ShippingRates CARD = new ShippingRates("CNY", "CN", List.of("新疆", "西藏", "Xinjiang"), 500, Map.of(
            ShippingOption.STANDARD, Map.of(
                    Zone.MAINLAND, new Rate(0, 0, Optional.empty(), 2, 4),
                    Zone.REMOTE, new Rate(1_200, 600, Optional.of(19_900L), 5, 9)),
            ShippingOption.EXPRESS, Map.of(
                    Zone.MAINLAND, new Rate(1_500, 500, Optional.of(29_900L), 1, 2),
                    Zone.REMOTE, new Rate(3_000, 1_500, Optional.empty(), 2, 4),
                    Zone.INTERNATIONAL, new Rate(18_000, 6_000, Optional.empty(), 3, 6))));

    private static Optional<PostalAddress> in(String country, String province) {
        return Optional.of(new PostalAddress("张三", "13900001234", country, province, "城", "区", "路 1 号", null, "100000", null));
    }

    private static Money cny(long minor) {
        return new Money(minor, "CNY");
    }

    private static long fee(ShippingOption option, Optional<PostalAddress> to, List<Unit> units, long goodsMinor) {
        return CARD.quote(option, to, units, cny(goodsMinor)).fee().amountMinor();
    }

    @Test
    void the_zone_is_the_addresss_country_and_the_start_of_its_province() {
        assertEquals(Zone.MAINLAND, CARD.zoneOf(in("CN", "浙江省")));
        assertEquals(Zone.REMOTE, CARD.zoneOf(in("CN", "新疆维吾尔自治区")));
        assertEquals(Zone.REMOTE, CARD.zoneOf(in("cn", " xinjiang Uygur")));
        assertEquals(Zone.INTERNATIONAL, CARD.zoneOf(in("US", "CA")));
        assertEquals(Zone.INTERNATIONAL, CARD.zoneOf(in("HK", "新疆")), "the province only counts at home");
        assertEquals(Zone.MAINLAND, CARD.zoneOf(Optional.empty()), "without an address: priced as the mainland");
    }

    @Test
    void a_parcel_pays_its_first_kilogram_and_each_one_begun_after_it() {
        var mainland = in("CN", "浙江省");
        assertEquals(1_500, fee(ShippingOption.EXPRESS, mainland, List.of(new Unit(1, Optional.of(1))), 1_000));
        assertEquals(1_500, fee(ShippingOption.EXPRESS, mainland, List.of(new Unit(2, Optional.of(500))), 1_000));
        assertEquals(2_000, fee(ShippingOption.EXPRESS, mainland, List.of(new Unit(1, Optional.of(1_001))), 1_000));
        assertEquals(1_500 + 2 * 500, fee(ShippingOption.EXPRESS, mainland,
                List.of(new Unit(2, Optional.of(1_200)), new Unit(1, Optional.of(1))), 1_000), "2,401 g: three kilograms");
        assertEquals(2_000, fee(ShippingOption.EXPRESS, mainland, List.of(new Unit(3, Optional.empty())), 1_000),
                "three units of unknown weight count 500 g each");
        assertEquals(0, fee(ShippingOption.STANDARD, mainland, List.of(new Unit(40, Optional.of(2_000))), 1_000));
        assertEquals(1_200 + 4 * 600, fee(ShippingOption.STANDARD, in("CN", "西藏自治区"),
                List.of(new Unit(1, Optional.of(4_500))), 1_000));
    }

    @Test
    void a_threshold_makes_delivery_free_from_the_goods_value_it_names() {
        var mainland = in("CN", "上海市");
        var parcel = List.of(new Unit(1, Optional.of(800)));
        assertEquals(1_500, fee(ShippingOption.EXPRESS, mainland, parcel, 29_899));
        assertEquals(0, fee(ShippingOption.EXPRESS, mainland, parcel, 29_900));
        Quote free = CARD.quote(ShippingOption.EXPRESS, mainland, parcel, cny(50_000));
        assertEquals(Optional.of(cny(29_900)), free.freeFrom());
        assertEquals(3_000, fee(ShippingOption.EXPRESS, in("CN", "新疆"), parcel, 1_000_000), "no threshold in that zone");
    }

    @Test
    void the_options_offered_are_the_zones_services_cheapest_first() {
        var parcel = List.of(new Unit(1, Optional.of(800)));
        assertEquals(List.of(ShippingOption.STANDARD, ShippingOption.EXPRESS),
                CARD.quotes(in("CN", "浙江省"), parcel, cny(1_000)).stream().map(Quote::option).toList());
        List<Quote> abroad = CARD.quotes(in("JP", "東京都"), parcel, cny(1_000));
        assertEquals(List.of(ShippingOption.EXPRESS), abroad.stream().map(Quote::option).toList());
        assertEquals(Zone.INTERNATIONAL, abroad.getFirst().zone());
        assertEquals(800, abroad.getFirst().weightGrams());
        assertEquals(3, abroad.getFirst().minDays());
        assertEquals("shipping-not-offered", assertThrows(RuleViolation.class,
                () -> CARD.quote(ShippingOption.STANDARD, in("JP", "東京都"), parcel, cny(1_000))).type());
    }

    @Test
    void goods_in_another_currency_than_the_card_go_by_standard_delivery_at_no_charge() {
        var parcel = List.of(new Unit(1, Optional.of(3_000)));
        List<Quote> quotes = CARD.quotes(in("CN", "西藏"), parcel, new Money(1_000, "USD"));
        assertEquals(List.of(ShippingOption.STANDARD), quotes.stream().map(Quote::option).toList());
        assertEquals(new Money(0, "USD"), quotes.getFirst().fee());
        assertEquals(Optional.empty(), quotes.getFirst().freeFrom());
        assertEquals(5, quotes.getFirst().minDays());
        assertEquals("shipping-not-offered", assertThrows(RuleViolation.class,
                () -> CARD.quote(ShippingOption.EXPRESS, in("CN", "浙江省"), parcel, new Money(1_000, "USD"))).type());
        assertEquals(List.of(), CARD.quotes(in("US", "CA"), parcel, new Money(1_000, "USD")), "standard does not serve abroad here");
    }
}
