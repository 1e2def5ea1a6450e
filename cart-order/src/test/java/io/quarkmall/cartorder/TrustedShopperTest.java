package io.quarkmall.cartorder;

import static io.quarkmall.cartorder.AfterSalesTest.ask;
import static io.quarkmall.cartorder.AfterSalesTest.decide;
import static io.quarkmall.cartorder.AfterSalesTest.orderAt;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.stack.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The trusted-shopper rule, switched on: a shopper with a completed order and no request rejected within the
 * look-back has requests up to ¥200 approved at once; above it, or once a merchant rejected one of theirs, the
 * merchant decides, until the rejection is older than the look-back. (Off, as shipped, AfterSalesTest's ¥100
 * request waits for the merchant.)
 */
@QuarkusTest
@TestProfile(TrustedShopperTest.Trusting.class)
class TrustedShopperTest {

    private static final Duration LOOK_BACK = Duration.ofSeconds(10);
    private static final String SHOPPER = "shopper";

    /** One completed order makes a shopper trusted; a rejection counts against them for ten seconds. */
    public static class Trusting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkmall.order.after-sales.trusted-after-completed-orders", "1",
                    "quarkmall.order.after-sales.trusted-look-back", LOOK_BACK.toSeconds() + "s");
        }
    }

    /** Waits until no request of the shopper's was rejected within the look-back (other tests reject theirs). */
    private static void untilNoRecentRejection() {
        String subject = Tokens.subjectOf(SHOPPER);
        await().atMost(LOOK_BACK.multipliedBy(3)).pollInterval(Duration.ofMillis(250)).until(() -> !QuarkusTransaction
                .requiringNew().call(() -> AfterSalesRequest.rejectedSince(subject, Instant.now().minus(LOOK_BACK))));
    }

    private static String decider(long unitMinor) {
        return ask(SHOPPER, orderAt(SHOPPER, unitMinor, "DELIVERED"), "{\"reason\":\"DAMAGED\"}").statusCode(201)
                .extract().path("decidedBy");
    }

    @Test
    void a_trusted_shopper_is_approved_at_once_up_to_the_limit_until_a_merchant_rejects_one_of_theirs() {
        long completed = orderAt(SHOPPER, 100, "DELIVERED");
        given().auth().oauth2(Tokens.of(SHOPPER)).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/orders/{id}/receipt", completed).then().statusCode(200).body("status", equalTo("COMPLETED"));
        untilNoRecentRejection();

        long trusted = orderAt(SHOPPER, 5_000, "DELIVERED"); // two units: ¥100
        ask(SHOPPER, trusted, "{\"reason\":\"DAMAGED\"}").statusCode(201).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("TRUSTED_SHOPPER_RULE")).body("amount.amountMinor", equalTo(10_000));
        given().auth().oauth2(Tokens.of(SHOPPER)).when().get("/orders/{id}", trusted).then()
                .body("timeline.note", hasItem(containsString("TRUSTED_SHOPPER_RULE")));

        long large = orderAt(SHOPPER, 15_000, "DELIVERED"); // ¥300: above what trust approves
        long request = ask(SHOPPER, large, "{\"reason\":\"DAMAGED\"}").statusCode(201).body("status", equalTo("REQUESTED"))
                .extract().jsonPath().getLong("id");
        long next = orderAt(SHOPPER, 5_000, "DELIVERED");
        decide("admin", request, "rejection", "{\"note\":\"The seal is intact\"}").statusCode(200);
        ask(SHOPPER, next, "{\"reason\":\"DAMAGED\"}").statusCode(201).body("status", equalTo("REQUESTED"))
                .body("decidedBy", nullValue());

        untilNoRecentRejection();
        assertEquals("TRUSTED_SHOPPER_RULE", decider(5_000), "trusted again");
        assertEquals("AUTO_APPROVE_RULE", decider(500), "a small amount, as for anyone");
    }
}
