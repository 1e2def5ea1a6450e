package io.quarkmall.stock.domain;

import io.quarkmall.common.money.Money;
import io.quarkmall.stock.domain.analysis.DailySales;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one paid order sold of one SKU, on the day it was paid (in the mall's time zone): the sales
 * history the analysis reads. An order cancelled before it shipped did not sell: its rows are
 * restocked and no longer count. Units shoppers returned do not count either: a sale counts its units
 * less those returned, and its revenue in proportion; one returned whole no longer counts at all.
 */
@Entity
public class SkuSale extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String sku;
    private LocalDate soldOn;
    private long units;
    private long revenueMinor;
    private String currency;
    private Instant paidAt;
    private Instant restockedAt;
    private long returnedUnits;

    protected SkuSale() {
    }

    private SkuSale(long orderId, String sku, LocalDate soldOn, long units, Money revenue, Instant paidAt) {
        this.orderId = orderId;
        this.sku = sku;
        this.soldOn = soldOn;
        this.units = units;
        this.revenueMinor = revenue.amountMinor();
        this.currency = revenue.currency();
        this.paidAt = paidAt;
    }

    /** Records the order's sale of the SKU, unless it is recorded already (the order paid once). */
    public static void record(long orderId, String sku, LocalDate soldOn, long units, Money revenue, Instant paidAt) {
        if (count("orderId = ?1 and sku = ?2", orderId, sku) == 0) {
            new SkuSale(orderId, sku, soldOn, units, revenue, paidAt).persist();
        }
    }

    /** The order's sales of these SKUs no longer count: it was cancelled and its units are back on the shelf. */
    public static void restocked(long orderId, Collection<String> skus, Instant now) {
        if (!skus.isEmpty()) {
            update("restockedAt = ?1 where orderId = ?2 and sku in ?3 and restockedAt is null", now, orderId, skus);
        }
    }

    /** Shoppers sent back so many units the order sold of the SKU; never more than it sold. */
    public static void returned(long orderId, String sku, long units) {
        find("orderId = ?1 and sku = ?2 and restockedAt is null", orderId, sku).<SkuSale>firstResultOptional()
                .ifPresent(sale -> sale.returnedUnits = Math.min(sale.units, sale.returnedUnits + units));
    }

    /** A sale that still counts: its order not restocked, and not every unit of it returned. */
    private static final String COUNTS = "s.restockedAt is null and s.returnedUnits < s.units";
    /** Units sold less those returned, and the revenue of what was kept (the sale's price per unit). */
    private static final String KEPT = "sum(s.units - s.returnedUnits), sum(s.revenueMinor - s.revenueMinor * s.returnedUnits / s.units)";

    /** The SKU's sales per day (one row per day and currency) from {@code from} to {@code to}, both included. */
    public static List<DailySales> dailyOf(String sku, LocalDate from, LocalDate to) {
        return getEntityManager().createQuery("select s.soldOn, " + KEPT + ", s.currency from SkuSale s "
                        + "where s.sku = ?1 and s.soldOn between ?2 and ?3 and " + COUNTS
                        + " group by s.soldOn, s.currency order by s.soldOn", Object[].class)
                .setParameter(1, sku).setParameter(2, from).setParameter(3, to)
                .getResultStream().map(SkuSale::dailySales).toList();
    }

    /** Every SKU's sales per day (one row per SKU, day and currency) from {@code from} to {@code to}. */
    public static Map<String, List<DailySales>> dailyBySku(LocalDate from, LocalDate to) {
        return getEntityManager().createQuery("select s.sku, s.soldOn, " + KEPT + ", s.currency from SkuSale s "
                        + "where s.soldOn between ?1 and ?2 and " + COUNTS
                        + " group by s.sku, s.soldOn, s.currency order by s.sku, s.soldOn", Object[].class)
                .setParameter(1, from).setParameter(2, to)
                .getResultStream().collect(Collectors.groupingBy(row -> (String) row[0],
                        Collectors.mapping(row -> dailySales(new Object[] {row[1], row[2], row[3], row[4]}),
                                Collectors.toList())));
    }

    /** The first day the SKU sold on (sales since restocked or returned whole do not count); empty if it never sold. */
    public static Optional<LocalDate> firstSaleOf(String sku) {
        return Optional.ofNullable(getEntityManager().createQuery(
                        "select min(s.soldOn) from SkuSale s where s.sku = ?1 and " + COUNTS, LocalDate.class)
                .setParameter(1, sku).getSingleResult());
    }

    /** The first day each of the SKUs sold on, for the SKUs that ever sold. */
    public static Map<String, LocalDate> firstSales() {
        return getEntityManager().createQuery(
                        "select s.sku, min(s.soldOn) from SkuSale s where " + COUNTS + " group by s.sku", Object[].class)
                .getResultStream().collect(Collectors.toMap(row -> (String) row[0], row -> (LocalDate) row[1]));
    }

    private static DailySales dailySales(Object[] row) {
        return new DailySales((LocalDate) row[0], ((Number) row[1]).longValue(),
                new Money(((Number) row[2]).longValue(), (String) row[3]));
    }

    public long orderId() {
        return orderId;
    }

    public String sku() {
        return sku;
    }

    public LocalDate soldOn() {
        return soldOn;
    }

    public long units() {
        return units;
    }

    public Money revenue() {
        return new Money(revenueMinor, currency);
    }

    public Instant restockedAt() {
        return restockedAt;
    }
}
