package io.quarkmall.stock.rest;

import io.quarkmall.common.money.Money;
import io.quarkmall.stock.domain.analysis.DailySales;
import io.quarkmall.stock.domain.analysis.DemandForecast;
import io.quarkmall.stock.service.SalesAnalysis.SkuReport;
import java.time.LocalDate;
import java.util.List;

/**
 * One SKU's analysis as the API shows it: the daily sales from {@code from} to {@code to} (the last
 * whole days, from the first sale on), the forecast, sell-through, XYZ class and what to reorder.
 */
public record SkuAnalysisView(String sku, LocalDate from, LocalDate to, List<Day> history, Forecast forecast,
                              SellThroughView sellThrough, String xyzClass, Double coefficientOfVariation,
                              Replenishment replenishment) {

    /** Units sold on a day and what they brought in; quiet days as zero. */
    public record Day(LocalDate date, long units, Money revenue) {
        static Day of(DailySales sales) {
            return new Day(sales.date(), sales.units(), sales.revenue());
        }
    }

    /**
     * Expected units per day from {@code firstDay} on, each past day's one-step-ahead prediction (in
     * the order of {@code history}) and the standard deviation of their errors.
     */
    public record Forecast(String method, double alpha, double beta, double gamma, LocalDate firstDay,
                           List<Double> daily, List<Double> oneStepAhead, double residualSd) {
        static Forecast of(DemandForecast forecast, int horizonDays) {
            return new Forecast(forecast.method().name(), forecast.smoothing().alpha(), forecast.smoothing().beta(),
                    forecast.smoothing().gamma(), forecast.firstDay(), forecast.daily().subList(0, horizonDays),
                    forecast.oneStepAhead(), forecast.residualSd());
        }
    }

    /** Units sold over the period / (units sold + on hand now); null when both are zero. */
    public record SellThroughView(long unitsSold, long endingOnHand, Double rate) {}

    /** The suggestion and the figures behind it, in units. */
    public record Replenishment(int leadTimeDays, int reviewDays, double serviceLevel, double z, long onHand,
                                long onOrder, long reserved, long position, double demandOverLeadTime,
                                double safetyStock, double reorderPoint, double demandOverReviewPeriod,
                                long quantity, String explanation) {}

    static SkuAnalysisView of(SkuReport report) {
        var history = report.history();
        var sellThrough = report.sellThrough();
        var terms = report.terms();
        var position = report.position();
        var suggestion = report.suggestion();
        return new SkuAnalysisView(history.sku(), history.from(), history.to(),
                history.days().stream().map(Day::of).toList(), Forecast.of(report.forecast(), report.horizonDays()),
                new SellThroughView(sellThrough.unitsSold(), sellThrough.endingOnHand(),
                        sellThrough.rate().isPresent() ? sellThrough.rate().getAsDouble() : null),
                report.xyz().name(),
                report.coefficientOfVariation().isPresent() ? report.coefficientOfVariation().getAsDouble() : null,
                new Replenishment(terms.leadTimeDays(), terms.reviewPeriodDays(), terms.serviceLevel().probability(),
                        terms.serviceLevel().z(), position.onHand(), position.onOrder(), position.reserved(),
                        suggestion.position(), suggestion.demandOverLeadTime(), suggestion.safetyStock(),
                        suggestion.reorderPoint(), suggestion.demandOverReviewPeriod(), suggestion.quantity(),
                        suggestion.explanation()));
    }
}
