package io.quarkmall.cartorder.domain;

/** What one shopper holds with unpaid orders. */
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
}
