package io.quarkmall.pay.channel.card;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import io.quarkmall.pay.channel.PaymentChannel.ChargeRequest;
import io.quarkmall.pay.channel.PaymentChannel.Presentation;
import io.quarkmall.pay.channel.PaymentChannel.RefundState;
import io.quarkmall.pay.channel.PaymentChannel.Started;
import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The card channel against the sandbox PSP the local stack runs, on every path it offers. */
@QuarkusTest
class CardChannelTest {

    static final int PSP_PORT = 18280;
    static final Money TEN_YUAN = new Money(1000, "CNY");

    /** A webhook as it arrived at the notify URL. */
    record Delivery(Map<String, String> headers, String body) {}

    private static HttpServer receiver;
    private static final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private static final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();

    @Inject
    CardChannel channel;
    @Inject
    CardConfig config;

    /** The notify URL of the test profile: the first delivery of each webhook is answered 500, so the PSP must retry. */
    @BeforeAll
    static void receiveWebhooks() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 18289), 0);
        receiver.createContext("/card-webhooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new HashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            deliveries.add(new Delivery(headers, body));
            exchange.sendResponseHeaders(refusedOnce.add(body) ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiving() {
        receiver.stop(0);
    }

    /** A request to the sandbox PSP (not to pay, where Quarkus points rest-assured's port and base path). */
    static RequestSpecification psp() {
        return given().baseUri("http://127.0.0.1").port(PSP_PORT).basePath("");
    }

    /** What the hosted field does with a card typed into it: the PSP's token for it. */
    static String tokenOf(String cardNumber) {
        return psp().contentType(ContentType.JSON)
                .body(Map.of("number", cardNumber, "expMonth", 12, "expYear", Year.now().getValue() + 2, "cvc", "123"))
                .when().post("/v1/tokens").then().statusCode(200).extract().path("token");
    }

    static String newReference() {
        return "card-test-" + UUID.randomUUID();
    }

    Started charge(String reference, String card) {
        return channel.start(new ChargeRequest(reference, TEN_YUAN, "Quarkmall order", Presentation.TOKEN,
                tokenOf(card), null));
    }

    static ChannelState settled(Started started) {
        return assertInstanceOf(Started.Settled.class, started).state();
    }

    @Test
    void a_good_card_is_captured_and_charged_once_per_reference() {
        String reference = newReference();
        String token = tokenOf("4242424242424242");
        var request = new ChargeRequest(reference, TEN_YUAN, "Quarkmall order 1", Presentation.TOKEN, token, null);

        var paid = assertInstanceOf(ChannelState.Paid.class, settled(channel.start(request)));
        var again = assertInstanceOf(ChannelState.Paid.class, settled(channel.start(request)));

        assertEquals(TEN_YUAN, paid.amount());
        assertEquals(paid.tradeId(), again.tradeId(), "a retried start charges nothing new");
        assertEquals(paid, channel.query(reference));
    }

    @Test
    void a_declined_card_and_one_without_funds_fail_with_the_psps_reason() {
        var declined = assertInstanceOf(ChannelState.Failed.class, settled(charge(newReference(), "4000000000000002")));
        var poor = assertInstanceOf(ChannelState.Failed.class, settled(charge(newReference(), "4000000000009995")));

        assertEquals("card_declined", declined.code());
        assertEquals("insufficient_funds", poor.code());
        assertInstanceOf(ChannelState.Failed.class, channel.query(declined.reference()));
    }

    @Test
    void a_charge_that_times_out_is_pending_until_the_query_finds_it_settled() {
        String reference = newReference();

        assertEquals(new ChannelState.Pending(reference), settled(charge(reference, "4000000000000119")));
        assertEquals(new ChannelState.Pending(reference), channel.query(reference));
        await().atMost(Duration.ofSeconds(15)).until(() -> channel.query(reference) instanceof ChannelState.Paid);
    }

    @Test
    void a_late_settlement_is_announced_by_a_signed_webhook_retried_until_answered_and_verified() {
        String reference = newReference();
        settled(charge(reference, "4000000000000119"));

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveriesOf(reference).size() >= 2);

        List<Delivery> sent = deliveriesOf(reference);
        assertEquals(sent.get(0).body(), sent.get(1).body(), "the refused delivery is sent again");
        for (Delivery delivery : sent) {
            var state = assertInstanceOf(ChannelState.Paid.class, channel.verifyNotification(delivery.headers(), delivery.body()));
            assertEquals(reference, state.reference());
            assertEquals(TEN_YUAN, state.amount());
        }
        assertEquals(200, channel.acknowledgement().status());
    }

    @Test
    void a_forged_tampered_unsigned_or_stale_webhook_is_refused() {
        String reference = newReference();
        settled(charge(reference, "4000000000000119"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !deliveriesOf(reference).isEmpty());
        Delivery real = deliveriesOf(reference).get(0);
        String secret = config.webhookSecret().orElseThrow();
        long now = Instant.now().getEpochSecond();

        String tampered = real.body().replace("\"amountMinor\":1000", "\"amountMinor\":1");
        assertFalse(tampered.equals(real.body()));
        assertRefused(real.headers(), tampered);
        assertRefused(Map.of(CardChannel.SIGNATURE_HEADER, CardWebhookSignature.sign("whsec_forged", now, real.body())),
                real.body());
        assertRefused(Map.of(), real.body());
        assertRefused(Map.of(CardChannel.SIGNATURE_HEADER, CardWebhookSignature.sign(secret, now - 301, real.body())),
                real.body());
        assertRefused(Map.of(CardChannel.SIGNATURE_HEADER, "t=" + now + ",v1=" + "0".repeat(64)), real.body());
        assertInstanceOf(ChannelState.Paid.class, channel.verifyNotification(
                Map.of(CardChannel.SIGNATURE_HEADER, CardWebhookSignature.sign(secret, now - 60, real.body())), real.body()),
                "a signature a minute old from the real secret is good: the refusals above are for what they changed");
    }

    private void assertRefused(Map<String, String> headers, String body) {
        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(headers, body));
    }

    private static List<Delivery> deliveriesOf(String reference) {
        return deliveries.stream().filter(d -> d.body().contains("\"" + reference + "\"")).toList();
    }

    @Test
    void closing_a_pending_charge_stops_it_settling_and_a_paid_one_stays_paid() throws Exception {
        String pending = newReference();
        settled(charge(pending, "4000000000000119"));
        String paid = newReference();
        settled(charge(paid, "4242424242424242"));

        assertEquals(new ChannelState.Closed(pending), channel.close(pending));
        assertInstanceOf(ChannelState.Paid.class, channel.close(paid));
        Thread.sleep(4_000); // past the late card's settlement
        assertEquals(new ChannelState.Closed(pending), channel.query(pending));
        assertInstanceOf(ChannelState.Paid.class, channel.query(paid));
    }

    @Test
    void a_reference_closed_before_its_charge_arrives_can_never_be_paid() {
        String reference = newReference();

        assertEquals(new ChannelState.NotFound(reference), channel.query(reference));
        assertEquals(new ChannelState.Closed(reference), channel.close(reference));
        assertEquals(new ChannelState.Closed(reference), settled(charge(reference, "4242424242424242")));
    }

    @Test
    void partial_refunds_are_made_once_per_refund_reference_and_never_more_than_is_left() {
        String reference = newReference();
        settled(charge(reference, "4242424242424242"));

        var first = assertInstanceOf(RefundState.Refunded.class, channel.refund(reference, reference + "-r1", new Money(300, "CNY"), TEN_YUAN));
        var replay = assertInstanceOf(RefundState.Refunded.class, channel.refund(reference, reference + "-r1", new Money(300, "CNY"), TEN_YUAN));
        var tooMuch = assertInstanceOf(RefundState.Refused.class, channel.refund(reference, reference + "-r2", new Money(701, "CNY"), TEN_YUAN));
        var rest = assertInstanceOf(RefundState.Refunded.class, channel.refund(reference, reference + "-r3", new Money(700, "CNY"), TEN_YUAN));
        var nothingLeft = assertInstanceOf(RefundState.Refused.class, channel.refund(reference, reference + "-r4", new Money(1, "CNY"), TEN_YUAN));

        assertEquals(first.refundId(), replay.refundId(), "the same refund reference refunds once");
        assertEquals(new Money(300, "CNY"), first.amount());
        assertEquals("amount_exceeds_remaining", tooMuch.code());
        assertEquals(new Money(700, "CNY"), rest.amount());
        assertEquals("amount_exceeds_remaining", nothingLeft.code());
        assertEquals(1000L, psp().get("/v1/charges/by-reference/" + reference)
                .then().statusCode(200).extract().<Integer>path("refundedMinor").longValue());
    }

    @Test
    void a_full_refund_is_made_once_and_a_refund_of_an_unpaid_charge_is_refused() {
        String paid = newReference();
        settled(charge(paid, "4242424242424242"));
        String declined = newReference();
        settled(charge(declined, "4000000000000002"));

        var full = assertInstanceOf(RefundState.Refunded.class, channel.refund(paid, paid + "-all", TEN_YUAN, TEN_YUAN));
        var again = assertInstanceOf(RefundState.Refunded.class, channel.refund(paid, paid + "-all", TEN_YUAN, TEN_YUAN));

        assertEquals(full, again);
        assertEquals("charge_not_refundable", assertInstanceOf(RefundState.Refused.class,
                channel.refund(declined, declined + "-all", TEN_YUAN, TEN_YUAN)).code());
        assertEquals("no_such_charge", assertInstanceOf(RefundState.Refused.class,
                channel.refund(newReference(), "r", TEN_YUAN, TEN_YUAN)).code());
    }

    @Test
    void a_refund_the_psp_cannot_take_for_a_moment_is_unavailable_then_made_under_the_same_reference() {
        String reference = newReference();
        settled(charge(reference, "4000000000005126"));

        assertThrows(ChannelUnavailable.class, () -> channel.refund(reference, reference + "-r", TEN_YUAN, TEN_YUAN));
        assertInstanceOf(RefundState.Refunded.class, channel.refund(reference, reference + "-r", TEN_YUAN, TEN_YUAN));
    }

    @Test
    void transient_psp_errors_are_channel_unavailable_and_the_same_call_succeeds_afterwards() {
        String reference = newReference();
        String token = tokenOf("4242424242424242");
        var request = new ChargeRequest(reference, TEN_YUAN, "Quarkmall order", Presentation.TOKEN, token, null);
        psp().contentType(ContentType.JSON).body(Map.of("calls", 3, "reference", reference))
                .post("/v1/test/unavailable").then().statusCode(200);

        assertThrows(ChannelUnavailable.class, () -> channel.start(request));
        assertThrows(ChannelUnavailable.class, () -> channel.query(reference));
        assertThrows(ChannelUnavailable.class, () -> channel.close(reference));
        assertInstanceOf(ChannelState.Paid.class, settled(channel.start(request)));
    }

    @Test
    void a_card_number_given_as_the_token_is_refused_before_it_leaves_pay() {
        String reference = newReference();

        for (String notAToken : List.of("4242424242424242", "4242 4242 4242 4242", "tok_4242-4242")) {
            assertThrows(IllegalArgumentException.class, () -> channel.start(new ChargeRequest(reference, TEN_YUAN,
                    "Quarkmall order", Presentation.TOKEN, notAToken, null)));
        }
        assertEquals(new ChannelState.NotFound(reference), channel.query(reference), "nothing reached the PSP");
    }

    @Test
    void the_days_statement_lists_charges_and_refunds_and_can_carry_a_planted_mismatch() {
        String reference = newReference();
        var paid = assertInstanceOf(ChannelState.Paid.class, settled(charge(reference, "4242424242424242")));
        var refund = assertInstanceOf(RefundState.Refunded.class,
                channel.refund(reference, reference + "-r", new Money(250, "CNY"), TEN_YUAN));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        List<StatementLine> lines = channel.statement(today).stream().filter(l -> l.reference().equals(reference)).toList();

        assertEquals(List.of(StatementLine.Kind.PAYMENT, StatementLine.Kind.REFUND), lines.stream().map(StatementLine::kind).toList());
        assertEquals(paid.tradeId(), lines.get(0).tradeId());
        assertEquals(TEN_YUAN, lines.get(0).amount());
        assertEquals(refund.refundId(), lines.get(1).tradeId());
        assertEquals(new Money(250, "CNY"), lines.get(1).amount());

        psp().contentType(ContentType.JSON)
                .body(Map.of("day", today.toString(), "kind", "AMOUNT", "reference", reference))
                .post("/v1/test/statement-mismatches").then().statusCode(200);
        assertEquals(new Money(1001, "CNY"), channel.statement(today).stream()
                .filter(l -> l.reference().equals(reference) && l.kind() == StatementLine.Kind.PAYMENT)
                .findFirst().orElseThrow().amount());
        assertTrue(channel.statement(today.minusYears(1)).stream().noneMatch(l -> l.reference().equals(reference)));
    }
}
