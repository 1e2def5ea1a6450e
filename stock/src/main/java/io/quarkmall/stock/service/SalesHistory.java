package io.quarkmall.stock.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.stock.config.AnalysisConfig;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.SkuSale;
import io.quarkmall.stock.domain.StockReservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sales history the analysis reads, kept by the checkout saga in the transaction of each
 * sale: what a paid order sold of each SKU, at the order's prices, on the day it was paid.
 */
@ApplicationScoped
public class SalesHistory {

    /** One line of a paid order as order.v1 carries it: units of a SKU at a unit price. */
    public record PaidLine(String sku, long quantity, Money unitPrice) {}

    private final Clock clock;
    private final AnalysisConfig config;

    SalesHistory(Clock clock, AnalysisConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /**
     * The order was paid at {@code paidAt} and stock took its units: each SKU it sold (a confirmed
     * reservation, or a flash sale's unit its ticket holds) is recorded with the units and revenue of the order's lines. Lines of SKUs stock
     * did not sell for this order, and lines without a price, are not sales of stock's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(long orderId, List<PaidLine> lines, Instant paidAt) {
        if (lines == null) {
            return;
        }
        Set<String> sold = StockReservation.<StockReservation>list("orderId = ?1 and status = ?2", orderId,
                StockReservation.Status.CONFIRMED).stream().map(StockReservation::sku)
                .collect(Collectors.toCollection(HashSet::new));
        sold.addAll(FlashSaleTicket.skusOfOrder(orderId));
        Instant when = paidAt == null ? clock.instant() : paidAt;
        LocalDate day = LocalDate.ofInstant(when, config.zone());
        Map<String, List<PaidLine>> bySku = lines.stream()
                .filter(line -> sold.contains(line.sku()) && line.unitPrice() != null && line.quantity() > 0)
                .collect(Collectors.groupingBy(PaidLine::sku));
        bySku.forEach((sku, skuLines) -> {
            long units = skuLines.stream().mapToLong(PaidLine::quantity).reduce(0, Math::addExact);
            Money revenue = skuLines.stream().map(line -> line.unitPrice().times(line.quantity()))
                    .reduce(Money::plus).orElseThrow();
            SkuSale.record(orderId, sku, day, units, revenue, when);
        });
    }

    /** Shoppers sent back so many units of the SKU the order sold, and stock took them back: they no longer count as sold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returned(long orderId, String sku, long units) {
        SkuSale.returned(orderId, sku, units);
    }

    /** The paid order was cancelled before it shipped and its units are back: its sales no longer count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(long orderId) {
        Set<String> restocked = StockReservation.<StockReservation>list("orderId = ?1 and status = ?2", orderId,
                StockReservation.Status.RESTOCKED).stream().map(StockReservation::sku)
                .collect(Collectors.toCollection(HashSet::new));
        restocked.addAll(FlashSaleTicket.skusOfOrder(orderId));
        SkuSale.restocked(orderId, restocked, clock.instant());
    }
}
