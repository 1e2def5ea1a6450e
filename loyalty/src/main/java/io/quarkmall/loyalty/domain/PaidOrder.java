package io.quarkmall.loyalty.domain;

import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What loyalty keeps of a paid order from order.v1: its lines, for the rules that grant when it
 * completes or after its return window, and its total less refunds, for the tiers' spend.
 */
@Entity
public class PaidOrder extends PanacheEntityBase {

    @Id
    private Long orderId;
    private String shopperId;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "total_minor"))
    private Money total;
    private long refundedMinor;
    @JdbcTypeCode(SqlTypes.JSON)
    private Lines lines;
    private Instant paidAt;
    private Instant completedAt;

    /** The order's lines as stored: one JSON document whose record names the lines' type for the reader. */
    public record Lines(List<Purchase.Line> lines) {}

    protected PaidOrder() {
    }

    /** Keeps a paid order (an order is paid once; the caller has found it not kept yet). */
    public static PaidOrder keep(long orderId, String shopperId, Money total, List<Purchase.Line> lines, Instant paidAt) {
        var order = new PaidOrder();
        order.orderId = orderId;
        order.shopperId = shopperId;
        order.total = total;
        order.lines = new Lines(List.copyOf(lines));
        order.paidAt = paidAt;
        order.persist();
        return order;
    }

    /** Money went back: the refunded part no longer counts as spend (never more than was paid). */
    public void refunded(Money amount) {
        if (amount.currency().equals(total.currency())) {
            refundedMinor = Math.min(total.amountMinor(), Math.addExact(refundedMinor, amount.amountMinor()));
        }
    }

    public boolean whollyRefunded() {
        return refundedMinor == total.amountMinor();
    }

    /** The share of {@code points} the money given back so far stands for, rounded down; all of them once wholly refunded. */
    public long refundedShareOf(long points) {
        if (whollyRefunded() || total.amountMinor() == 0) {
            return points;
        }
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(refundedMinor))
                .divide(BigInteger.valueOf(total.amountMinor())).longValueExact();
    }

    /** The money given back so far, in minor units. */
    public long refundedMinor() {
        return refundedMinor;
    }

    /** True the first time: an order completes once. */
    public boolean completed(Instant at) {
        if (completedAt != null) {
            return false;
        }
        completedAt = at;
        return true;
    }

    /** What the shopper kept paid for since {@code since}, in {@code currency}: totals less refunds. */
    public static long spendSince(String shopperId, String currency, Instant since) {
        return find("select coalesce(sum(o.total.amountMinor - o.refundedMinor), 0) from PaidOrder o "
                + "where o.shopperId = ?1 and o.total.currency = ?2 and o.paidAt >= ?3", shopperId, currency, since)
                .project(Long.class).firstResult();
    }

    public static boolean hasPaidOrder(String shopperId) {
        return count("shopperId", shopperId) > 0;
    }

    /**
     * Orders not wholly refunded that completed in [from, to) and whose return window of
     * {@code days} has not been settled yet, oldest first.
     */
    @SuppressWarnings("unchecked")
    public static List<PaidOrder> awaitingReturnWindow(int days, Instant from, Instant to, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT o.* FROM paid_order o
                        WHERE o.completed_at >= ?1 AND o.completed_at < ?2 AND o.refunded_minor < o.total_minor
                          AND NOT EXISTS (SELECT 1 FROM return_window_grant g
                                          WHERE g.order_id = o.order_id AND g.window_days = ?3)
                        ORDER BY o.completed_at, o.order_id LIMIT ?4""", PaidOrder.class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, days).setParameter(4, limit).getResultList();
    }

    /**
     * Settles the order's return window of {@code days}, recording the points it granted; true the
     * first time, false if it was already settled (a second scheduler pass, another replica).
     */
    public boolean returnWindowClosed(int days, long points, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO return_window_grant (order_id, window_days, points, granted_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, orderId).setParameter(2, days).setParameter(3, points).setParameter(4, now)
                .executeUpdate() == 1;
    }

    public Purchase purchase() {
        return new Purchase(total, lines.lines(), paidAt);
    }

    public long orderId() {
        return orderId;
    }

    public String shopperId() {
        return shopperId;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
