package io.quarkmall.pay.reconciliation;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.PaymentChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A channel that only has statements, scripted per day by the test: the lines it lists, or an
 * outage. Each statement takes a little while, as a real download does, so racing runs overlap.
 */
@ApplicationScoped
@StatementTestChannel
public class ScriptedStatementChannel implements PaymentChannel {

    public static final String NAME = "recon-test";
    private static final Map<LocalDate, List<StatementLine>> STATEMENTS = new ConcurrentHashMap<>();
    private static final Map<LocalDate, String> OUTAGES = new ConcurrentHashMap<>();
    private static final AtomicInteger FETCHED = new AtomicInteger();

    public static void lists(LocalDate day, List<StatementLine> lines) {
        STATEMENTS.put(day, List.copyOf(lines));
    }

    public static void downOn(LocalDate day, String reason) {
        OUTAGES.put(day, reason);
    }

    public static int fetched() {
        return FETCHED.get();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StatementLine> statement(LocalDate day) {
        FETCHED.incrementAndGet();
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String outage = OUTAGES.get(day);
        if (outage != null) {
            throw new ChannelUnavailable(NAME, outage);
        }
        return STATEMENTS.getOrDefault(day, List.of());
    }

    @Override
    public Started start(ChargeRequest request) {
        throw new UnsupportedOperationException("statements only");
    }

    @Override
    public ChannelState query(String reference) {
        throw new UnsupportedOperationException("statements only");
    }

    @Override
    public ChannelState close(String reference) {
        throw new UnsupportedOperationException("statements only");
    }

    @Override
    public RefundState refund(String reference, String refundReference, Money amount, Money total) {
        throw new UnsupportedOperationException("statements only");
    }

    @Override
    public ChannelState verifyNotification(Map<String, String> headers, String body) {
        throw new UnsupportedOperationException("statements only");
    }

    @Override
    public Acknowledgement acknowledgement() {
        throw new UnsupportedOperationException("statements only");
    }
}
