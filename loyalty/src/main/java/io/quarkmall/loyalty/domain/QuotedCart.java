package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.CouponPolicy.Line;
import io.quarkmall.loyalty.domain.CouponQuote.Applied;
import io.quarkmall.loyalty.domain.CouponQuote.LineTotal;
import io.quarkmall.loyalty.domain.CouponQuote.NotApplied;
import io.quarkmall.loyalty.domain.CouponQuote.Share;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** A cart while {@link CouponPolicy} quotes it: what each line has left to pay after the coupons so far. */
final class QuotedCart {

    private final List<Line> lines;
    private final String currency;
    private final long[] subtotals;
    private final long[] left;

    QuotedCart(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new RuleViolation("cart-empty", "A quote needs at least one cart line.");
        }
        this.lines = List.copyOf(lines);
        this.currency = lines.getFirst().unitPrice().currency();
        if (lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))) {
            throw new RuleViolation("mixed-currencies", "All lines of a cart are in one currency.");
        }
        this.subtotals = lines.stream().mapToLong(Line::subtotalMinor).toArray();
        this.left = subtotals.clone();
    }

    String currency() {
        return currency;
    }

    Money money(long minor) {
        return new Money(minor, currency);
    }

    /** The indexes of the lines {@code scope} covers. */
    int[] coveredBy(CouponScope scope) {
        return IntStream.range(0, lines.size())
                .filter(i -> scope.covers(lines.get(i).sku(), lines.get(i).categoryId())).toArray();
    }

    long subtotalOf(int[] covered) {
        return Arrays.stream(covered).mapToLong(i -> subtotals[i]).reduce(0, Math::addExact);
    }

    long leftOn(int[] covered) {
        return Arrays.stream(covered).mapToLong(i -> left[i]).reduce(0, Math::addExact);
    }

    /** Takes {@code amount} (at most {@link #leftOn}) off the covered lines; answers each line's part. */
    List<Share> take(int[] covered, long amount) {
        long[] parts = DiscountSplit.proportionally(amount, Arrays.stream(covered).mapToLong(i -> left[i]).toArray());
        var shares = new ArrayList<Share>();
        for (int k = 0; k < covered.length; k++) {
            int line = covered[k];
            left[line] -= parts[k];
            if (parts[k] > 0) {
                shares.add(new Share(line, lines.get(line).sku(), money(parts[k])));
            }
        }
        return shares;
    }

    CouponQuote quote(List<Applied> applied, List<NotApplied> notApplied) {
        var totals = IntStream.range(0, lines.size()).mapToObj(i -> new LineTotal(i, lines.get(i).sku(),
                money(subtotals[i]), money(subtotals[i] - left[i]), money(left[i]))).toList();
        long subtotal = Arrays.stream(subtotals).reduce(0, Math::addExact);
        long total = Arrays.stream(left).sum();
        return new CouponQuote(money(subtotal), money(subtotal - total), money(total), totals, applied, notApplied);
    }
}
