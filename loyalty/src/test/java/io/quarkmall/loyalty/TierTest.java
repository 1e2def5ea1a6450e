package io.quarkmall.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.TierLadder.Tier;
import io.quarkmall.loyalty.service.OrderRewards;
import io.quarkmall.loyalty.service.TierService;
import io.quarkmall.loyalty.service.TierService.TierStanding;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tiers by the rolling 12-month spend kept from order.v1 (paid totals less refunds), and what they earn. */
@QuarkusTest
class TierTest {

    @Inject
    TierService tiers;
    @Inject
    OrderRewards rewards;

    private PaidOrders orders() {
        return new PaidOrders(rewards);
    }

    private static String newShopper() {
        return "tier-" + UUID.randomUUID();
    }

    private static void assertStanding(TierStanding standing, String tier, long spendFen, String next) {
        assertEquals(tier, standing.tier().name());
        assertEquals(spendFen, standing.spend().amountMinor());
        assertEquals(Optional.ofNullable(next), standing.next().map(Tier::name));
    }

    @Test
    void the_spend_of_the_last_twelve_months_less_refunds_sets_the_tier() {
        String shopper = newShopper();
        assertStanding(tiers.standingOf(shopper), "MEMBER", 0, "SILVER");

        orders().pay(PaidOrders.newOrderId(), shopper, 5_000_000, Instant.now().minus(Duration.ofDays(400)), List.of());
        orders().pay(shopper, 199_999);
        assertStanding(tiers.standingOf(shopper), "MEMBER", 199_999, "SILVER");

        long lifting = orders().pay(shopper, 1);
        assertStanding(tiers.standingOf(shopper), "SILVER", 200_000, "GOLD");

        orders().refund(lifting, shopper, 1);
        assertStanding(tiers.standingOf(shopper), "MEMBER", 199_999, "SILVER");

        orders().pay(shopper, 800_001);
        assertStanding(tiers.standingOf(shopper), "GOLD", 1_000_000, null);
    }

    @Test
    void a_silver_shopper_earns_a_fifth_more_from_the_order_after_the_one_that_lifted_them() {
        String shopper = newShopper();
        long lifting = orders().pay(shopper, 200_000);
        long next = orders().pay(shopper, 10_000);

        assertEquals(2_000, orderPoints(lifting));
        assertEquals(120, orderPoints(next));
    }

    private static long orderPoints(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.<PointsLedgerEntry>list(
                "orderId = ?1 and reason = ?2", orderId, PointsLedgerEntry.EARNED_FOR_ORDER).stream()
                .mapToLong(PointsLedgerEntry::points).sum());
    }

    @Test
    void a_shopper_sees_their_tier_spend_and_the_next_threshold() {
        var tier = given().auth().oauth2(Tokens.of("shopper2")).when().get("/tiers/me").then().statusCode(200)
                .body("spend.currency", equalTo("CNY")).extract().jsonPath();
        long spend = tier.getLong("spend.amountMinor");
        String expected = spend >= 1_000_000 ? "GOLD" : spend >= 200_000 ? "SILVER" : "MEMBER";
        assertEquals(expected, tier.getString("tier"));
        if (expected.equals("GOLD")) {
            assertNull(tier.get("next"));
        } else {
            long threshold = expected.equals("MEMBER") ? 200_000 : 1_000_000;
            assertEquals(threshold, tier.getLong("next.threshold.amountMinor"));
            assertEquals(threshold - spend, tier.getLong("next.remaining.amountMinor"));
        }
        given().when().get("/tiers/me").then().statusCode(401).contentType("application/problem+json");
    }
}
