package io.quarkmall.pay.channel.alipay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel.Acknowledgement;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import io.quarkmall.pay.channel.PaymentChannel.ChargeRequest;
import io.quarkmall.pay.channel.PaymentChannel.Presentation;
import io.quarkmall.pay.channel.PaymentChannel.RefundState;
import io.quarkmall.pay.channel.PaymentChannel.Started;
import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Alipay channel through the official SDK against the local stack's Alipay sandbox. */
@QuarkusTest
@WithTestResource(value = AlipayNotifyListener.class, scope = TestResourceScope.GLOBAL)
class AlipayChannelTest {

    @Inject
    AlipayChannel channel;

    @Inject
    AlipayConfig config;

    private static String reference() {
        return "qm-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Money yuan(long fen) {
        return new Money(fen, "CNY");
    }

    private String qrCode(String reference, long fen) {
        Started started = channel.start(new ChargeRequest(reference, yuan(fen), "Quarkmall order 42", Presentation.QR_CODE,
                null, null));
        return assertInstanceOf(Started.QrCode.class, started).content();
    }

    /** The shopper scans the code and presses Pay (or Decline) in the wallet. */
    private static HttpResponse<String> press(String qrCode, String button) {
        HttpResponse<String> page = AlipaySandbox.open(qrCode);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"pay\"") && page.body().contains("id=\"decline\""), page.body());
        return AlipaySandbox.press(qrCode, button);
    }

    private static List<String> awaitNotifications(String reference, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> AlipayNotifyListener.bodiesFor(reference).size() >= count);
        return AlipayNotifyListener.bodiesFor(reference);
    }

    private ChannelState verify(String body) {
        return channel.verifyNotification(Map.of("content-type", "application/x-www-form-urlencoded"), body);
    }

    private String paid(long fen) {
        String reference = reference();
        press(qrCode(reference, fen), "pay");
        return reference;
    }

    @Test
    void a_qr_code_paid_in_the_wallet_is_notified_and_verified_as_paid_with_its_amount() {
        String reference = reference();
        String qrCode = qrCode(reference, 12_34);
        assertTrue(qrCode.startsWith(AlipaySandbox.URL + "/cashier/"), qrCode);
        assertEquals(new ChannelState.Pending(reference), channel.query(reference));

        assertTrue(press(qrCode, "pay").body().contains("TRADE_SUCCESS"));

        var notified = assertInstanceOf(ChannelState.Paid.class, verify(awaitNotifications(reference, 1).get(0)));
        assertEquals(reference, notified.reference());
        assertEquals(yuan(12_34), notified.amount());
        assertNotNull(notified.payer());
        assertTrue(Duration.between(notified.paidAt(), Instant.now()).abs().toMinutes() < 2, notified.paidAt().toString());
        var queried = assertInstanceOf(ChannelState.Paid.class, channel.query(reference));
        assertEquals(notified.tradeId(), queried.tradeId());
        assertEquals(yuan(12_34), queried.amount());
        assertTrue(Duration.between(queried.paidAt(), Instant.now()).abs().toMinutes() < 2, queried.paidAt().toString());
    }

    @Test
    void starting_the_same_reference_again_shows_the_same_code_and_a_paid_one_is_settled_as_paid() {
        String reference = reference();
        String qrCode = qrCode(reference, 5_00);
        assertEquals(qrCode, qrCode(reference, 5_00));
        Started otherAmount = channel.start(new ChargeRequest(reference, yuan(6_00), "Quarkmall order 42",
                Presentation.QR_CODE, null, null));
        assertEquals(new Started.Settled(new ChannelState.Failed(reference, "ACQ.CONTEXT_INCONSISTENT")), otherAmount);

        press(qrCode, "pay");
        Started again = channel.start(new ChargeRequest(reference, yuan(5_00), "Quarkmall order 42", Presentation.QR_CODE,
                null, null));
        assertInstanceOf(ChannelState.Paid.class, assertInstanceOf(Started.Settled.class, again).state());
    }

    @Test
    void a_phone_is_sent_to_the_signed_cashier_and_the_payment_is_queried_as_paid() {
        String reference = reference();
        Started started = channel.start(new ChargeRequest(reference, yuan(88_00), "Quarkmall order 7", Presentation.REDIRECT,
                null, "https://shop.example/orders/7"));
        String url = assertInstanceOf(Started.Redirect.class, started).url();
        assertTrue(url.startsWith(AlipaySandbox.URL + "/gateway.do?"), url);
        assertEquals(new ChannelState.NotFound(reference), channel.query(reference), "Alipay opens the trade with the page");

        HttpResponse<String> gateway = AlipaySandbox.open(url);
        assertEquals(302, gateway.statusCode(), gateway.body());
        String cashier = AlipaySandbox.URL + gateway.headers().firstValue("Location").orElseThrow();
        assertEquals(new ChannelState.Pending(reference), channel.query(reference));

        HttpResponse<String> result = AlipaySandbox.press(cashier, "pay");
        assertTrue(result.body().contains("https://shop.example/orders/7?"), result.body());
        assertEquals(yuan(88_00), assertInstanceOf(ChannelState.Paid.class, channel.query(reference)).amount());
        assertInstanceOf(ChannelState.Paid.class, verify(awaitNotifications(reference, 1).get(0)));
    }

    @Test
    void a_redirect_whose_amount_was_changed_is_refused_by_the_gateway() {
        String reference = reference();
        String url = assertInstanceOf(Started.Redirect.class, channel.start(new ChargeRequest(reference, yuan(88_00),
                "Quarkmall order 7", Presentation.REDIRECT, null, null))).url();
        String tampered = url.replace(URLEncoder.encode("\"88.00\"", StandardCharsets.UTF_8),
                URLEncoder.encode("\"0.01\"", StandardCharsets.UTF_8));
        assertTrue(!tampered.equals(url), "the amount is in the URL: " + URLDecoder.decode(url, StandardCharsets.UTF_8));

        HttpResponse<String> refused = AlipaySandbox.open(tampered);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("isv.invalid-signature"), refused.body());
        assertEquals(new ChannelState.NotFound(reference), channel.query(reference));
    }

    @Test
    void closing_an_unpaid_trade_makes_it_closed_and_unpayable() {
        String reference = reference();
        String qrCode = qrCode(reference, 20_00);
        assertEquals(new ChannelState.Closed(reference), channel.close(reference));
        assertEquals(new ChannelState.Closed(reference), channel.close(reference), "closing again changes nothing");
        assertEquals(new ChannelState.Closed(reference), channel.query(reference));

        assertTrue(AlipaySandbox.press(qrCode, "pay").body().contains("TRADE_CLOSED"));
        assertEquals(new ChannelState.Closed(reference), channel.query(reference));
        assertEquals(new Started.Settled(new ChannelState.Closed(reference)), channel.start(new ChargeRequest(reference,
                yuan(20_00), "Quarkmall order 42", Presentation.QR_CODE, null, null)));
        assertEquals(new ChannelState.NotFound("qm-never-started"), channel.close("qm-never-started"));
    }

    @Test
    void closing_a_paid_trade_leaves_it_paid() {
        String reference = paid(3_00);
        assertEquals(yuan(3_00), assertInstanceOf(ChannelState.Paid.class, channel.close(reference)).amount());
    }

    @Test
    void declining_in_the_wallet_closes_the_trade_and_the_notification_says_closed() {
        String reference = reference();
        assertTrue(press(qrCode(reference, 9_99), "decline").body().contains("TRADE_CLOSED"));

        assertEquals(new ChannelState.Closed(reference), verify(awaitNotifications(reference, 1).get(0)));
        assertEquals(new ChannelState.Closed(reference), channel.query(reference));
    }

    @Test
    void a_payment_that_times_out_stays_pending_without_a_notification_until_it_is_closed() throws Exception {
        String reference = reference();
        AlipaySandbox.script(reference, "timeout", 0);
        assertTrue(press(qrCode(reference, 15_00), "pay").body().contains("WAIT_BUYER_PAY"));

        Thread.sleep(1500);
        assertEquals(List.of(), AlipayNotifyListener.bodiesFor(reference));
        assertEquals(new ChannelState.Pending(reference), channel.query(reference));
        assertEquals(new ChannelState.Closed(reference), channel.close(reference));
        assertEquals(new ChannelState.Closed(reference), channel.query(reference));
    }

    @Test
    void a_late_notification_after_the_merchant_gave_up_still_verifies_as_paid() throws Exception {
        String reference = reference();
        AlipaySandbox.script(reference, "late", 3);
        press(qrCode(reference, 42_00), "pay");

        // pay gives up waiting and closes; the trade was paid, so it stays paid.
        assertInstanceOf(ChannelState.Paid.class, channel.close(reference));
        Thread.sleep(1000);
        assertEquals(List.of(), AlipayNotifyListener.bodiesFor(reference), "not notified yet");
        var late = assertInstanceOf(ChannelState.Paid.class, verify(awaitNotifications(reference, 1).get(0)));
        assertEquals(yuan(42_00), late.amount());
    }

    @Test
    void a_duplicated_notification_arrives_twice_and_each_copy_verifies_as_the_same_payment() {
        String reference = reference();
        AlipaySandbox.script(reference, "duplicate", 0);
        press(qrCode(reference, 7_77), "pay");

        List<String> copies = awaitNotifications(reference, 2);
        assertEquals(2, copies.size());
        assertEquals(AlipayNotifyListener.field(copies.get(0), "notify_id"), AlipayNotifyListener.field(copies.get(1), "notify_id"));
        assertEquals(verify(copies.get(0)), verify(copies.get(1)));
        assertEquals(yuan(7_77), assertInstanceOf(ChannelState.Paid.class, verify(copies.get(1))).amount());
    }

    @Test
    void a_notification_is_sent_again_until_the_merchant_answers_success() {
        String reference = reference();
        String qrCode = qrCode(reference, 1_00);
        AlipayNotifyListener.failNext(reference, 2);
        press(qrCode, "pay");

        List<String> received = awaitNotifications(reference, 3);
        assertEquals(1, received.stream().map(b -> AlipayNotifyListener.field(b, "notify_id")).distinct().count());
        await().atMost(Duration.ofSeconds(5)).until(() -> AlipaySandbox.notifications(reference).contains("\"acknowledged\":true"));
        assertTrue(AlipaySandbox.notifications(reference).contains("\"attempts\":3"), AlipaySandbox.notifications(reference));
    }

    @Test
    void a_forged_or_tampered_notification_is_invalid() throws Exception {
        String reference = paid(50_00);
        String genuine = awaitNotifications(reference, 1).get(0);
        assertInstanceOf(ChannelState.Paid.class, verify(genuine));

        String moreMoney = genuine.replace("total_amount=50.00", "total_amount=5000.00");
        assertTrue(!moreMoney.equals(genuine));
        assertThrows(InvalidNotification.class, () -> verify(moreMoney));
        String unsigned = List.of(genuine.split("&")).stream().filter(p -> !p.startsWith("sign="))
                .collect(Collectors.joining("&"));
        assertThrows(InvalidNotification.class, () -> verify(unsigned));
        assertThrows(InvalidNotification.class, () -> verify(signedByAnotherKey(genuine)));
        assertThrows(InvalidNotification.class, () -> verify(genuine + "&trade_status=TRADE_SUCCESS"));
        assertThrows(InvalidNotification.class, () -> verify("not a form at all %zz"));
        assertThrows(InvalidNotification.class, () -> verify(""));
    }

    /** The same fields, signed as Alipay signs them, but with a key that is not Alipay's. */
    private static String signedByAnotherKey(String body) throws Exception {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        fields.remove("sign");
        String content = fields.entrySet().stream().filter(e -> !e.getKey().equals("sign_type"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update(content.getBytes(StandardCharsets.UTF_8));
        fields.put("sign", Base64.getEncoder().encodeToString(signature.sign()));
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void a_partial_then_full_refund_refunds_each_reference_once_and_never_more_than_was_paid() {
        String reference = paid(10_00);
        String tradeId = assertInstanceOf(ChannelState.Paid.class, channel.query(reference)).tradeId();

        assertEquals(new RefundState.Refunded("r1-" + reference, tradeId + "/r1-" + reference, yuan(3_00)),
                channel.refund(reference, "r1-" + reference, yuan(3_00), yuan(10_00)));
        RefundState again = channel.refund(reference, "r1-" + reference, yuan(3_00), yuan(10_00));
        assertEquals(yuan(3_00), assertInstanceOf(RefundState.Refunded.class, again).amount(), "the same refund, not another");
        assertEquals(new RefundState.Refused("r2-" + reference, "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"),
                channel.refund(reference, "r2-" + reference, yuan(7_01), yuan(10_00)));
        assertEquals(yuan(7_00), assertInstanceOf(RefundState.Refunded.class,
                channel.refund(reference, "r2-" + reference, yuan(7_00), yuan(10_00))).amount());
        assertEquals(new RefundState.Refused("r3-" + reference, "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"),
                channel.refund(reference, "r3-" + reference, yuan(1), yuan(10_00)));

        // Closed after the full refund, the trade was still paid.
        assertEquals(yuan(10_00), assertInstanceOf(ChannelState.Paid.class, channel.query(reference)).amount());
        List<StatementLine> refunds = statementToday().stream()
                .filter(l -> l.kind() == StatementLine.Kind.REFUND && l.reference().endsWith(reference)).toList();
        assertEquals(2, refunds.size(), refunds.toString());
    }

    @Test
    void thirty_two_concurrent_calls_with_one_refund_reference_refund_once() throws Exception {
        String reference = paid(20_00);
        String refundReference = "r-" + reference;
        var pool = Executors.newFixedThreadPool(16);
        List<Future<RefundState>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit((Callable<RefundState>) () ->
                        channel.refund(reference, refundReference, yuan(5_00), yuan(20_00))));
            }
            for (Future<RefundState> call : calls) {
                assertEquals(yuan(5_00), assertInstanceOf(RefundState.Refunded.class, call.get()).amount());
            }
        } finally {
            pool.shutdownNow();
        }
        long refunded = statementToday().stream().filter(l -> l.reference().equals(refundReference)).count();
        assertEquals(1, refunded);
        // 15.00 is left to refund: one more reference may take all of it, not a fen more.
        assertEquals(new RefundState.Refused("x-" + reference, "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"),
                channel.refund(reference, "x-" + reference, yuan(15_01), yuan(20_00)));
    }

    @Test
    void refunding_an_unpaid_or_unknown_trade_is_refused() {
        String reference = reference();
        qrCode(reference, 4_00);
        assertEquals(new RefundState.Refused("r-" + reference, "ACQ.TRADE_STATUS_ERROR"),
                channel.refund(reference, "r-" + reference, yuan(1_00), yuan(4_00)));
        assertEquals(new RefundState.Refused("r-unknown", "ACQ.TRADE_NOT_EXIST"),
                channel.refund("qm-unknown", "r-unknown", yuan(1_00), yuan(4_00)));
    }

    @Test
    void transient_gateway_errors_and_no_answer_are_channel_unavailable_and_a_retry_succeeds() {
        String reference = reference();
        for (String kind : List.of("system_error", "unavailable", "http_503")) {
            AlipaySandbox.fault(kind, 1);
            assertThrows(ChannelUnavailable.class, () -> qrCode(reference, 6_00), kind);
        }
        String qrCode = qrCode(reference, 6_00); // the same reference, retried
        AlipaySandbox.fault("system_error", 1);
        assertThrows(ChannelUnavailable.class, () -> channel.query(reference));
        press(qrCode, "pay");
        AlipaySandbox.fault("http_503", 1);
        assertThrows(ChannelUnavailable.class, () -> channel.refund(reference, "r-" + reference, yuan(1_00), yuan(6_00)));
        assertInstanceOf(RefundState.Refunded.class, channel.refund(reference, "r-" + reference, yuan(1_00), yuan(6_00)));

        AlipayChannel unreachable = new AlipayChannel(withGateway(URI.create("http://127.0.0.1:9/gateway.do")));
        assertThrows(ChannelUnavailable.class, () -> unreachable.query(reference));
    }

    @Test
    void a_channel_without_merchant_keys_is_unavailable_and_verifies_nothing() {
        AlipayChannel unconfigured = new AlipayChannel((AlipayConfig) Proxy.newProxyInstance(
                AlipayConfig.class.getClassLoader(), new Class<?>[] {AlipayConfig.class}, (proxy, method, args) ->
                        method.getReturnType() == Optional.class ? Optional.empty() : method.invoke(config, args)));
        assertThrows(ChannelUnavailable.class, () -> unconfigured.query("qm-any"));
        assertThrows(ChannelUnavailable.class, () -> unconfigured.verifyNotification(Map.of(), "out_trade_no=qm-any"));
    }

    /** The test's settings with another gateway: the keys still come from the sandbox's merchant file. */
    private AlipayConfig withGateway(URI gateway) {
        return (AlipayConfig) Proxy.newProxyInstance(AlipayConfig.class.getClassLoader(), new Class<?>[] {AlipayConfig.class},
                (proxy, method, args) -> method.getName().equals("gatewayUrl") ? Optional.of(gateway)
                        : method.invoke(config, args));
    }

    @Test
    void the_statement_lists_the_days_payments_and_refunds_with_planted_mismatches() {
        String kept = paid(11_00);
        String refundedInPart = paid(12_00);
        channel.refund(refundedInPart, "r-" + refundedInPart, yuan(2_50), yuan(12_00));
        String missing = paid(13_00);
        String otherAmount = paid(14_00);
        AlipaySandbox.plant("{\"kind\":\"missing\",\"outTradeNo\":\"%s\"}".formatted(missing));
        AlipaySandbox.plant("{\"kind\":\"amount\",\"outTradeNo\":\"%s\",\"amount\":\"14.01\"}".formatted(otherAmount));
        String extra = reference();
        AlipaySandbox.plant("{\"kind\":\"extra\",\"outTradeNo\":\"%s\",\"amount\":\"1.00\"}".formatted(extra));

        List<StatementLine> lines = statementToday();
        assertEquals(List.of(yuan(11_00)), amounts(lines, kept, StatementLine.Kind.PAYMENT));
        assertEquals(List.of(yuan(12_00)), amounts(lines, refundedInPart, StatementLine.Kind.PAYMENT));
        assertEquals(List.of(yuan(2_50)), amounts(lines, "r-" + refundedInPart, StatementLine.Kind.REFUND));
        assertEquals(List.of(), amounts(lines, missing, StatementLine.Kind.PAYMENT));
        assertEquals(List.of(yuan(14_01)), amounts(lines, otherAmount, StatementLine.Kind.PAYMENT));
        assertEquals(List.of(yuan(1_00)), amounts(lines, extra, StatementLine.Kind.PAYMENT));
        assertEquals(List.of(), statement(LocalDate.of(2020, 1, 1)));
    }

    private static List<Money> amounts(List<StatementLine> lines, String reference, StatementLine.Kind kind) {
        return lines.stream().filter(l -> l.reference().equals(reference) && l.kind() == kind).map(StatementLine::amount)
                .toList();
    }

    private List<StatementLine> statementToday() {
        return statement(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    private List<StatementLine> statement(LocalDate day) {
        return channel.statement(day);
    }

    @Test
    void other_currencies_and_card_tokens_are_refused_before_anything_is_sent() {
        assertThrows(IllegalArgumentException.class, () -> channel.start(new ChargeRequest(reference(), new Money(100, "USD"),
                "x", Presentation.QR_CODE, null, null)));
        assertThrows(IllegalArgumentException.class, () -> channel.start(new ChargeRequest(reference(), yuan(100), "x",
                Presentation.TOKEN, "tok_sandbox_success", null)));
        assertThrows(IllegalArgumentException.class, () -> channel.refund(reference(), "r", new Money(100, "USD"),
                new Money(100, "USD")));
    }

    @Test
    void a_handled_notification_is_acknowledged_with_the_plain_text_success() {
        assertEquals(new Acknowledgement(200, "text/plain", "success"), channel.acknowledgement());
        assertEquals("alipay", channel.name());
    }

    @Test
    void using_the_sdk_leaves_the_jvms_certificate_algorithm_restrictions_in_place() {
        channel.query(reference());
        String disabled = Security.getProperty("jdk.certpath.disabledAlgorithms");
        assertTrue(disabled != null && disabled.contains("MD5"), "jdk.certpath.disabledAlgorithms=" + disabled);
    }
}
