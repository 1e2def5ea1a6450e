package io.quarkmall.pay.channel.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel.ChannelState;
import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Yuan, the sandbox's statement and Alipay's notifications, read without a gateway (keys made here). */
class AlipayReadingTest {

    private static final KeyPair ALIPAY = keyPair();
    private static final AlipayMerchant MERCHANT = new AlipayMerchant("http://127.0.0.1:1/gateway.do", "2021000000000001",
            "unused", Base64.getEncoder().encodeToString(ALIPAY.getPublic().getEncoded()));

    @Test
    void yuan_are_two_decimals_of_cny_and_other_currencies_are_refused() {
        assertEquals("12.30", Yuan.of(new Money(1230, "CNY")));
        assertEquals("0.01", Yuan.of(new Money(1, "CNY")));
        assertEquals(new Money(1230, "CNY"), Yuan.parse("12.3"));
        assertEquals(new Money(1200, "CNY"), Yuan.parse("12"));
        assertThrows(IllegalArgumentException.class, () -> Yuan.of(new Money(100, "USD")));
        assertThrows(IllegalArgumentException.class, () -> Yuan.parse("12.345"));
        assertThrows(IllegalArgumentException.class, () -> Yuan.parse("-1.00"));
        assertThrows(IllegalArgumentException.class, () -> Yuan.parse("abc"));
    }

    @Test
    void the_statement_reads_payments_by_trade_and_refunds_by_refund_reference() {
        List<StatementLine> lines = AlipayStatement.parse("""
                type,out_trade_no,trade_no,out_request_no,amount,time
                payment,qm-1,2026112822000001,,12.34,2026-11-28 08:00:00
                refund,qm-1,2026112822000001,r-1,2.00,2026-11-28 09:30:00
                """);
        assertEquals(List.of(
                new StatementLine("qm-1", "2026112822000001", StatementLine.Kind.PAYMENT, new Money(1234, "CNY"),
                        Instant.parse("2026-11-28T00:00:00Z")),
                new StatementLine("r-1", "2026112822000001", StatementLine.Kind.REFUND, new Money(200, "CNY"),
                        Instant.parse("2026-11-28T01:30:00Z"))), lines);
        assertThrows(IllegalArgumentException.class, () -> AlipayStatement.parse("<html>not found</html>"));
        assertThrows(IllegalArgumentException.class, () -> AlipayStatement.parse(AlipayStatement.HEADER + "\nbonus,a,b,,1.00,x"));
    }

    @Test
    void a_signed_notification_of_a_paid_trade_reads_as_paid_at_its_time_in_china() {
        String body = signed(paidFields(), ALIPAY);
        assertEquals(new ChannelState.Paid("qm-1", "2026112822000001", new Money(1234, "CNY"), "2088102177846880",
                Instant.parse("2026-11-28T00:00:05Z")), AlipayNotification.verify(body, MERCHANT));
    }

    @Test
    void closed_unpaid_is_closed_and_closed_after_a_full_refund_stays_paid() {
        Map<String, String> closed = paidFields();
        closed.put("trade_status", "TRADE_CLOSED");
        closed.remove("gmt_payment");
        assertEquals(new ChannelState.Closed("qm-1"), AlipayNotification.verify(signed(closed, ALIPAY), MERCHANT));
        Map<String, String> refunded = paidFields();
        refunded.put("trade_status", "TRADE_CLOSED");
        assertEquals(ChannelState.Paid.class, AlipayNotification.verify(signed(refunded, ALIPAY), MERCHANT).getClass());
    }

    @Test
    void a_notification_signed_by_another_key_for_another_app_or_unreadable_is_invalid() {
        assertThrows(InvalidNotification.class, () -> AlipayNotification.verify(signed(paidFields(), keyPair()), MERCHANT));
        Map<String, String> otherApp = paidFields();
        otherApp.put("app_id", "2021999999999999");
        assertThrows(InvalidNotification.class, () -> AlipayNotification.verify(signed(otherApp, ALIPAY), MERCHANT));
        Map<String, String> noAmount = paidFields();
        noAmount.remove("total_amount");
        assertThrows(InvalidNotification.class, () -> AlipayNotification.verify(signed(noAmount, ALIPAY), MERCHANT));
        Map<String, String> badAmount = paidFields();
        badAmount.put("total_amount", "lots");
        assertThrows(InvalidNotification.class, () -> AlipayNotification.verify(signed(badAmount, ALIPAY), MERCHANT));
        Map<String, String> unknownStatus = paidFields();
        unknownStatus.put("trade_status", "TRADE_MAYBE");
        assertThrows(InvalidNotification.class, () -> AlipayNotification.verify(signed(unknownStatus, ALIPAY), MERCHANT));
        assertThrows(InvalidNotification.class, () -> AlipayNotification.verify("sign=abc&sign=abc", MERCHANT));
        assertThrows(InvalidNotification.class, () -> AlipayNotification.verify(null, MERCHANT));
    }

    private static Map<String, String> paidFields() {
        Map<String, String> fields = new TreeMap<>();
        fields.put("app_id", "2021000000000001");
        fields.put("charset", "utf-8");
        fields.put("notify_id", "n-1");
        fields.put("notify_time", "2026-11-28 08:00:06");
        fields.put("notify_type", "trade_status_sync");
        fields.put("out_trade_no", "qm-1");
        fields.put("trade_no", "2026112822000001");
        fields.put("trade_status", "TRADE_SUCCESS");
        fields.put("total_amount", "12.34");
        fields.put("buyer_id", "2088102177846880");
        fields.put("gmt_payment", "2026-11-28 08:00:05");
        fields.put("subject", "绿茶 & more");
        fields.put("version", "1.0");
        return fields;
    }

    /** Signed as Alipay signs a notification: SHA256withRSA over the sorted pairs without sign and sign_type. */
    private static String signed(Map<String, String> fields, KeyPair key) {
        String content = new TreeMap<>(fields).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            Map<String, String> all = new TreeMap<>(fields);
            all.put("sign", Base64.getEncoder().encodeToString(signature.sign()));
            all.put("sign_type", "RSA2");
            return all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
