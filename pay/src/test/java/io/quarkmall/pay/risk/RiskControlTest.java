package io.quarkmall.pay.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.AtOnce;
import io.quarkmall.pay.domain.risk.AssessmentRequest;
import io.quarkmall.pay.domain.risk.ReviewStatus;
import io.quarkmall.pay.domain.risk.RiskAssessment;
import io.quarkmall.pay.domain.risk.RiskDecision;
import io.quarkmall.pay.domain.risk.RiskRules;
import io.quarkmall.pay.domain.risk.RiskVerdict;
import io.quarkmall.pay.domain.risk.RuleHit;
import io.quarkmall.pay.service.RiskService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Risk control on pay's real database, with the default limits (review at 50, decline at 80): a
 * scripted fraud pattern is held and then declined, regular shoppers go through.
 */
@QuarkusTest
class RiskControlTest {

    private static final AtomicLong ORDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final Instant NOW = Instant.now();

    @Inject
    RiskService risk;

    /** One shopper's attempts, each in its own order; everything random so tests never share history. */
    record Shopper(String id, String region) {
        static Shopper fresh() {
            return new Shopper("risk-" + UUID.randomUUID(), "CN-31");
        }

        AssessmentRequest pays(long yuan, String device, String card, String address, Instant at) {
            return new AssessmentRequest(id, ORDERS.incrementAndGet(), new Money(yuan * 100, "CNY"), "card", device, card,
                    address, region, region, at);
        }
    }

    static String fresh(String what) {
        return what + "-" + UUID.randomUUID();
    }

    /** Three ¥100 payments in the past month from one phone, card and address: a shopper pay knows. */
    private List<RiskVerdict> history(Shopper shopper, String device, String card, String address) {
        var verdicts = new ArrayList<RiskVerdict>();
        for (int daysAgo : new int[] {30, 20, 10}) {
            verdicts.add(risk.assess(shopper.pays(100, device, card, address, NOW.minus(Duration.ofDays(daysAgo)))));
        }
        return verdicts;
    }

    private static List<String> rules(RiskVerdict verdict) {
        return verdict.hits().stream().map(RuleHit::rule).sorted().toList();
    }

    @Test
    void six_attempts_in_two_minutes_from_a_new_device_with_three_cards_then_a_twenty_fold_spike_are_held_then_declined() {
        var shopper = Shopper.fresh();
        String address = fresh("address");
        history(shopper, fresh("phone"), fresh("card"), address)
                .forEach(v -> assertEquals(RiskDecision.ALLOW, v.decision()));
        String newDevice = fresh("device");
        List<String> cards = List.of(fresh("card"), fresh("card"), fresh("card"));
        var decisions = new ArrayList<RiskDecision>();
        for (int i = 0; i < 6; i++) {
            var verdict = risk.assess(shopper.pays(100, newDevice, cards.get(i / 2), address, NOW.plusSeconds(20L * i)));
            decisions.add(verdict.decision());
        }
        assertEquals(List.of(RiskDecision.ALLOW, RiskDecision.ALLOW, RiskDecision.ALLOW, RiskDecision.REVIEW,
                RiskDecision.DECLINE, RiskDecision.DECLINE), decisions);

        var spike = risk.assess(shopper.pays(2_000, newDevice, cards.get(2), address, NOW.plusSeconds(110)));
        assertEquals(RiskDecision.DECLINE, spike.decision());
        assertEquals(100, spike.score());
        assertEquals(List.of(RiskRules.AMOUNT_SPIKE, RiskRules.CARD_CYCLING, RiskRules.DEVICE_VELOCITY,
                RiskRules.NEW_DEVICE_LARGE_BASKET, RiskRules.SHOPPER_VELOCITY), rules(spike));
        assertTrue(spike.explanation().contains("CNY 2000.00 is 20 times this shopper's median payment of CNY 100.00"),
                spike.explanation());
        assertTrue(spike.explanation().contains("3 different cards"), spike.explanation());
    }

    @Test
    void a_regular_shopper_is_allowed_every_time_even_retrying_with_another_card_or_on_a_new_phone() {
        var shopper = Shopper.fresh();
        String phone = fresh("phone");
        String card = fresh("card");
        String address = fresh("address");
        var verdicts = new ArrayList<>(history(shopper, phone, card, address));
        long[] amounts = {80, 250, 120};
        for (int week = 0; week < amounts.length; week++) {
            verdicts.add(risk.assess(shopper.pays(amounts[week], phone, card, address, NOW.minus(Duration.ofDays(7 - week)))));
        }
        var declinedByTheBank = risk.assess(shopper.pays(150, phone, card, address, NOW));
        risk.channelDeclined(declinedByTheBank.assessmentId());
        verdicts.add(declinedByTheBank);
        verdicts.add(risk.assess(shopper.pays(150, phone, fresh("card"), address, NOW.plusSeconds(40))));
        verdicts.add(risk.assess(shopper.pays(300, fresh("new-phone"), card, address, NOW.plus(Duration.ofDays(2)))));
        verdicts.forEach(v -> assertEquals(RiskDecision.ALLOW, v.decision(), v.explanation()));
        assertEquals(List.of(), verdicts.get(7).hits(), "a retry with another card right after a decline");
    }

    @Test
    void a_large_first_purchase_from_a_new_device_shipped_abroad_is_held_for_review_with_its_reasons_stored() {
        var attempt = new AssessmentRequest("risk-" + UUID.randomUUID(), ORDERS.incrementAndGet(),
                new Money(600_000, "CNY"), "alipay", fresh("device"), fresh("payer"), fresh("address"), "US-CA", "CN-31", NOW);
        var verdict = risk.assess(attempt);
        assertEquals(RiskDecision.REVIEW, verdict.decision());
        assertEquals(70, verdict.score());
        var stored = QuarkusTransaction.requiringNew().call(() -> RiskAssessment.<RiskAssessment>findById(verdict.assessmentId()));
        assertEquals(ReviewStatus.OPEN, stored.reviewStatus());
        assertEquals(verdict.hits(), stored.hits());
        assertEquals(List.of(RiskRules.NEW_DEVICE_LARGE_BASKET, RiskRules.AMOUNT_SPIKE, RiskRules.ADDRESS_MISMATCH),
                stored.hits().stream().map(RuleHit::rule).toList(), "heaviest first");
        assertEquals(attempt.orderId(), stored.orderId());
    }

    @Test
    void declines_by_the_channel_count_among_the_shoppers_recent_declines() {
        var shopper = Shopper.fresh();
        String device = fresh("device");
        for (int i = 0; i < 3; i++) {
            var allowed = risk.assess(shopper.pays(50, device, fresh("card"), null, NOW.plus(Duration.ofMinutes(15L * i))));
            risk.channelDeclined(allowed.assessmentId());
        }
        var fourth = risk.assess(shopper.pays(50, device, null, null, NOW.plus(Duration.ofMinutes(50))));
        assertTrue(rules(fourth).contains(RiskRules.RECENT_DECLINES), fourth.explanation());
        assertTrue(fourth.explanation().contains("3 of this shopper's payment attempts were declined within 1 hour"), fourth.explanation());
    }

    @Test
    void twelve_simultaneous_attempts_of_one_shopper_all_count_so_exactly_three_are_allowed() throws Exception {
        var shopper = Shopper.fresh();
        String device = fresh("device");
        String card = fresh("card");
        var decisions = AtOnce.run(12, () -> risk.assess(shopper.pays(100, device, card, null, NOW)).decision());
        assertEquals(3, Collections.frequency(decisions, RiskDecision.ALLOW), decisions.toString());
        assertEquals(9, Collections.frequency(decisions, RiskDecision.REVIEW), decisions.toString());
    }
}
