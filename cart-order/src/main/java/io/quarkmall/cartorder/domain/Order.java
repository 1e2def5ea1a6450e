package io.quarkmall.cartorder.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A shopper's order and its state machine: PENDING → STOCK_RESERVED → PAID → FULFILLING →
 * SHIPPED → DELIVERED → COMPLETED, or CANCELLED with a reason. Every change is a timeline entry.
 * The saga's events may arrive out of order across topics (a shipment before the payment that
 * caused it); a step further along the happy path moves the order there through the steps it
 * skipped, and a step already passed changes nothing.
 */
@Entity
@Table(name = "shop_order")
public class Order extends PanacheEntityBase {

    /** One SKU to buy, priced. */
    public record Item(String sku, String productName, int quantity, Money unitPrice) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private CancelReason cancelReason;
    private long totalMinor;
    private String currency;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant payBy;
    private Instant deliveredAt;
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Order() {
    }

    /** A new order for items of one currency; it must be paid by {@code payBy} or it is cancelled. */
    public static Order place(String shopperId, List<Item> items, Instant now, Instant payBy) {
        var order = new Order();
        order.shopperId = shopperId;
        order.currency = items.getFirst().unitPrice().currency();
        Money total = Money.zero(order.currency);
        for (Item item : items) {
            order.lines.add(new OrderLine(order, item.sku(), item.productName(), item.quantity(), item.unitPrice()));
            total = total.plus(item.unitPrice().times(item.quantity()));
        }
        order.totalMinor = total.amountMinor();
        order.createdAt = now;
        order.payBy = payBy;
        order.status = OrderStatus.PENDING;
        order.record(OrderStatus.PENDING, "Order placed", now);
        return order;
    }

    /**
     * Moves the order forward to {@code target}, recording each step it passes. False if the order
     * is there already, past it, or cancelled: a late or repeated event changes nothing.
     */
    public boolean advanceTo(OrderStatus target, String note, Instant now) {
        if (status == OrderStatus.CANCELLED || !status.isBefore(target)) {
            return false;
        }
        for (OrderStatus step : OrderStatus.HAPPY_PATH) {
            if (status.isBefore(step) && step.isBefore(target)) {
                record(step, "Inferred from a later step", now);
            }
        }
        if (target == OrderStatus.DELIVERED) {
            deliveredAt = now;
        }
        record(target, note, now);
        return true;
    }

    /** The saga cancels (stock, payment, timeout): false if the order is already cancelled or past payment. */
    public boolean cancelBySaga(CancelReason reason, String note, Instant now) {
        if (status == OrderStatus.CANCELLED || !status.isBefore(OrderStatus.PAID)) {
            return false;
        }
        cancel(reason, note, now);
        return true;
    }

    /** The shopper cancels: allowed until the parcel leaves, refused (409) after. */
    public void cancelByShopper(Instant now) {
        if (!status.cancellableByShopper()) {
            throw new RuleViolation("order-not-cancellable", "Order " + id + " is " + status
                    + " and can no longer be cancelled; ask for a return instead.");
        }
        cancel(CancelReason.SHOPPER_CANCELLED, "Cancelled by the shopper", now);
    }

    /** The shopper confirms receipt, or the receipt window passed: the order is complete. */
    public void complete(String note, Instant now) {
        if (status != OrderStatus.DELIVERED) {
            throw new RuleViolation("order-not-delivered", "Order " + id + " is " + status
                    + "; only a delivered order can be completed.");
        }
        record(OrderStatus.COMPLETED, note, now);
    }

    private void cancel(CancelReason reason, String note, Instant now) {
        cancelReason = reason;
        record(OrderStatus.CANCELLED, note, now);
    }

    private void record(OrderStatus next, String note, Instant now) {
        status = next;
        updatedAt = now;
        timeline.add(new TimelineEntry(this, next, note, now));
    }

    public static Optional<Order> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<Order> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    public static Optional<Order> lockOwnedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static List<Order> ofShopper(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt").and("id", Sort.Direction.Descending), shopperId)
                .page(Page.of(page, size)).list();
    }

    /** Ids of orders still unpaid at {@code now} though they had to be paid by then. */
    public static List<Long> unpaidPastDeadline(Instant now, int limit) {
        return getEntityManager().createQuery("""
                        select o.id from Order o where o.status in (:unpaid) and o.payBy < :now order by o.payBy""", Long.class)
                .setParameter("unpaid", OrderStatus.UNPAID)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Ids of orders delivered before {@code deliveredBefore} and not yet completed. */
    public static List<Long> deliveredBefore(Instant deliveredBefore, int limit) {
        return getEntityManager().createQuery("""
                        select o.id from Order o where o.status = :delivered and o.deliveredAt < :before
                        order by o.deliveredAt""", Long.class)
                .setParameter("delivered", OrderStatus.DELIVERED)
                .setParameter("before", deliveredBefore).setMaxResults(limit).getResultList();
    }

    public Long id() {
        return id;
    }

    public String shopperId() {
        return shopperId;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<CancelReason> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    public Money total() {
        return new Money(totalMinor, currency);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant payBy() {
        return payBy;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }
}
