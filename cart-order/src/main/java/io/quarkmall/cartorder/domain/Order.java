package io.quarkmall.cartorder.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A shopper's order (a purchase, or a redemption in the points mall) and its state machine:
 * PENDING → STOCK_RESERVED → PAID → FULFILLING → SHIPPED → DELIVERED → COMPLETED, or CANCELLED
 * with a reason. Every change is a timeline entry
 * and an {@link OrderEvent} for order.v1. Each fact moves the order one step: stock holds only
 * after the order is placed, pay charges only a held order, shipping ships only a paid one, so the
 * facts arrive in order; a repeated or late fact changes nothing and a skipped step is refused.
 */
@Entity
@Table(name = "shop_order")
public class Order extends PanacheEntityBase {

    /** One SKU to buy, priced. */
    public record Item(String sku, String productName, int quantity, Money unitPrice) {}

    /**
     * The delivery service chosen, its fee (which the total includes) and the parcel's weight as the fee was
     * computed from (null when not weighed: a redemption, a flash sale, an order placed before delivery options).
     */
    public record Delivery(ShippingOption option, Money fee, Integer weightGrams) {

        /** Standard delivery at no charge, not weighed: a redemption's and a flash sale's. */
        public static Delivery freeStandard(String currency) {
            return new Delivery(ShippingOption.STANDARD, Money.zero(currency), null);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String shopperId;
    @Enumerated(EnumType.STRING)
    private OrderKind kind;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private CancelReason cancelReason;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "total_minor"))
    private Money total;
    private long subtotalMinor;
    private long pointsUsed;
    private long pointsDiscountMinor;
    private long couponDiscountMinor;
    @Enumerated(EnumType.STRING)
    private ShippingOption shippingOption;
    private long shippingFeeMinor;
    private Integer parcelWeightGrams;
    private boolean stockHeld;
    private boolean pointsHeld;
    private boolean couponsHeld;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant payBy;
    private Instant deliveredAt;
    /** What pay has given back on this order, in all (every refund it announced). */
    private long refundedMinor;
    /** The flash-sale admission a FLASH_SALE order was placed for; null for any other order. */
    private UUID flashSaleTicket;
    /** The order an EXCHANGE order replaces units of; null for any other order. */
    private Long replacementFor;
    /** Where it goes, as at checkout: the address sealed under the shopper's data key; null if none was given. */
    private String deliveryAddress;
    /** The country it goes to (ISO 3166-1 alpha-2), as at checkout; null if no address was given. */
    private String destinationCountry;
    /** The carrier and waybill of its parcel, once shipping booked it; null before. */
    private String carrier;
    private String trackingNumber;
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderAdjustment> adjustments = new ArrayList<>();
    @Transient
    private final List<OrderEvent> events = new ArrayList<>();

    protected Order() {
    }

    /** The goods' subtotal of items of one currency. */
    public static Money subtotalOf(List<Item> items) {
        Money subtotal = Money.zero(items.getFirst().unitPrice().currency());
        for (Item item : items) {
            subtotal = subtotal.plus(item.unitPrice().times(item.quantity()));
        }
        return subtotal;
    }

    /** A new order for items of one currency; it must be paid by {@code payBy} or it is cancelled. */
    public static Order place(String shopperId, List<Item> items, Instant now, Instant payBy) {
        return place(shopperId, items, PointsPaymentPolicy.NONE, now, payBy);
    }

    /** A new order, {@code points} paying part of it (see the next). */
    public static Order place(String shopperId, List<Item> items, PointsPaymentPolicy.PointsPayment points,
                              Instant now, Instant payBy) {
        return place(shopperId, items, List.of(), points, now, payBy);
    }

    /**
     * A new order, {@code coupons} taking part of the goods off and then {@code points} paying part
     * of what is left: loyalty must use the coupons and hold the points, as stock must hold the
     * units, before it can be paid.
     */
    public static Order place(String shopperId, List<Item> items, List<AppliedCoupon> coupons,
                              PointsPaymentPolicy.PointsPayment points, Instant now, Instant payBy) {
        return place(shopperId, items, coupons, points, Delivery.freeStandard(subtotalOf(items).currency()), now, payBy);
    }

    /** A new order as the previous, delivered by the chosen service, whose fee is added to what is left to pay. */
    public static Order place(String shopperId, List<Item> items, List<AppliedCoupon> coupons,
                              PointsPaymentPolicy.PointsPayment points, Delivery delivery, Instant now, Instant payBy) {
        return open(OrderKind.PURCHASE, shopperId, items, coupons, points, delivery, "Order placed", now, payBy);
    }

    /**
     * A redemption in the points mall: one line at its money part (zero when points alone pay), and
     * {@code points} that loyalty must hold, as stock the units. Points take nothing off the money
     * (no adjustment): they are the price. Paid once both are held if no money is due.
     */
    public static Order redeem(String shopperId, Item item, long points, Instant now, Instant payBy) {
        if (points <= 0) {
            throw new RuleViolation("redemption-without-points", "A redemption is paid with points: " + points);
        }
        return open(OrderKind.REDEMPTION, shopperId, List.of(item), List.of(), new PointsPaymentPolicy.PointsPayment(points, 0),
                Delivery.freeStandard(item.unitPrice().currency()), "Redeemed for " + points + " points", now, payBy);
    }

    /**
     * A flash-sale order: stock admitted the shopper to buy one unit of a sale at {@code item}'s
     * price and set that unit aside; the order carries the {@code ticket}, so stock holds that unit
     * (no other) and gives it back to the sale if the order is cancelled unpaid. No coupons, no points.
     */
    public static Order flashSale(String shopperId, Item item, UUID ticket, Instant now, Instant payBy) {
        if (ticket == null) {
            throw new RuleViolation("flash-sale-without-ticket", "A flash-sale order carries its admission ticket");
        }
        if (item.quantity() != 1) {
            throw new RuleViolation("flash-sale-one-unit", "A flash-sale ticket buys one unit, not " + item.quantity());
        }
        var order = open(OrderKind.FLASH_SALE, shopperId, List.of(item), List.of(), PointsPaymentPolicy.NONE,
                Delivery.freeStandard(item.unitPrice().currency()), "Flash sale: admitted with ticket " + ticket,
                now, payBy);
        order.flashSaleTicket = ticket;
        return order;
    }

    /**
     * The replacement an exchange sends once the returned units arrived: {@code items} at no charge
     * (the money stays on {@code original}, where the exchange keeps the units' share), to the
     * original's delivery address, by its delivery service at no fee. It goes through the checkout
     * saga as any order: stock holds the units and, nothing being due, it is paid once held.
     */
    public static Order replacement(Order original, long requestId, List<Item> items, Instant now, Instant payBy) {
        if (items.stream().anyMatch(item -> item.unitPrice().amountMinor() != 0)) {
            throw new RuleViolation("replacement-not-free", "A replacement for order " + original.id
                    + " is sent at no charge: its lines cost nothing.");
        }
        var order = open(OrderKind.EXCHANGE, original.shopperId, items, List.of(), PointsPaymentPolicy.NONE,
                new Delivery(original.shippingOption, Money.zero(original.total.currency()), null),
                "Replacement for order " + original.id + " (after-sales request " + requestId + ")", now, payBy);
        order.replacementFor = original.id;
        order.deliveryAddress = original.deliveryAddress;
        order.destinationCountry = original.destinationCountry;
        return order;
    }

    private static Order open(OrderKind kind, String shopperId, List<Item> items, List<AppliedCoupon> coupons,
                              PointsPaymentPolicy.PointsPayment points, Delivery delivery, String note, Instant now,
                              Instant payBy) {
        var order = new Order();
        order.kind = kind;
        order.shopperId = shopperId;
        for (Item item : items) {
            order.lines.add(new OrderLine(order, item.sku(), item.productName(), item.quantity(), item.unitPrice()));
        }
        Money subtotal = subtotalOf(items);
        Money couponDiscount = AppliedCoupon.totalOf(coupons, subtotal.currency());
        coupons.forEach(coupon -> order.adjustments.add(new OrderAdjustment(order, coupon)));
        order.subtotalMinor = subtotal.amountMinor();
        order.couponDiscountMinor = couponDiscount.amountMinor();
        order.couponsHeld = coupons.isEmpty();
        order.pointsUsed = points.points();
        order.pointsDiscountMinor = points.discountMinor();
        order.pointsHeld = points.points() == 0;
        order.shippingOption = delivery.option();
        order.shippingFeeMinor = delivery.fee().amountMinor();
        order.parcelWeightGrams = delivery.weightGrams();
        order.total = subtotal.minus(couponDiscount).minus(new Money(points.discountMinor(), subtotal.currency()))
                .plus(delivery.fee());
        order.createdAt = now;
        order.payBy = payBy;
        order.status = OrderStatus.PENDING;
        order.record(OrderStatus.PENDING, note, now);
        return order;
    }

    /** Stock is held: the order awaits payment, once its points and coupons are in too. */
    public void stockReserved(Instant now) {
        if (status == OrderStatus.PENDING && !stockHeld) {
            stockHeld = true;
            awaitPaymentOnceHeld("Stock held for the order", now);
        } else if (status != OrderStatus.PENDING) {
            step(OrderStatus.PENDING, OrderStatus.STOCK_RESERVED, "Stock held for the order", now);
        }
    }

    /** loyalty set the order's points aside: the order awaits payment, once its stock and coupons are in too. */
    public void pointsHeld(Instant now) {
        if (status == OrderStatus.CANCELLED || pointsHeld && pointsUsed > 0) {
            return;
        }
        if (status != OrderStatus.PENDING || pointsUsed == 0) {
            throw outOfOrder("points-held");
        }
        pointsHeld = true;
        awaitPaymentOnceHeld(pointsUsed + " points held for the order", now);
    }

    /** loyalty could not hold the points (the balance is short): the order is cancelled, its stock released. */
    public void pointsRefused(String note, Instant now) {
        if (status == OrderStatus.PENDING && pointsUsed > 0 && !pointsHeld) {
            cancel(CancelReason.POINTS_REFUSED, note, now);
        } else if (status != OrderStatus.CANCELLED) {
            throw outOfOrder("points-refused");
        }
    }

    /** loyalty used the order's coupons: the order awaits payment, once its stock and points are held too. */
    public void couponsUsed(Instant now) {
        if (status == OrderStatus.CANCELLED || couponsHeld && usesCoupons()) {
            return;
        }
        if (status != OrderStatus.PENDING || !usesCoupons()) {
            throw outOfOrder("coupons-used");
        }
        couponsHeld = true;
        awaitPaymentOnceHeld("Coupons " + couponList() + " used for the order", now);
    }

    /** loyalty could not use the coupons (used meanwhile, expired...): the order is cancelled, its stock released. */
    public void couponsRefused(String note, Instant now) {
        if (status == OrderStatus.PENDING && usesCoupons() && !couponsHeld) {
            cancel(CancelReason.COUPONS_REFUSED, note, now);
        } else if (status != OrderStatus.CANCELLED) {
            throw outOfOrder("coupons-refused");
        }
    }

    private void awaitPaymentOnceHeld(String note, Instant now) {
        if (!(stockHeld && pointsHeld && couponsHeld)) {
            record(OrderStatus.PENDING, note, now);
            return;
        }
        if (total.amountMinor() == 0) {
            record(OrderStatus.STOCK_RESERVED, note, now);
            if (kind == OrderKind.EXCHANGE) {
                record(OrderStatus.PAID, "Nothing to pay: a replacement for order " + replacementFor, now);
            } else {
                record(OrderStatus.PAID, paidInFull(), now, Notice.PAID, null);
            }
            events.add(new OrderEvent.OrderPaid(id, shopperId, total(), OrderEvent.Line.of(this), shippingOption.name(),
                    parcelWeightGrams, replacementFor, destinationCountry));
        } else {
            record(OrderStatus.STOCK_RESERVED, note, now, Notice.AWAITING_PAYMENT, total.amountMinor());
            events.add(new OrderEvent.OrderAwaitingPayment(id, shopperId, total(), payBy));
        }
    }

    private String paidInFull() {
        String coupons = usesCoupons() ? "coupons " + couponList() : "";
        String points = pointsUsed == 0 ? "" : pointsUsed + " points";
        return "Paid in full with " + (coupons.isEmpty() || points.isEmpty() ? coupons + points : coupons + " and " + points);
    }

    private boolean usesCoupons() {
        return !adjustments.isEmpty();
    }

    private String couponList() {
        return couponIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Stock refused the order: it is cancelled, with nothing to give back. */
    public void stockRejected(String note, Instant now) {
        if (status == OrderStatus.PENDING) {
            cancel(CancelReason.STOCK_REJECTED, note, now);
        } else if (status != OrderStatus.CANCELLED) {
            throw outOfOrder("stock-rejected");
        }
    }

    /** The payment was captured. A payment reaching a cancelled order changes nothing: pay refunds it. */
    public void paid(Instant now) {
        if (step(OrderStatus.STOCK_RESERVED, OrderStatus.PAID, "Payment captured", now, Notice.PAID)) {
            events.add(new OrderEvent.OrderPaid(id, shopperId, total(), OrderEvent.Line.of(this), shippingOption.name(),
                    parcelWeightGrams, replacementFor, destinationCountry));
        }
    }

    /**
     * One payment attempt failed. The order keeps its stock and stays payable: the shopper may try
     * another card or channel until the payment window closes. The timeline says what happened.
     */
    public void paymentFailed(String reason, Instant now) {
        if (status == OrderStatus.STOCK_RESERVED) {
            record(status, "Payment attempt failed (" + reason + "); the order can still be paid", now);
        } else if (status == OrderStatus.PENDING) {
            throw outOfOrder("payment-failed");
        }
    }

    public void fulfilling(String trackingNumber, String carrier, Instant now) {
        if (step(OrderStatus.PAID, OrderStatus.FULFILLING, "Parcel " + trackingNumber + " being packed", now)) {
            this.trackingNumber = trackingNumber;
            this.carrier = carrier;
            events.add(new OrderEvent.OrderFulfilling(id, shopperId, trackingNumber));
        }
    }

    public void shipped(String location, Instant now) {
        if (step(OrderStatus.FULFILLING, OrderStatus.SHIPPED, "Picked up by the carrier (" + location + ")", now, Notice.SHIPPED)) {
            events.add(new OrderEvent.OrderShipped(id, shopperId));
        }
    }

    public void delivered(String location, Instant now) {
        if (step(OrderStatus.SHIPPED, OrderStatus.DELIVERED, "Delivered (" + location + ")", now, Notice.DELIVERED)) {
            deliveredAt = now;
            events.add(new OrderEvent.OrderDelivered(id, shopperId));
        }
    }

    /** Money went back: all of it for a cancelled order, part or all of it for a paid one (an operator's refund). */
    public void refunded(Money amount, Instant now) {
        if (status != OrderStatus.CANCELLED && status.isBefore(OrderStatus.PAID)) {
            throw outOfOrder("refunded");
        }
        if (status != OrderStatus.CANCELLED) {
            record(status, "Refunded " + amount.amountMinor() + " " + amount.currency() + " (minor units)", now,
                    Notice.REFUNDED, amount.amountMinor());
        }
        refundedMinor = Math.addExact(refundedMinor, amount.amountMinor());
        events.add(new OrderEvent.OrderRefunded(id, shopperId, amount));
    }

    /** The shopper asked for money back (after-sales): the timeline says so; nothing moves yet. */
    public void afterSalesRequested(AfterSalesRequest request, Instant now) {
        String what = switch (request.kind()) {
            case REFUND_ONLY -> "a refund of " + minorUnits(request.amount());
            case RETURN_AND_REFUND -> "a return and refund of " + minorUnits(request.amount());
            case EXCHANGE -> "an exchange of " + request.lines().stream()
                    .map(l -> l.quantity() + " × " + l.sku() + (l.replacementSku() == null ? "" : " for " + l.replacementSku()))
                    .collect(Collectors.joining(", "));
        };
        record(status, "After-sales request " + request.id() + " (" + request.reason() + "): " + what + " asked", now);
    }

    /**
     * The request was approved. A refund only: pay is asked to give the money back, once, under the
     * request's reference. A return: the shopper is to send the goods back first.
     */
    public void afterSalesApproved(AfterSalesRequest request, Instant now) {
        if (request.status() == AfterSalesRequest.Status.AWAITING_RETURN) {
            record(status, "After-sales request " + request.id() + " approved (" + request.decidedBy().orElseThrow()
                    + "): return the goods by " + request.respondBy(), now, Notice.AFTER_SALES_RETURN_APPROVED, null);
            return;
        }
        record(status, "After-sales request " + request.id() + " approved (" + request.decidedBy().orElseThrow()
                + "): " + minorUnits(request.amount()) + " to be refunded", now, Notice.AFTER_SALES_APPROVED,
                request.amount().amountMinor());
        askForRefund(request);
    }

    public void afterSalesReturnShipped(AfterSalesRequest request, Instant now) {
        record(status, "After-sales request " + request.id() + ": return parcel sent (" + request.returnCarrier().orElseThrow()
                + " " + request.returnTracking().orElseThrow() + ")", now);
    }

    /**
     * The returned goods arrived: stock takes them back as they are judged, and pay gives the money
     * back or, for an exchange, the replacement order goes out.
     */
    public void afterSalesReturnReceived(AfterSalesRequest request, Instant now) {
        var disposition = request.disposition().orElseThrow();
        var replacement = request.replacementOrderId();
        if (replacement.isPresent()) {
            record(status, "After-sales request " + request.id() + ": returned goods received (" + disposition
                    + "): replacement order " + replacement.get() + " placed", now,
                    Notice.AFTER_SALES_REPLACEMENT_PLACED, null);
        } else {
            record(status, "After-sales request " + request.id() + ": returned goods received (" + disposition + "): "
                    + minorUnits(request.amount()) + " to be refunded", now, Notice.AFTER_SALES_RETURN_RECEIVED,
                    request.amount().amountMinor());
        }
        events.add(new OrderEvent.OrderReturnReceived(id, shopperId, request.id(), request.lines().stream()
                .map(l -> new OrderEvent.ReturnedLine(l.sku(), l.quantity())).toList(), disposition.name()));
        if (replacement.isEmpty()) {
            askForRefund(request);
        }
    }

    /** An exchange's replacement order was delivered: the exchange is done. */
    public void afterSalesExchanged(AfterSalesRequest request, Instant now) {
        record(status, "After-sales request " + request.id() + ": exchange done, replacement order "
                + request.replacementOrderId().orElseThrow() + " delivered", now);
    }

    /** An exchange's replacement order was cancelled: the units' share of the money is refunded instead. */
    public void afterSalesReplacementCancelled(AfterSalesRequest request, Instant now) {
        record(status, "After-sales request " + request.id() + ": replacement order "
                + request.replacementOrderId().orElseThrow() + " was cancelled, " + minorUnits(request.amount())
                + " to be refunded instead", now, Notice.AFTER_SALES_APPROVED, request.amount().amountMinor());
        askForRefund(request);
    }

    public void afterSalesEscalated(AfterSalesRequest request, Instant now) {
        String late = switch (request.status()) {
            case RETURN_SHIPPED -> "the merchant has not received the return parcel";
            case REPLACING -> "replacement order " + request.replacementOrderId().orElseThrow() + " has not been delivered";
            default -> "the merchant has not answered";
        };
        record(status, "After-sales request " + request.id() + " escalated to the mall's staff: " + late, now);
    }

    public void afterSalesExpired(AfterSalesRequest request, Instant now) {
        record(status, "After-sales request " + request.id() + " expired: the goods were not sent back in time", now,
                Notice.AFTER_SALES_EXPIRED, null);
    }

    private void askForRefund(AfterSalesRequest request) {
        events.add(new OrderEvent.OrderRefundApproved(id, shopperId, request.id(), request.amount(),
                request.refundReference()));
    }

    public void afterSalesNotRefunded(AfterSalesRequest request, Instant now) {
        record(status, "After-sales request " + request.id() + " could not be refunded ("
                + request.notRefundedReason().orElse("") + ")", now, Notice.AFTER_SALES_NOT_REFUNDED, null);
    }

    public void afterSalesRejected(AfterSalesRequest request, Instant now) {
        record(status, "After-sales request " + request.id() + " rejected: " + request.decisionNote().orElse(""), now,
                Notice.AFTER_SALES_REJECTED, null);
    }

    private static String minorUnits(Money amount) {
        return amount.amountMinor() + " " + amount.currency() + " (minor units)";
    }

    /** Unpaid by its deadline: cancelled. False if it was paid or cancelled meanwhile. */
    public boolean cancelUnpaid(Instant now) {
        if (!OrderStatus.UNPAID.contains(status)) {
            return false;
        }
        cancel(CancelReason.UNPAID_TIMEOUT, "Not paid in time", now);
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
        events.add(new OrderEvent.OrderCompleted(id, shopperId, total()));
    }

    /** The events of the changes made since the last call, oldest first; the caller publishes them. */
    public List<OrderEvent> takeEvents() {
        var taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /**
     * One step of the saga: from {@code from} to {@code to}. A step the order has passed, or any step
     * of a cancelled order, is a late or repeated fact and changes nothing (false). A step from
     * anywhere else would skip one: the one ordered stream of facts makes that a defect, refused.
     */
    private boolean step(OrderStatus from, OrderStatus to, String note, Instant now) {
        return step(from, to, note, now, null);
    }

    private boolean step(OrderStatus from, OrderStatus to, String note, Instant now, Notice notice) {
        if (status == from) {
            record(to, note, now, notice, null);
            return true;
        }
        if (status == OrderStatus.CANCELLED || !status.isBefore(to)) {
            return false;
        }
        throw outOfOrder(to.name());
    }

    private RuleViolation outOfOrder(String step) {
        return new RuleViolation("order-step-out-of-order", "Order " + id + " is " + status + "; " + step
                + " cannot happen now.");
    }

    private void cancel(CancelReason reason, String note, Instant now) {
        boolean moneyTaken = !status.isBefore(OrderStatus.PAID) && total.amountMinor() > 0;
        var compensation = new OrderEvent.Compensation(stockToGiveBack(reason), moneyTaken ? total() : null);
        cancelReason = reason;
        record(OrderStatus.CANCELLED, note, now, Notice.CANCELLED, null);
        events.add(new OrderEvent.OrderCancelled(id, shopperId, reason, compensation));
    }

    private OrderEvent.StockCompensation stockToGiveBack(CancelReason reason) {
        if (reason == CancelReason.STOCK_REJECTED) {
            return OrderEvent.StockCompensation.NONE;
        }
        return status.isBefore(OrderStatus.PAID) ? OrderEvent.StockCompensation.RELEASE
                : OrderEvent.StockCompensation.RESTOCK;
    }

    private void record(OrderStatus next, String note, Instant now) {
        record(next, note, now, null, null);
    }

    /** A step the shopper is told of ({@code notice}), with the money it moved if any. */
    private void record(OrderStatus next, String note, Instant now, Notice notice, Long amountMinor) {
        status = next;
        updatedAt = now;
        timeline.add(new TimelineEntry(this, next, note, now, notice, amountMinor));
    }

    /**
     * Copies the delivery address (sealed) and its country (in the clear, so shipping can choose the
     * carrier that goes there) onto the new order; once: it does not follow later edits of the address book.
     */
    public void deliverTo(String sealedAddress, String country) {
        if (deliveryAddress != null || id != null) {
            throw new RuleViolation("delivery-address-fixed", "An order's delivery address is set once, when it is placed");
        }
        deliveryAddress = sealedAddress;
        destinationCountry = country;
    }

    /** The country the parcel goes to (ISO 3166-1 alpha-2); empty if it was placed without an address. */
    public Optional<String> destinationCountry() {
        return Optional.ofNullable(destinationCountry);
    }

    /** The parcel's waybill, once shipping booked it with a carrier. */
    public Optional<String> trackingNumber() {
        return Optional.ofNullable(trackingNumber);
    }

    /** The carrier's code as shipping names it ({@code sf}, {@code sandbox-express}); empty if not announced. */
    public Optional<String> carrier() {
        return Optional.ofNullable(carrier);
    }

    /** Whether the shop was paid for it and still owes its goods or sent them: a parcel to pack or packed. */
    public boolean paidFor() {
        return !status.isBefore(OrderStatus.PAID) && status != OrderStatus.CANCELLED;
    }

    /** The delivery address copied at checkout, sealed under the shopper's data key. */
    public Optional<String> sealedDeliveryAddress() {
        return Optional.ofNullable(deliveryAddress);
    }

    public static Optional<Order> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<Order> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    /** How many of the shopper's orders are COMPLETED (received, or delivered long enough ago). */
    public static long completedBy(String shopperId) {
        return count("shopperId = ?1 and status = ?2", shopperId, OrderStatus.COMPLETED);
    }

    public static Optional<Order> lockOwnedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Whether an order was placed for this flash-sale ticket already. */
    public static boolean placedFor(UUID flashSaleTicket) {
        return count("flashSaleTicket", flashSaleTicket) > 0;
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

    public OrderKind kind() {
        return kind;
    }

    /** The order an EXCHANGE order replaces units of; empty for any other. */
    public Optional<Long> replacementFor() {
        return Optional.ofNullable(replacementFor);
    }

    /** The flash-sale ticket of a FLASH_SALE order; empty for any other. */
    public Optional<UUID> flashSaleTicket() {
        return Optional.ofNullable(flashSaleTicket);
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<CancelReason> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    /** What is left to pay in money: the goods' subtotal less what coupons and then points took off, plus delivery. */
    public Money total() {
        return total;
    }

    /** What pay has given back on this order so far. */
    public Money refunded() {
        return new Money(refundedMinor, total.currency());
    }

    /** When the parcel was delivered; empty before. */
    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public Delivery delivery() {
        return new Delivery(shippingOption, new Money(shippingFeeMinor, total.currency()), parcelWeightGrams);
    }

    public Money subtotal() {
        return new Money(subtotalMinor, total.currency());
    }

    public long pointsUsed() {
        return pointsUsed;
    }

    public Money pointsDiscount() {
        return new Money(pointsDiscountMinor, total.currency());
    }

    /** What the order's coupons took off the goods, in all. */
    public Money couponDiscount() {
        return new Money(couponDiscountMinor, total.currency());
    }

    /** The coupons the order uses, in the order they applied. */
    public List<Long> couponIds() {
        return adjustments.stream().filter(a -> a.kind() == OrderAdjustment.Kind.COUPON).map(OrderAdjustment::couponId)
                .toList();
    }

    /** What was taken off the goods at checkout before points, each explained: the coupons, in the order they applied. */
    public List<OrderAdjustment> adjustments() {
        return Collections.unmodifiableList(adjustments);
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
