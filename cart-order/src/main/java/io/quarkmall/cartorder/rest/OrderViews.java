package io.quarkmall.cartorder.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.OrderAdjustment;
import io.quarkmall.cartorder.domain.OrderAction;
import io.quarkmall.cartorder.domain.OrderLine;
import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.cartorder.rest.AddressViews.DeliveryAddressView;
import io.quarkmall.cartorder.domain.TimelineEntry;
import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a shopper sees of orders: never the entities themselves. */
public final class OrderViews {

    public record LineView(String sku, String productName, int quantity, Money unitPrice, Money subtotal) {
        static LineView of(OrderLine l) {
            return new LineView(l.sku(), l.productName(), l.quantity(), l.unitPrice(), l.subtotal());
        }
    }

    public record StepView(String status, String note, Instant at) {
        static StepView of(TimelineEntry e) {
            return new StepView(e.status().name(), e.note(), e.occurredAt());
        }
    }

    /**
     * One thing taken off the goods' subtotal, explained, in the order they were taken: each COUPON
     * (with its {@code couponId}; the description is its name and why it applies), then POINTS. A
     * redemption's points are its price, not a discount: it has no POINTS adjustment.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"kind", "description", "amount"})
    public record AdjustmentView(String kind, Long couponId, String description, Money amount) {
        static List<AdjustmentView> of(Order o) {
            var views = new ArrayList<AdjustmentView>();
            for (OrderAdjustment a : o.adjustments()) {
                views.add(new AdjustmentView(a.kind().name(), a.couponId(), a.name() + ": " + a.why(), a.amount()));
            }
            if (o.pointsDiscount().amountMinor() != 0) {
                views.add(new AdjustmentView("POINTS", null, o.pointsUsed() + " points", o.pointsDiscount()));
            }
            return List.copyOf(views);
        }
    }

    /**
     * {@code kind}: PURCHASE, REDEMPTION in the points mall (its {@code pointsUsed} are its price), or
     * FLASH_SALE (one unit at a flash sale's price, placed when stock admitted the shopper; its
     * {@code flashSaleTicket} is the admission, null for any other kind), or EXCHANGE (a replacement sent at
     * no charge for units an exchange took back; {@code replacementFor} is the order they were bought on, null
     * for any other kind).
     * {@code total} is what is left to pay in money: {@code subtotal} less every adjustment, plus the fee of
     * the delivery service chosen at checkout ({@code shipping}).
     * {@code actions}: what the shopper may do with the order now (PAY, CANCEL, CONFIRM_RECEIPT, TRACK).
     * {@code deliveryAddress}: where it goes, as copied at checkout; null if it was placed without one
     * (or the shopper's data was erased). Only its shopper and the operators who may see the order see it.
     */
    public record OrderView(long id, String kind, String status, String cancelReason, Money subtotal,
                            List<AdjustmentView> adjustments, long pointsUsed, Money total, Instant createdAt,
                            Instant payBy, List<OrderAction> actions, List<LineView> lines, List<StepView> timeline,
                            UUID flashSaleTicket, DeliveryAddressView deliveryAddress, ShippingView shipping,
                            Long replacementFor) {
        static OrderView of(Order o, Optional<PostalAddress> deliveryAddress) {
            return of(o, deliveryAddress, false);
        }

        /** {@code refundOffered}: the shopper may ask for money back now (AfterSalesPolicy), so REQUEST_REFUND is an action. */
        static OrderView of(Order o, Optional<PostalAddress> deliveryAddress, boolean refundOffered) {
            var actions = new ArrayList<>(o.status().actions());
            if (refundOffered) {
                actions.add(OrderAction.REQUEST_REFUND);
            }
            return new OrderView(o.id(), o.kind().name(), o.status().name(), o.cancelReason().map(Enum::name).orElse(null),
                    o.subtotal(), AdjustmentView.of(o), o.pointsUsed(), o.total(), o.createdAt(), o.payBy(),
                    List.copyOf(actions), o.lines().stream().map(LineView::of).toList(),
                    o.timeline().stream().map(StepView::of).toList(), o.flashSaleTicket().orElse(null),
                    deliveryAddress.map(DeliveryAddressView::of).orElse(null), ShippingView.of(o),
                    o.replacementFor().orElse(null));
        }
    }

    /** The delivery service chosen at checkout (STANDARD or EXPRESS) and its fee, which the total includes. */
    public record ShippingView(String option, Money fee) {
        static ShippingView of(Order o) {
            return new ShippingView(o.delivery().option().name(), o.delivery().fee());
        }
    }

    public record OrderSummary(long id, String kind, String status, Money total, Instant createdAt) {
        static OrderSummary of(Order o) {
            return new OrderSummary(o.id(), o.kind().name(), o.status().name(), o.total(), o.createdAt());
        }
    }

    /** An order in the operator's list: whose it is, too. */
    public record OperatorOrderSummary(long id, String shopperId, String status, Money total, int units,
                                       Instant createdAt) {
        static OperatorOrderSummary of(Order o) {
            return new OperatorOrderSummary(o.id(), o.shopperId(), o.status().name(), o.total(),
                    o.lines().stream().mapToInt(OrderLine::quantity).sum(), o.createdAt());
        }
    }

    private OrderViews() {
    }
}
