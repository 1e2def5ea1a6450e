package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * What cart-order announces on order.v1 (docs/events/order.v1.schema.json): the one voice about an
 * order's life. Every status change is one of these, in order, on the order's partition; stock,
 * pay, shipping and loyalty follow this stream alone. The record's name is the event's type.
 */
public sealed interface OrderEvent {

    long orderId();

    String shopperId();

    record Line(String sku, int quantity, Money unitPrice) {
        public static List<Line> of(Order order) {
            return order.lines().stream().map(l -> new Line(l.sku(), l.quantity(), l.unitPrice())).toList();
        }
    }

    /** What stock must undo for a cancelled order. */
    enum StockCompensation {
        /** Nothing was ever held (stock refused the order). */
        NONE,
        /** Units are held, or about to be: release them. */
        RELEASE,
        /** The order was paid, so its units were taken: put them back. */
        RESTOCK
    }

    /** What a cancellation leaves to undo: stock to give back, and the money to refund (null if unpaid). */
    record Compensation(StockCompensation stock, Money refund) {}

    /**
     * {@code total} is what is left to pay in money: the goods' {@code subtotal} less the
     * {@code couponDiscount} of {@code couponIds}, which loyalty must use, and less the
     * {@code pointsDiscount} that {@code pointsUsed} points pay, which loyalty must hold.
     * {@code flashSaleTicket}: the admission a flash-sale order was placed for (stock holds the unit
     * it set aside for the sale, not a regular one); null for any other order.
     * {@code replacementFor}: the order an exchange's replacement (kind EXCHANGE, at no charge) replaces
     * units of; null for any other order.
     */
    record OrderPlaced(long orderId, String shopperId, List<Line> lines, Money total, Money subtotal, long pointsUsed,
                       Money pointsDiscount, List<Long> couponIds, Money couponDiscount, String flashSaleTicket,
                       String shippingOption, Money shippingFee, Long replacementFor)
            implements OrderEvent {}

    /** Stock is held: the order can be paid until {@code payBy}. */
    record OrderAwaitingPayment(long orderId, String shopperId, Money total, Instant payBy) implements OrderEvent {}

    /**
     * The payment was captured: stock is taken, points are earned, the parcel is booked for {@code shippingOption}
     * ({@code parcelWeightGrams} null when it was not weighed). A replacement ({@code replacementFor} not
     * null) earns no points: its goods were paid for on the order it replaces. {@code destinationCountry}: where
     * the parcel goes (null without an address), so shipping can choose a carrier by destination.
     */
    record OrderPaid(long orderId, String shopperId, Money total, List<Line> lines, String shippingOption,
                     Integer parcelWeightGrams, Long replacementFor, String destinationCountry) implements OrderEvent {}

    record OrderFulfilling(long orderId, String shopperId, String trackingNumber) implements OrderEvent {}

    record OrderShipped(long orderId, String shopperId) implements OrderEvent {}

    record OrderDelivered(long orderId, String shopperId) implements OrderEvent {}

    record OrderCompleted(long orderId, String shopperId, Money total) implements OrderEvent {}

    record OrderCancelled(long orderId, String shopperId, CancelReason reason, Compensation compensation)
            implements OrderEvent {}

    /** Money went back to the shopper for a cancelled order: loyalty takes back what it earned. */
    record OrderRefunded(long orderId, String shopperId, Money amount) implements OrderEvent {}

    /**
     * An after-sales request was approved: pay gives {@code amount} back from the order's payment,
     * once under {@code refundReference}, and announces it (PaymentRefunded) as any refund.
     */
    record OrderRefundApproved(long orderId, String shopperId, long requestId, Money amount, String refundReference)
            implements OrderEvent {}

    /** One line's units sent back by the shopper. */
    record ReturnedLine(String sku, int quantity) {}

    /**
     * The merchant (or, unanswered, the clock) received goods a shopper returned under an after-sales
     * request: stock takes them back into the warehouses they left, SELLABLE or into QUARANTINE.
     * Announced just before the request's OrderRefundApproved.
     */
    record OrderReturnReceived(long orderId, String shopperId, long requestId, List<ReturnedLine> lines, String disposition)
            implements OrderEvent {}
}
