package io.quarkmall.pay;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wallet channel for pay's own tests of how attempts settle: it answers with a QR code, and the test
 * decides what the wallet does (pay, refuse, fail transiently). Its notifications carry a keyed hash a
 * forger cannot make. The real channels (Alipay, WeChat Pay, the card PSP) are tested against their
 * sandboxes in their own tests.
 */
@ApplicationScoped
public class ScriptedWallet implements PaymentChannel {

    static final String NAME = "test-wallet";
    private static final byte[] KEY = java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);

    enum Trade { PENDING, PAID, REFUSED, CLOSED }

    private final Map<String, Trade> trades = new ConcurrentHashMap<>();
    private final Map<String, Money> amounts = new ConcurrentHashMap<>();
    private final Map<String, Money> refunds = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger starts = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    /** How many payments were started at the wallet (a method: a client proxy's fields are not the bean's). */
    int starts() {
        return starts.get();
    }

    /** The next {@code calls} calls fail as a channel that is down does. */
    void failNext(int calls) {
        failNext.set(calls);
    }

    private void maybeFail() {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ChannelUnavailable(NAME, "scripted outage");
        }
    }

    /** The shopper pays in the wallet: the trade is paid, and the notification the wallet would send is returned. */
    String pay(String reference) {
        trades.computeIfPresent(reference, (r, t) -> t == Trade.PENDING ? Trade.PAID : t);
        return notification(reference, trades.get(reference).name());
    }

    String refuse(String reference) {
        trades.computeIfPresent(reference, (r, t) -> t == Trade.PENDING ? Trade.REFUSED : t);
        return notification(reference, trades.get(reference).name());
    }

    /** Pays at the wallet without telling pay: only a query finds out. */
    void paySilently(String reference) {
        trades.computeIfPresent(reference, (r, t) -> t == Trade.PENDING ? Trade.PAID : t);
    }

    Trade trade(String reference) {
        return trades.get(reference);
    }

    Money refunded(String reference) {
        return refunds.entrySet().stream().filter(e -> e.getKey().startsWith(reference + "|"))
                .map(Map.Entry::getValue).reduce(Money::plus).orElse(null);
    }

    static String notification(String reference, String state) {
        String body = reference + "|" + state;
        return body + "|" + sign(body);
    }

    private static String sign(String body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(KEY);
            return HexFormat.of().formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Started start(ChargeRequest request) {
        maybeFail();
        starts.incrementAndGet();
        trades.putIfAbsent(request.reference(), Trade.PENDING);
        amounts.putIfAbsent(request.reference(), request.amount());
        return new Started.QrCode("wallet://pay/" + request.reference());
    }

    @Override
    public ChannelState query(String reference) {
        maybeFail();
        return state(reference);
    }

    private ChannelState state(String reference) {
        Trade trade = trades.get(reference);
        if (trade == null) {
            return new ChannelState.NotFound(reference);
        }
        return switch (trade) {
            case PENDING -> new ChannelState.Pending(reference);
            case PAID -> new ChannelState.Paid(reference, "w-" + reference, amounts.get(reference), "payer-1", Instant.now());
            case REFUSED -> new ChannelState.Failed(reference, "INSUFFICIENT_BALANCE");
            case CLOSED -> new ChannelState.Closed(reference);
        };
    }

    @Override
    public ChannelState close(String reference) {
        maybeFail();
        trades.computeIfPresent(reference, (r, t) -> t == Trade.PENDING ? Trade.CLOSED : t);
        return state(reference);
    }

    @Override
    public RefundState refund(String reference, String refundReference, Money amount, Money total) {
        maybeFail();
        refunds.putIfAbsent(reference + "|" + refundReference, amount);
        return new RefundState.Refunded(refundReference, "wr-" + refundReference, amount);
    }

    @Override
    public ChannelState verifyNotification(Map<String, String> headers, String body) {
        String[] parts = body.split("\\|");
        if (parts.length != 3 || !MessageDigest.isEqual(sign(parts[0] + "|" + parts[1]).getBytes(StandardCharsets.UTF_8),
                parts[2].getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidNotification("signature does not verify");
        }
        return state(parts[0]);
    }

    @Override
    public Acknowledgement acknowledgement() {
        return new Acknowledgement(200, "text/plain", "success");
    }

    @Override
    public List<StatementLine> statement(LocalDate day) {
        return List.of();
    }
}
