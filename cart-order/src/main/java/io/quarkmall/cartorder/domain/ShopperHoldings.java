package io.quarkmall.cartorder.domain;

/** What one shopper holds with unpaid orders, and the lock that makes their checkouts take turns. */
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

    /**
     * Makes the shopper's checkouts run one at a time, until this transaction ends: what the
     * shopper holds is counted and added to under this lock, so parallel checkouts cannot all pass
     * the limits, and none re-orders a cart another has just emptied.
     */
    public static void lockCheckoutsOf(String shopperId) {
        Order.getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "checkout\n" + shopperId).getSingleResult();
    }
}
