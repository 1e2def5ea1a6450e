package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a shopper may ask for money back on an order without returning the goods (refund only),
 * and how much. Open once the parcel has left (before that the shopper cancels) and until
 * {@code window} after delivery. A request names units of the order's lines, or none for every unit
 * not yet claimed; its amount is their share of the money paid (total × their value ÷ subtotal,
 * rounded down), and the last units claimed get whatever money is left. Coupons and points keep
 * their share: only money is refunded. Pure: the caller holds the order's lock.
 */
public record AfterSalesPolicy(Duration window) {

    public static final Set<OrderStatus> OPEN_IN = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED,
            OrderStatus.COMPLETED);

    /**
     * Units of one order line (by SKU) a request covers; an exchange may name the SKU to send instead
     * ({@code replacementSku}, null for the same SKU again: naming the same SKU is naming none).
     */
    public record ClaimedLine(String sku, int quantity, String replacementSku) {

        public ClaimedLine {
            replacementSku = sku.equals(replacementSku) ? null : replacementSku;
        }

        public ClaimedLine(String sku, int quantity) {
            this(sku, quantity, null);
        }

        /** What an exchange sends for these units. */
        public String skuToSend() {
            return replacementSku == null ? sku : replacementSku;
        }
    }

    public sealed interface Decision permits Grant, Refuse {}

    /** The units and the money a request may ask for. */
    public record Grant(List<ClaimedLine> lines, Money amount) implements Decision {}

    /** Why not: 409 for the order's state, 422 for what was asked. {@code field} names the input at fault, or null. */
    public record Refuse(int status, String type, String detail, String field) implements Decision {}

    /** Whether the shopper may ask now at all: the order page offers it only then. */
    public boolean offers(Order order, List<AfterSalesRequest> earlier, Instant now) {
        return closed(order, earlier, now) == null && moneyLeft(order, earlier) > 0
                && claimable(order, earlier).values().stream().anyMatch(units -> units > 0);
    }

    /**
     * The units and their share of the money. An exchange needs a share too: it is what is refunded
     * if the replacement cannot be sent (units paid with points alone have none, and no after-sales).
     */
    public Decision decide(Order order, List<ClaimedLine> asked, List<AfterSalesRequest> earlier, Instant now) {
        Refuse closed = closed(order, earlier, now);
        if (closed != null) {
            return closed;
        }
        Map<String, Integer> claimable = claimable(order, earlier);
        List<ClaimedLine> lines = asked.isEmpty() ? everyUnitOf(claimable) : asked;
        Refuse wrongLine = wrongLine(lines, claimable);
        if (wrongLine != null) {
            return wrongLine;
        }
        long left = moneyLeft(order, earlier);
        long amount = coversEverything(lines, claimable) ? left : Math.min(left, shareOf(order, lines));
        if (amount <= 0) {
            return new Refuse(422, "nothing-to-refund", order.replacementFor().map(original -> "Order " + order.id()
                    + " is a replacement sent at no charge for order " + original + ": nothing was paid on it to refund"
                    + " or to keep for another replacement.").orElse("Order " + order.id() + " has no money left to refund"
                    + (asked.isEmpty() ? "." : " for these units.")), null);
        }
        return new Grant(List.copyOf(lines), new Money(amount, order.total().currency()));
    }

    private Refuse closed(Order order, List<AfterSalesRequest> earlier, Instant now) {
        if (!OPEN_IN.contains(order.status())) {
            String what = order.status().cancellableByShopper() && !order.status().isBefore(OrderStatus.PAID)
                    ? " Until it ships, cancel it instead: a paid order is refunded whole."
                    : "";
            return new Refuse(409, "after-sales-not-open", "Order " + order.id() + " is " + order.status()
                    + "; money back is asked for once the parcel has left." + what, null);
        }
        var delivered = order.deliveredAt();
        if (delivered.isPresent() && now.isAfter(delivered.get().plus(window))) {
            return new Refuse(422, "after-sales-window-closed", "Order " + order.id() + " was delivered more than "
                    + window.toDays() + " days ago; after-sales requests are taken until then.", null);
        }
        var open = earlier.stream().filter(AfterSalesRequest::isOpen).findFirst();
        if (open.isPresent()) {
            return new Refuse(409, "after-sales-open", "Order " + order.id() + " has after-sales request "
                    + open.get().id() + " open (" + open.get().status() + "); wait for it to end.", null);
        }
        return null;
    }

    /** Per SKU, the units no earlier request (other than a rejected one) has claimed. */
    private static Map<String, Integer> claimable(Order order, List<AfterSalesRequest> earlier) {
        Map<String, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        earlier.stream().filter(AfterSalesRequest::claims).flatMap(r -> r.lines().stream())
                .forEach(l -> units.computeIfPresent(l.sku(), (sku, n) -> n - l.quantity()));
        return units;
    }

    /**
     * The money paid less what pay gave back, what requests still open will ask for, and the share of
     * units exchanged (their money paid for the replacement).
     */
    private static long moneyLeft(Order order, List<AfterSalesRequest> earlier) {
        long pending = earlier.stream().filter(AfterSalesRequest::holdsMoney).mapToLong(r -> r.amount().amountMinor()).sum();
        return order.total().amountMinor() - order.refunded().amountMinor() - pending;
    }

    private static List<ClaimedLine> everyUnitOf(Map<String, Integer> claimable) {
        return claimable.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new ClaimedLine(e.getKey(), e.getValue())).toList();
    }

    private static Refuse wrongLine(List<ClaimedLine> lines, Map<String, Integer> claimable) {
        if (lines.isEmpty()) {
            return new Refuse(422, "nothing-to-refund", "Every unit of this order has been claimed already.", null);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            String field = "lines[" + i + "]";
            if (!claimable.containsKey(line.sku())) {
                return new Refuse(422, "not-on-order", "SKU " + line.sku() + " is not on this order.", field + ".sku");
            }
            if (!seen.add(line.sku())) {
                return new Refuse(422, "line-repeated", "SKU " + line.sku() + " is named twice.", field + ".sku");
            }
            int left = claimable.get(line.sku());
            if (line.quantity() < 1 || line.quantity() > left) {
                return new Refuse(422, "quantity-over-claimable", "SKU " + line.sku() + ": " + line.quantity()
                        + " asked, " + left + " not yet claimed.", field + ".quantity");
            }
        }
        return null;
    }

    private static boolean coversEverything(List<ClaimedLine> lines, Map<String, Integer> claimable) {
        int asked = lines.stream().mapToInt(ClaimedLine::quantity).sum();
        return asked == claimable.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static long shareOf(Order order, List<ClaimedLine> lines) {
        long subtotal = order.subtotal().amountMinor();
        if (subtotal == 0) {
            return 0;
        }
        long value = 0;
        for (var claimed : lines) {
            long unit = order.lines().stream().filter(l -> l.sku().equals(claimed.sku())).findFirst().orElseThrow()
                    .unitPrice().amountMinor();
            value = Math.addExact(value, Math.multiplyExact(unit, claimed.quantity()));
        }
        return java.math.BigInteger.valueOf(order.total().amountMinor()).multiply(java.math.BigInteger.valueOf(value))
                .divide(java.math.BigInteger.valueOf(subtotal)).longValueExact();
    }
}
