package io.quarkmall.pay.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.domain.risk.RiskHistory.Attempts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule, on the attempts and histories that make it find something and those that do not. Plain Java. */
class RiskRulesTest {

    static final RiskLimits LIMITS = new RiskLimits(50, 80,
            new RiskLimits.Windows(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(1)),
            new RiskLimits.Velocity(3, 10, 25), new RiskLimits.Velocity(3, 10, 25), new RiskLimits.Velocity(3, 6, 25),
            new RiskLimits.CardCycling(2, 30), new RiskLimits.AmountSpike(5, 3, 35, 5000, 25),
            new RiskLimits.NewDevice(1000, 20, 10), 15, new RiskLimits.Declines(2, 30));
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    /** A ¥100 payment from a known device, card and address, shipped to the billing region. */
    static AssessmentRequest attempt(long yuan) {
        return new AssessmentRequest("shopper-1", 7, new Money(yuan * 100, "CNY"), "card", "device-1", "card-1",
                "address-1", "CN-31", "CN-31", NOW);
    }

    /** A shopper with three ¥100 payments from this device and address, nothing recent. */
    static RiskHistory regular() {
        return new RiskHistory(Attempts.NONE, Attempts.NONE, Attempts.NONE, 0, List.of(10_000L, 10_000L, 10_000L),
                true, true, 0);
    }

    static RiskHistory with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(regular())).build();
    }

    /** Changes one part of a history. */
    record Builder(RiskHistory h) {
        Builder shopper(int inShort, int inLong) {
            return new Builder(new RiskHistory(new Attempts(inShort, inLong), h.deviceAttempts(), h.cardAttempts(),
                    h.otherCards(), h.earlierAmounts(), h.knownDevice(), h.knownAddress(), h.recentDeclines()));
        }

        Builder device(int inShort, int inLong) {
            return new Builder(new RiskHistory(h.shopperAttempts(), new Attempts(inShort, inLong), h.cardAttempts(),
                    h.otherCards(), h.earlierAmounts(), h.knownDevice(), h.knownAddress(), h.recentDeclines()));
        }

        Builder card(int inShort, int inLong) {
            return new Builder(new RiskHistory(h.shopperAttempts(), h.deviceAttempts(), new Attempts(inShort, inLong),
                    h.otherCards(), h.earlierAmounts(), h.knownDevice(), h.knownAddress(), h.recentDeclines()));
        }

        Builder otherCards(int cards) {
            return new Builder(new RiskHistory(h.shopperAttempts(), h.deviceAttempts(), h.cardAttempts(), cards,
                    h.earlierAmounts(), h.knownDevice(), h.knownAddress(), h.recentDeclines()));
        }

        Builder amounts(Long... yuan) {
            return new Builder(new RiskHistory(h.shopperAttempts(), h.deviceAttempts(), h.cardAttempts(), h.otherCards(),
                    Stream.of(yuan).map(y -> y * 100).toList(), h.knownDevice(), h.knownAddress(), h.recentDeclines()));
        }

        Builder newDevice(boolean newAddress) {
            return new Builder(new RiskHistory(h.shopperAttempts(), h.deviceAttempts(), h.cardAttempts(), h.otherCards(),
                    h.earlierAmounts(), false, !newAddress, h.recentDeclines()));
        }

        Builder declines(int declines) {
            return new Builder(new RiskHistory(h.shopperAttempts(), h.deviceAttempts(), h.cardAttempts(), h.otherCards(),
                    h.earlierAmounts(), h.knownDevice(), h.knownAddress(), declines));
        }

        RiskHistory build() {
            return h;
        }
    }

    static Stream<Arguments> cases() {
        var base = attempt(100);
        return Stream.of(
                arguments("a regular payment", base, regular(), Map.of()),
                arguments("3 earlier attempts of the shopper in 10 minutes: this is the 4th", base,
                        with(b -> b.shopper(3, 3)), Map.of(RiskRules.SHOPPER_VELOCITY, 25)),
                arguments("2 earlier attempts of the shopper in 10 minutes: within the limit", base,
                        with(b -> b.shopper(2, 2)), Map.of()),
                arguments("10 earlier attempts of the shopper in the hour", base,
                        with(b -> b.shopper(0, 10)), Map.of(RiskRules.SHOPPER_VELOCITY, 25)),
                arguments("9 earlier attempts of the shopper in the hour: within the limit", base,
                        with(b -> b.shopper(0, 9)), Map.of()),
                arguments("a busy device", base, with(b -> b.device(3, 5)), Map.of(RiskRules.DEVICE_VELOCITY, 25)),
                arguments("a busy device is not counted when no device id is sent", noDevice(base),
                        with(b -> b.device(3, 5)), Map.of()),
                arguments("a busy card in the hour", base, with(b -> b.card(0, 6)), Map.of(RiskRules.CARD_VELOCITY, 25)),
                arguments("a busy card is not counted without a fingerprint", noCard(base), with(b -> b.card(9, 9)), Map.of()),
                arguments("three cards in an hour", base, with(b -> b.otherCards(2)), Map.of(RiskRules.CARD_CYCLING, 30)),
                arguments("two cards in an hour", base, with(b -> b.otherCards(1)), Map.of()),
                arguments("six times the median", attempt(600), regular(), Map.of(RiskRules.AMOUNT_SPIKE, 35)),
                arguments("five times the median", attempt(500), regular(), Map.of()),
                arguments("the median of uneven history", attempt(401), with(b -> b.amounts(50L, 80L, 3000L)),
                        Map.of(RiskRules.AMOUNT_SPIKE, 35)),
                arguments("a large first payment", attempt(5001), with(b -> b.amounts()), Map.of(RiskRules.AMOUNT_SPIKE, 25)),
                arguments("a first payment at the limit", attempt(5000), with(b -> b.amounts(100L, 100L)), Map.of()),
                arguments("a large basket from a new device", attempt(1000), with(b -> b.newDevice(false).amounts(400L, 400L, 400L)),
                        Map.of(RiskRules.NEW_DEVICE_LARGE_BASKET, 20)),
                arguments("a large basket from a new device to a new address", attempt(1000),
                        with(b -> b.newDevice(true).amounts(400L, 400L, 400L)), Map.of(RiskRules.NEW_DEVICE_LARGE_BASKET, 30)),
                arguments("a large basket without a device id", noDevice(attempt(1000)), with(b -> b.amounts(400L, 400L, 400L)),
                        Map.of(RiskRules.NEW_DEVICE_LARGE_BASKET, 20)),
                arguments("a small basket from a new device", attempt(999), with(b -> b.newDevice(true).amounts(400L, 400L, 400L)),
                        Map.of()),
                arguments("shipping to another region than billing", regions(base, "CN-31", "us-ca"), regular(),
                        Map.of(RiskRules.ADDRESS_MISMATCH, 15)),
                arguments("regions written differently are the same", regions(base, " cn-31", "CN-31"), regular(), Map.of()),
                arguments("no billing region: nothing to compare", regions(base, "CN-31", null), regular(), Map.of()),
                arguments("three recent declines", base, with(b -> b.declines(3)), Map.of(RiskRules.RECENT_DECLINES, 30)),
                arguments("two recent declines", base, with(b -> b.declines(2)), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_rule_finds_what_it_should_and_nothing_else(String name, AssessmentRequest attempt, RiskHistory history,
                                                         Map<String, Integer> expected) {
        var hits = RiskRules.evaluate(attempt, history, LIMITS);
        assertEquals(expected, hits.stream().collect(Collectors.toMap(RuleHit::rule, RuleHit::points)));
        hits.forEach(hit -> assertTrue(hit.explanation().endsWith(".") && hit.explanation().length() > 20,
                "explained in a sentence: " + hit.explanation()));
    }

    @Test
    void explanations_name_the_numbers_that_made_the_rule_fire() {
        var hits = RiskRules.evaluate(regions(attempt(2000), "CN-31", "US-CA"),
                with(b -> b.shopper(5, 5).otherCards(2)), LIMITS);
        var text = hits.stream().map(RuleHit::explanation).collect(Collectors.joining(" "));
        assertTrue(text.contains("6 payment attempts from this shopper within 10 minutes (more than 3)"), text);
        assertTrue(text.contains("3 different cards or payers tried by this shopper or on this device within 1 hour"), text);
        assertTrue(text.contains("CNY 2000.00 is 20 times this shopper's median payment of CNY 100.00"), text);
        assertTrue(text.contains("ships to CN-31 but the payer's billing region is US-CA"), text);
    }

    @Test
    void the_median_of_an_even_count_is_the_lower_middle_one() {
        assertEquals(20, RiskRules.median(List.of(40L, 10L, 20L, 30L)));
        assertEquals(30, RiskRules.median(List.of(40L, 10L, 30L)));
    }

    private static AssessmentRequest noDevice(AssessmentRequest a) {
        return new AssessmentRequest(a.shopperId(), a.orderId(), a.amount(), a.channel(), " ", a.payerFingerprint(),
                a.shippingAddressHash(), a.shippingRegion(), a.billingRegion(), a.at());
    }

    private static AssessmentRequest noCard(AssessmentRequest a) {
        return new AssessmentRequest(a.shopperId(), a.orderId(), a.amount(), a.channel(), a.deviceId(), null,
                a.shippingAddressHash(), a.shippingRegion(), a.billingRegion(), a.at());
    }

    private static AssessmentRequest regions(AssessmentRequest a, String shipping, String billing) {
        return new AssessmentRequest(a.shopperId(), a.orderId(), a.amount(), a.channel(), a.deviceId(),
                a.payerFingerprint(), a.shippingAddressHash(), shipping, billing, a.at());
    }
}
