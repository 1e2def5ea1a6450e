package io.quarkmall.stock.service;

import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.stock.config.AnalysisConfig;
import io.quarkmall.stock.domain.OperatorScope;
import io.quarkmall.stock.domain.SkuSale;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.domain.WarehouseStock;
import io.quarkmall.stock.domain.analysis.AbcPolicy;
import io.quarkmall.stock.domain.analysis.AbcPolicy.AbcClass;
import io.quarkmall.stock.domain.analysis.DailySales;
import io.quarkmall.stock.domain.analysis.DemandForecast;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Position;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Suggestion;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Terms;
import io.quarkmall.stock.domain.analysis.SalesPeriod;
import io.quarkmall.stock.domain.analysis.SalesSeries;
import io.quarkmall.stock.domain.analysis.SellThrough;
import io.quarkmall.stock.domain.analysis.XyzPolicy;
import io.quarkmall.stock.domain.analysis.XyzPolicy.XyzClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A SKU's sales read by the analysis policies: its daily history over the last whole days, the
 * demand forecast, sell-through, XYZ class and a replenishment suggestion; and the ABC and XYZ
 * classes of every SKU an operator may see, each over its {@link SalesPeriod}.
 */
@ApplicationScoped
public class SalesAnalysis {

    /** Everything the analysis of one SKU found; the forecast covers at least {@code horizonDays}. */
    public record SkuReport(SalesSeries history, DemandForecast forecast, int horizonDays, SellThrough sellThrough,
                            XyzClass xyz, OptionalDouble coefficientOfVariation, Terms terms, Position position,
                            Suggestion suggestion) {}

    /** One SKU's place in the ranking: units and revenue over its period, ABC and XYZ class. */
    public record Ranked(String sku, long units, Money revenue, AbcClass abcClass, XyzClass xyzClass) {}

    private final Clock clock;
    private final AnalysisConfig config;

    SalesAnalysis(Clock clock, AnalysisConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** 404 for an unknown SKU or another merchant's; 409 {@code history-too-short} when it sold too recently or never. */
    @Transactional(Transactional.TxType.REQUIRED)
    public SkuReport analyse(OperatorScope scope, String sku, int days, int horizonDays, Terms terms) {
        StockLevel level = scope.level(sku).orElseThrow(() -> ProblemException.notFound("Stock for SKU " + sku));
        SalesPeriod period = SalesPeriod.toForecast(sku, today(), days, SkuSale.firstSaleOf(sku), config.minHistoryDays());
        SalesSeries history = seriesOf(sku, period, SkuSale.dailyOf(sku, period.from(), period.to()));
        DemandForecast forecast = DemandForecast.fit(history, Math.max(horizonDays, terms.horizonDays()));
        long onOrder = WarehouseStock.of(sku).stream().mapToLong(WarehouseStock::inbound).sum();
        Position position = new Position(level.onHand(), onOrder, level.reserved());
        return new SkuReport(history, forecast, horizonDays, new SellThrough(history.totalUnits(), level.onHand()),
                XyzPolicy.classify(history, XyzPolicy.Thresholds.DEFAULT), XyzPolicy.coefficientOfVariation(history),
                terms, position, ReplenishmentPolicy.suggest(forecast, terms, position));
    }

    /** Every SKU the operator may see, best seller first, with its ABC class by revenue and XYZ class by steadiness. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Ranked> rank(OperatorScope scope, int days) {
        List<StockLevel> visible = scope.admin() ? StockLevel.listAll() : StockLevel.list("merchantId", scope.merchantId());
        LocalDate today = today();
        SalesPeriod window = SalesPeriod.of(today, days, Optional.empty());
        Map<String, List<DailySales>> sales = SkuSale.dailyBySku(window.from(), window.to());
        Map<String, LocalDate> firstSales = SkuSale.firstSales();
        Map<String, SalesSeries> series = new HashMap<>();
        Map<String, Money> revenue = new HashMap<>();
        for (StockLevel level : visible) {
            SalesPeriod period = SalesPeriod.of(today, days, Optional.ofNullable(firstSales.get(level.sku())));
            SalesSeries history = seriesOf(level.sku(), period, sales.getOrDefault(level.sku(), List.of()));
            series.put(level.sku(), history);
            revenue.put(level.sku(), history.totalRevenue());
        }
        return AbcPolicy.classify(revenue, AbcPolicy.Thresholds.DEFAULT).entrySet().stream().map(entry -> {
            SalesSeries history = series.get(entry.getKey());
            return new Ranked(entry.getKey(), history.totalUnits(), history.totalRevenue(), entry.getValue(),
                    XyzPolicy.classify(history, XyzPolicy.Thresholds.DEFAULT));
        }).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    private SalesSeries seriesOf(String sku, SalesPeriod period, List<DailySales> sales) {
        String currency = sales.stream().map(day -> day.revenue().currency()).findFirst().orElse(config.currency());
        return SalesSeries.of(sku, period.from(), period.to(), currency, sales);
    }
}
