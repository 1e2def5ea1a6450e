package io.quarkmall.stock.domain;

/**
 * What a shopper may know of a SKU's stock: whether it can be bought, and how many are left only
 * when few are, so the exact stock of a healthy SKU is not published to competitors.
 */
public record Availability(String sku, State state, Long fewLeft) {

    public enum State { IN_STOCK, LOW, OUT_OF_STOCK }

    /** At most this many units left counts as low, and the count is shown. */
    public static final long LOW_AT_MOST = 5;

    public static Availability of(String sku, long available) {
        if (available <= 0) {
            return new Availability(sku, State.OUT_OF_STOCK, null);
        }
        if (available <= LOW_AT_MOST) {
            return new Availability(sku, State.LOW, available);
        }
        return new Availability(sku, State.IN_STOCK, null);
    }
}
