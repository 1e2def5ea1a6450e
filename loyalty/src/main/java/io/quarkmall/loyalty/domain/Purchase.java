package io.quarkmall.loyalty.domain;

import io.quarkmall.common.money.Money;
import java.time.Instant;
import java.util.List;

/** A paid order as the earning rules read it: what was paid in all, for which lines, and when. */
public record Purchase(Money total, List<Line> lines, Instant paidAt) {

    /** One line of the order, at the price it was sold for. */
    public record Line(String sku, int quantity, Money unitPrice) {

        long subtotalMinor() {
            return Math.multiplyExact(unitPrice.amountMinor(), (long) quantity);
        }
    }

    public Purchase {
        lines = List.copyOf(lines);
    }
}
