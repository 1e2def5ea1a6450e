package io.quarkmall.cartorder.domain;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/**
 * The orders an operator may see: an admin every order, a merchant the orders holding at least one
 * of its own SKUs (whose other lines it sees too, as the parcel ships whole).
 */
public record OperatorScope(String merchantId, boolean admin) {

    private static final String MERCHANTS_SKU = """
            exists (select 1 from OrderLine l, CatalogSku c
                    where l.order = o and c.sku = l.sku and c.merchantId = :merchant)""";

    /** Newest first; only those in {@code status} if it is given. */
    public List<Order> orders(Optional<OrderStatus> status, int page, int size) {
        String where = admin ? "1 = 1" : MERCHANTS_SKU;
        if (status.isPresent()) {
            where += " and o.status = :status";
        }
        TypedQuery<Order> query = Order.getEntityManager()
                .createQuery("select o from Order o where " + where + " order by o.createdAt desc, o.id desc", Order.class)
                .setFirstResult(page * size).setMaxResults(size);
        bind(query);
        status.ifPresent(s -> query.setParameter("status", s));
        return query.getResultList();
    }

    public Optional<Order> order(long id) {
        TypedQuery<Order> query = Order.getEntityManager().createQuery(
                "select o from Order o where o.id = :id and " + (admin ? "1 = 1" : MERCHANTS_SKU), Order.class);
        query.setParameter("id", id);
        bind(query);
        return query.getResultStream().findFirst();
    }

    /**
     * A merchant reviews the after-sales requests of orders holding its goods alone: money back for
     * an order that mixes merchants' goods is an admin's to decide.
     */
    private static final String MERCHANTS_SKUS_ALONE = MERCHANTS_SKU + """
             and not exists (select 1 from OrderLine l2, CatalogSku c2
                             where l2.order = o and c2.sku = l2.sku and c2.merchantId <> :merchant)""";

    /** Whether the caller reviews the after-sales requests of this order. */
    public boolean reviewsAfterSalesOf(long orderId) {
        TypedQuery<Long> query = Order.getEntityManager().createQuery("select count(o) from Order o where o.id = :id and "
                + (admin ? "1 = 1" : MERCHANTS_SKUS_ALONE), Long.class);
        query.setParameter("id", orderId);
        bind(query);
        return query.getSingleResult() > 0;
    }

    /**
     * After-sales requests the caller reviews: those awaiting the merchant first by deadline, then the
     * rest newest first; {@code escalated}: only those escalated and still waiting (on the merchant, or
     * on a replacement's delivery).
     */
    public List<AfterSalesRequest> afterSales(Optional<AfterSalesRequest.Status> status, boolean escalated, int page,
                                              int size) {
        String where = admin ? "1 = 1" : MERCHANTS_SKUS_ALONE;
        if (status.isPresent()) {
            where += " and r.status = :status";
        }
        if (escalated) {
            where += " and r.escalatedAt is not null and r.status in :escalating";
        }
        TypedQuery<AfterSalesRequest> query = Order.getEntityManager().createQuery("""
                        select r from AfterSalesRequest r, Order o where o.id = r.orderId and %s
                        order by case when r.status in :waiting then 0 else 1 end,
                                 case when r.status in :waiting then r.respondBy end, r.id desc"""
                        .formatted(where), AfterSalesRequest.class)
                .setParameter("waiting", AfterSalesRequest.AWAITING_MERCHANT)
                .setFirstResult(page * size).setMaxResults(size);
        bind(query);
        status.ifPresent(s -> query.setParameter("status", s));
        if (escalated) {
            query.setParameter("escalating", AfterSalesRequest.ESCALATING);
        }
        return query.getResultList();
    }

    private void bind(TypedQuery<?> query) {
        if (!admin) {
            query.setParameter("merchant", merchantId);
        }
    }
}
