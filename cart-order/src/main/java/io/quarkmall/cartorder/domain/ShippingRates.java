package io.quarkmall.cartorder.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mall's rate card: what each delivery service costs to a zone, by weight. A parcel is charged its
 * first kilogram and then each kilogram begun; where a zone's rate has a free-shipping threshold, delivery
 * costs nothing once the goods' value (their prices, before coupons and points) reaches it. The zone is the address's: the mainland of the mall's country, its
 * remote regions (named by the start of the province, in any case), or abroad; an order without an
 * address is priced as mainland. A SKU whose weight catalog was not told weighs {@code defaultUnitGrams}. Goods
 * priced in another currency than the card's go by standard delivery at no charge.
 */
public record ShippingRates(String currency, String homeCountry, List<String> remoteRegions, int defaultUnitGrams,
                            Map<ShippingOption, Map<Zone, Rate>> services) {

    public enum Zone { MAINLAND, REMOTE, INTERNATIONAL }

    /**
     * What a parcel costs to one zone: its first kilogram, each kilogram begun after it, the goods' value from
     * which it is free (if any), and the days it takes.
     */
    public record Rate(long firstKgMinor, long extraKgMinor, Optional<Long> freeFromMinor, int minDays, int maxDays) {}

    /** One service's price for one parcel: its weight as charged, the fee, the threshold it would be free from, the days. */
    public record Quote(ShippingOption option, Zone zone, int weightGrams, Money fee, Optional<Money> freeFrom,
                        int minDays, int maxDays) {}

    /** One SKU of the parcel: how many, and one unit's weight if known. */
    public record Unit(int quantity, Optional<Integer> weightGrams) {}

    public ShippingRates {
        remoteRegions = List.copyOf(remoteRegions);
        services = Map.copyOf(services);
    }

    public Zone zoneOf(Optional<PostalAddress> address) {
        if (address.isEmpty()) {
            return Zone.MAINLAND;
        }
        if (!homeCountry.equalsIgnoreCase(address.get().country())) {
            return Zone.INTERNATIONAL;
        }
        String province = Optional.ofNullable(address.get().province()).orElse("").strip().toLowerCase(Locale.ROOT);
        return remoteRegions.stream().anyMatch(region -> province.startsWith(region.toLowerCase(Locale.ROOT)))
                ? Zone.REMOTE : Zone.MAINLAND;
    }

    /** The parcel's weight: each unit's, or the default where catalog gave none. */
    public int weightOf(List<Unit> units) {
        long grams = units.stream().mapToLong(u -> (long) u.quantity() * u.weightGrams().orElse(defaultUnitGrams)).sum();
        return (int) Math.min(grams, Integer.MAX_VALUE);
    }

    /**
     * Every service offered to the address, cheapest first. The card prices in its own currency: goods in another
     * go by standard delivery alone, at no charge (where standard serves the zone).
     */
    public List<Quote> quotes(Optional<PostalAddress> address, List<Unit> units, Money goods) {
        Zone zone = zoneOf(address);
        int grams = weightOf(units);
        var quotes = new ArrayList<Quote>();
        for (ShippingOption option : ShippingOption.values()) {
            Rate rate = services.getOrDefault(option, Map.of()).get(zone);
            if (rate != null && goods.currency().equals(currency)) {
                quotes.add(quote(option, rate, zone, grams, goods));
            } else if (rate != null && option == ShippingOption.STANDARD) {
                quotes.add(new Quote(option, zone, grams, Money.zero(goods.currency()), Optional.empty(), rate.minDays(),
                        rate.maxDays()));
            }
        }
        quotes.sort((a, b) -> Long.compare(a.fee().amountMinor(), b.fee().amountMinor()));
        return List.copyOf(quotes);
    }

    /** The chosen service's price; a RuleViolation {@code shipping-not-offered} if it does not serve the address. */
    public Quote quote(ShippingOption option, Optional<PostalAddress> address, List<Unit> units, Money goods) {
        return quotes(address, units, goods).stream().filter(q -> q.option() == option).findFirst()
                .orElseThrow(() -> new RuleViolation("shipping-not-offered", option + " delivery is not offered to "
                        + zoneOf(address).name().toLowerCase(Locale.ROOT) + " addresses: choose another delivery option."));
    }

    private Quote quote(ShippingOption option, Rate rate, Zone zone, int grams, Money goods) {
        long kilograms = Math.max(1, (grams + 999L) / 1000);
        long fee = Math.addExact(rate.firstKgMinor(), Math.multiplyExact(kilograms - 1, rate.extraKgMinor()));
        Optional<Money> freeFrom = rate.freeFromMinor().map(minor -> new Money(minor, currency));
        if (freeFrom.isPresent() && goods.amountMinor() >= freeFrom.get().amountMinor()) {
            fee = 0;
        }
        return new Quote(option, zone, grams, new Money(fee, currency), freeFrom, rate.minDays(), rate.maxDays());
    }
}
