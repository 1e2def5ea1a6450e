package io.quarkmall.cartorder.domain;

/** What one shopper holds with unpaid orders, and has redeemed. */
public final class ShopperHoldings {

    private ShopperHoldings() {
    }

    /** What the shopper's unpaid orders hold now: how many there are and their units in all. */
    public static HoldingPolicy.Holdings unpaidHoldingsOf(String shopperId) {
        Object[] held = Order.getEntityManager().createQuery("""
                        select count(distinct o.id), coalesce(sum(l.quantity), 0) from OrderLine l join l.order o
                        where o.shopperId = :shopper and o.status in (:unpaid)""", Object[].class)
                .setParameter("shopper", shopperId).setParameter("unpaid", OrderStatus.UNPAID).getSingleResult();
        return new HoldingPolicy.Holdings(((Number) held[0]).longValue(), ((Number) held[1]).longValue());
    }

    /** The units of {@code sku} the shopper's redemptions have taken, cancelled ones left out. */
    public static long redeemedUnitsOf(String shopperId, String sku) {
        Long units = Order.getEntityManager().createQuery("""
                        select sum(l.quantity) from OrderLine l join l.order o
                        where o.shopperId = :shopper and o.kind = :redemption and l.sku = :sku and o.status <> :cancelled""",
                        Long.class)
                .setParameter("shopper", shopperId).setParameter("redemption", OrderKind.REDEMPTION)
                .setParameter("sku", sku).setParameter("cancelled", OrderStatus.CANCELLED).getSingleResult();
        return units == null ? 0 : units;
    }
}
