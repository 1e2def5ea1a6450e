package io.quarkmall.cartorder.domain;

/**
 * Whether a shopper may place one more unpaid order: unpaid orders hold stock until paid or timed
 * out, so one shopper may hold only so many orders and units at once (OWASP API6). Pure: the caller
 * has serialised the shopper's checkouts, so the holdings stay true until it commits.
 */
public final class HoldingPolicy {

    /** The most one shopper may hold with unpaid orders. */
    public record Limits(int maxUnpaidOrders, int maxUnitsHeld) {}

    /** What one shopper's unpaid orders hold now. */
    public record Holdings(long unpaidOrders, long unitsHeld) {}

    public sealed interface Decision permits Allow, Refuse {}

    public record Allow() implements Decision {}

    /** Why not, as a stable problem type and a detail that says what to do. */
    public record Refuse(String type, String detail) implements Decision {}

    private HoldingPolicy() {
    }

    public static Decision decide(Limits limits, Holdings held, long unitsWanted) {
        if (held.unpaidOrders() >= limits.maxUnpaidOrders()) {
            return new Refuse("too-many-unpaid-orders", ("You have %d orders awaiting payment, the most one shopper "
                    + "may have at once. Pay or cancel one of them, then check out again.").formatted(held.unpaidOrders()));
        }
        if (held.unitsHeld() + unitsWanted > limits.maxUnitsHeld()) {
            return new Refuse("too-many-units-held", ("Your unpaid orders hold %d units and this cart has %d; one shopper "
                    + "may hold at most %d. Pay or cancel an open order, or check out fewer units.")
                    .formatted(held.unitsHeld(), unitsWanted, limits.maxUnitsHeld()));
        }
        return new Allow();
    }
}
