package io.quarkmall.pay.channel.wechat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import io.quarkmall.pay.channel.PaymentChannel.ChargeRequest;
import io.quarkmall.pay.channel.PaymentChannel.Presentation;
import io.quarkmall.pay.channel.PaymentChannel.RefundState;
import io.quarkmall.pay.channel.PaymentChannel.Started;
import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import io.quarkmall.stack.Ports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The WeChat Pay channel through the official SDK against the stack's WeChat Pay API v3 sandbox. */
@QuarkusTest
@QuarkusTestResource(WechatNotificationInbox.class)
class WechatPayChannelTest {

    static final String SANDBOX = "http://127.0.0.1:" + Ports.SANDBOX_WECHAT;
    private static final Money TEN_YUAN = new Money(1000, "CNY");

    @Inject
    WechatPayChannel channel;

    @Inject
    WechatPayConfig config;

    @Test
    void a_qr_code_paid_at_the_cashier_is_notified_signed_and_encrypted_and_reads_as_paid() {
        String ref = reference();
        Started started = channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));

        String codeUrl = assertInstanceOf(Started.QrCode.class, started).content();
        assertTrue(codeUrl.startsWith(SANDBOX + "/cashier/" + ref), codeUrl);
        given().get(codeUrl).then().statusCode(200)
                .body(containsString("id=\"pay\""), containsString(">Pay<"), containsString("id=\"decline\""),
                        containsString(">Decline<"), containsString("¥10.00"));
        payAtCashier(ref);

        var paid = assertInstanceOf(ChannelState.Paid.class, verified(awaitNotifications(ref, 1).get(0)));
        assertEquals(ref, paid.reference());
        assertEquals(TEN_YUAN, paid.amount());
        assertNotNull(paid.tradeId());
        assertNotNull(paid.payer());
        assertNotNull(paid.paidAt());
        assertEquals(paid, channel.query(ref));
        assertEquals("wechat", channel.name());
        assertEquals(204, channel.acknowledgement().status());
    }

    @Test
    void a_phone_is_sent_to_the_cashier_page_and_back_to_the_shop() {
        String ref = reference();
        Started started = channel.start(new ChargeRequest(ref, TEN_YUAN, "Quarkmall order 42", Presentation.REDIRECT, null,
                "https://shop.example/orders/42?paid"));

        String url = assertInstanceOf(Started.Redirect.class, started).url();
        assertTrue(url.startsWith(SANDBOX + "/cashier/" + ref + "?prepay_id=wx"), url);
        assertTrue(url.endsWith("&redirect_url=https%3A%2F%2Fshop.example%2Forders%2F42%3Fpaid"), url);
        given().get(url).then().statusCode(200).body(containsString("name=\"redirect_url\""));
        given().redirects().follow(false).formParam("redirect_url", "https://shop.example/orders/42?paid")
                .post(SANDBOX + "/cashier/" + ref + "/pay")
                .then().statusCode(302).header("Location", "https://shop.example/orders/42?paid");

        assertInstanceOf(ChannelState.Paid.class, channel.query(ref));
    }

    @Test
    void an_unpaid_trade_is_pending_until_closed_and_a_closed_one_cannot_be_paid() {
        String ref = reference();
        channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));

        assertEquals(new ChannelState.Pending(ref), channel.query(ref));
        assertEquals(new ChannelState.Closed(ref), channel.close(ref));
        assertEquals(new ChannelState.Closed(ref), channel.close(ref));
        given().post(SANDBOX + "/cashier/" + ref + "/pay").then().statusCode(200).body(containsString("CLOSED"));
        assertEquals(new ChannelState.Closed(ref), channel.query(ref));
        assertEquals(new Started.Settled(new ChannelState.Closed(ref)), channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE)));
    }

    @Test
    void a_trade_wechat_pay_never_saw_is_not_found() {
        String ref = reference();
        assertEquals(new ChannelState.NotFound(ref), channel.query(ref));
        assertEquals(new ChannelState.NotFound(ref), channel.close(ref));
    }

    @Test
    void closing_a_paid_trade_leaves_it_paid_and_starting_it_again_takes_nothing_twice() {
        String ref = paidTrade(TEN_YUAN);
        ChannelState paid = channel.query(ref);

        assertEquals(paid, channel.close(ref));
        assertEquals(new Started.Settled(paid), channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE)));
    }

    @Test
    void a_payer_who_declines_at_the_cashier_leaves_a_failed_trade_and_no_notification() throws InterruptedException {
        String ref = reference();
        channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));

        given().post(SANDBOX + "/cashier/" + ref + "/decline").then().statusCode(200).body(containsString("Declined"));

        assertEquals(new ChannelState.Failed(ref, "PAYERROR"), channel.query(ref));
        Thread.sleep(1000);
        assertEquals(0, notificationsOf(ref).size());
    }

    @Test
    void a_scripted_decline_refuses_the_pay_button() {
        String ref = reference();
        script(ref, "decline", 0);
        channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));
        payAtCashier(ref);
        assertEquals(new ChannelState.Failed(ref, "PAYERROR"), channel.query(ref));
    }

    @Test
    void a_payer_who_never_pays_stays_notpay_until_the_trade_is_closed() {
        String ref = reference();
        script(ref, "timeout", 0);
        channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));
        payAtCashier(ref);

        assertEquals(new ChannelState.Pending(ref), channel.query(ref));
        assertEquals(new ChannelState.Closed(ref), channel.close(ref));
    }

    @Test
    void a_late_notification_arrives_after_its_delay_and_still_verifies() throws InterruptedException {
        String ref = reference();
        script(ref, "late", 3);
        channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));
        payAtCashier(ref);

        Thread.sleep(1500);
        assertEquals(0, notificationsOf(ref).size(), "nothing before the delay");
        assertInstanceOf(ChannelState.Paid.class, channel.query(ref));
        var late = awaitNotifications(ref, 1).get(0);
        assertEquals(channel.query(ref), verified(late));
    }

    @Test
    void a_duplicated_notification_arrives_twice_at_once_and_both_copies_read_as_the_same_payment() {
        String ref = reference();
        script(ref, "duplicate", 0);
        channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));
        payAtCashier(ref);

        var copies = awaitNotifications(ref, 2);
        assertEquals(verified(copies.get(0)), verified(copies.get(1)));
        assertInstanceOf(ChannelState.Paid.class, verified(copies.get(0)));
    }

    @Test
    void a_notification_the_merchant_did_not_acknowledge_is_sent_again() {
        String ref = reference();
        channel.start(charge(ref, TEN_YUAN, Presentation.QR_CODE));
        WechatNotificationInbox.refuseNext(1);
        payAtCashier(ref);

        assertEquals(2, awaitNotifications(ref, 2).size());
    }

    @Test
    void a_forged_signature_a_tampered_ciphertext_and_a_stale_timestamp_are_invalid() throws Exception {
        var genuine = awaitNotifications(paidTrade(TEN_YUAN), 1).get(0);
        var platform = SandboxPlatform.fromStack();
        String now = Long.toString(System.currentTimeMillis() / 1000);

        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(
                platform.signedWithAnotherKey(genuine.headers(), genuine.body()), genuine.body()));
        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(genuine.headers(),
                genuine.body().replace("\"TRANSACTION.SUCCESS\"", "\"TRANSACTION.SUCCESS \"")));
        String tampered = SandboxPlatform.tamperCiphertext(genuine.body());
        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(platform.signed(tampered, now), tampered));
        String stale = Long.toString(System.currentTimeMillis() / 1000 - 600);
        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(platform.signed(genuine.body(), stale),
                genuine.body()));
        var otherSerial = new HashMap<>(genuine.headers());
        otherSerial.put("wechatpay-serial", "PUB_KEY_ID_0000000000000000000000");
        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(otherSerial, genuine.body()));
        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(Map.of(), genuine.body()));
        assertThrows(InvalidNotification.class, () -> channel.verifyNotification(platform.signed("not json", now), "not json"));
        // the genuine one, re-signed now by the platform key, still verifies: the checks above can pass
        assertInstanceOf(ChannelState.Paid.class, channel.verifyNotification(platform.signed(genuine.body(), now), genuine.body()));
    }

    @Test
    void a_partial_then_full_refund_pays_back_the_total_once_and_never_more() {
        String ref = paidTrade(TEN_YUAN);

        var first = assertInstanceOf(RefundState.Refunded.class, channel.refund(ref, ref + "r1", new Money(300, "CNY"), TEN_YUAN));
        assertEquals(new Money(300, "CNY"), first.amount());
        assertEquals(first, channel.refund(ref, ref + "r1", new Money(300, "CNY"), TEN_YUAN));
        var rest = assertInstanceOf(RefundState.Refunded.class, channel.refund(ref, ref + "r2", new Money(700, "CNY"), TEN_YUAN));
        assertEquals(new Money(700, "CNY"), rest.amount());

        assertEquals(new RefundState.Refused(ref + "r3", "INVALID_REQUEST"),
                channel.refund(ref, ref + "r3", new Money(1, "CNY"), TEN_YUAN));
        assertInstanceOf(ChannelState.Paid.class, channel.query(ref), "a refunded trade was still paid");
    }

    @Test
    void an_over_refund_and_a_refund_of_an_unpaid_trade_are_refused() {
        String paid = paidTrade(TEN_YUAN);
        assertEquals(new RefundState.Refused(paid + "r1", "INVALID_REQUEST"),
                channel.refund(paid, paid + "r1", new Money(1001, "CNY"), TEN_YUAN));

        String unpaid = reference();
        channel.start(charge(unpaid, TEN_YUAN, Presentation.QR_CODE));
        assertEquals(new RefundState.Refused(unpaid + "r1", "TRADE_NOT_PAID"),
                channel.refund(unpaid, unpaid + "r1", new Money(100, "CNY"), TEN_YUAN));
    }

    @Test
    void thirty_two_racing_refunds_under_one_number_refund_once() throws Exception {
        String ref = paidTrade(TEN_YUAN);
        var pool = Executors.newFixedThreadPool(16);
        try {
            var calls = new ArrayList<Callable<RefundState>>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> channel.refund(ref, ref + "r1", new Money(400, "CNY"), TEN_YUAN));
            }
            var ids = new HashSet<String>();
            for (Future<RefundState> f : pool.invokeAll(calls)) {
                ids.add(assertInstanceOf(RefundState.Refunded.class, f.get()).refundId());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        List<StatementLine> refunds = channel.statement(today()).stream()
                .filter(l -> l.kind() == StatementLine.Kind.REFUND && l.reference().equals(ref + "r1")).toList();
        assertEquals(1, refunds.size());
        assertEquals(new Money(400, "CNY"), refunds.get(0).amount());
    }

    @Test
    void server_errors_and_an_unavailable_channel_are_channel_unavailable_and_the_same_call_then_works() {
        String ref = paidTrade(TEN_YUAN);

        faults(1, 500);
        assertThrows(ChannelUnavailable.class, () -> channel.query(ref));
        assertInstanceOf(ChannelState.Paid.class, channel.query(ref));

        String next = reference();
        faults(1, 503);
        assertThrows(ChannelUnavailable.class, () -> channel.start(charge(next, TEN_YUAN, Presentation.QR_CODE)));
        assertInstanceOf(Started.QrCode.class, channel.start(charge(next, TEN_YUAN, Presentation.QR_CODE)));

        faults(1, 500);
        assertThrows(ChannelUnavailable.class, () -> channel.refund(ref, ref + "r1", new Money(100, "CNY"), TEN_YUAN));
        assertInstanceOf(RefundState.Refunded.class, channel.refund(ref, ref + "r1", new Money(100, "CNY"), TEN_YUAN));

        faults(1, 503);
        assertThrows(ChannelUnavailable.class, () -> channel.statement(today()));
    }

    @Test
    void the_daily_bill_lists_payments_and_refunds_and_shows_a_planted_mismatch() {
        String refunded = paidTrade(TEN_YUAN);
        channel.refund(refunded, refunded + "r1", new Money(250, "CNY"), TEN_YUAN);
        String changed = paidTrade(new Money(500, "CNY"));
        String dropped = paidTrade(new Money(600, "CNY"));
        String ghost = reference();
        plant("amount", changed, 499);
        plant("missing", dropped, 0);
        plant("extra", ghost, 700);

        var lines = channel.statement(today());

        var byReference = new HashMap<String, StatementLine>();
        lines.forEach(l -> byReference.put(l.reference(), l));
        StatementLine payment = byReference.get(refunded);
        assertEquals(StatementLine.Kind.PAYMENT, payment.kind());
        assertEquals(TEN_YUAN, payment.amount());
        assertEquals(((ChannelState.Paid) channel.query(refunded)).tradeId(), payment.tradeId());
        assertEquals(StatementLine.Kind.REFUND, byReference.get(refunded + "r1").kind());
        assertEquals(new Money(250, "CNY"), byReference.get(refunded + "r1").amount());
        assertEquals(new Money(499, "CNY"), byReference.get(changed).amount());
        assertTrue(!byReference.containsKey(dropped), "the planted missing line is missing");
        assertEquals(new Money(700, "CNY"), byReference.get(ghost).amount());
        assertTrue(channel.statement(today().minusDays(400)).isEmpty());
    }

    @Test
    void the_sandbox_refuses_a_call_without_the_merchants_fresh_signature() throws Exception {
        String body = "{\"appid\":\"%s\",\"mchid\":\"%s\",\"description\":\"x\",\"out_trade_no\":\"%s\",\"notify_url\":\"http://127.0.0.1:1/n\",\"amount\":{\"total\":100}}"
                .formatted(config.appid().get(), config.mchid().get(), reference());
        long now = System.currentTimeMillis() / 1000;
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var notTheMerchants = generator.generateKeyPair().getPrivate();

        given().contentType("application/json").body(body).post(SANDBOX + "/v3/pay/transactions/native")
                .then().statusCode(401).body("code", equalTo("SIGN_ERROR"));
        given().contentType("application/json").body(body)
                .header("Authorization", authorization(notTheMerchants, "POST", "/v3/pay/transactions/native", body, now))
                .post(SANDBOX + "/v3/pay/transactions/native")
                .then().statusCode(401).body("code", equalTo("SIGN_ERROR"));
        var merchants = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(config.privateKey().get())));
        given().contentType("application/json").body(body)
                .header("Authorization", authorization(merchants, "POST", "/v3/pay/transactions/native", body, now - 600))
                .post(SANDBOX + "/v3/pay/transactions/native")
                .then().statusCode(401).body("message", containsString("five minutes"));
        // the same call, signed now with the merchant's key, goes through: the refusals above can pass
        given().contentType("application/json").body(body)
                .header("Authorization", authorization(merchants, "POST", "/v3/pay/transactions/native", body, now))
                .post(SANDBOX + "/v3/pay/transactions/native")
                .then().statusCode(200).body("code_url", containsString("/cashier/"));
    }

    private String authorization(PrivateKey key, String method, String path, String body, long timestamp)
            throws Exception {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update((method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return "WECHATPAY2-SHA256-RSA2048 mchid=\"%s\",nonce_str=\"%s\",signature=\"%s\",timestamp=\"%d\",serial_no=\"%s\""
                .formatted(config.mchid().get(), nonce, Base64.getEncoder().encodeToString(signer.sign()), timestamp,
                        config.merchantSerialNumber().get());
    }

    // --- helpers ---

    private static String reference() {
        return "qm" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static ChargeRequest charge(String ref, Money amount, Presentation presentation) {
        return new ChargeRequest(ref, amount, "Quarkmall order 42", presentation, null, null);
    }

    private String paidTrade(Money amount) {
        String ref = reference();
        channel.start(charge(ref, amount, Presentation.QR_CODE));
        payAtCashier(ref);
        return ref;
    }

    private static void payAtCashier(String ref) {
        given().post(SANDBOX + "/cashier/" + ref + "/pay").then().statusCode(200);
    }

    private static void script(String ref, String outcome, int delaySeconds) {
        given().contentType("application/json").body(Map.of("outcome", outcome, "delaySeconds", delaySeconds))
                .post(SANDBOX + "/sandbox/trades/" + ref + "/script").then().statusCode(204);
    }

    private static void faults(int count, int status) {
        given().contentType("application/json").body(Map.of("count", count, "status", status))
                .post(SANDBOX + "/sandbox/faults").then().statusCode(204);
    }

    private static void plant(String kind, String ref, long amount) {
        given().contentType("application/json").body(Map.of("kind", kind, "out_trade_no", ref, "amount", amount))
                .post(SANDBOX + "/sandbox/statements/mismatch").then().statusCode(204);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.ofHours(8));
    }

    private ChannelState verified(WechatNotificationInbox.Received n) {
        return channel.verifyNotification(n.headers(), n.body());
    }

    private List<WechatNotificationInbox.Received> notificationsOf(String ref) {
        return WechatNotificationInbox.RECEIVED.stream().filter(n -> {
            try {
                return verified(n).reference().equals(ref);
            } catch (InvalidNotification e) {
                return false;
            }
        }).toList();
    }

    private List<WechatNotificationInbox.Received> awaitNotifications(String ref, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(ref).size() >= count);
        return notificationsOf(ref);
    }
}
