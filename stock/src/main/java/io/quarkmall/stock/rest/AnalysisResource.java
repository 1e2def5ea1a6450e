package io.quarkmall.stock.rest;

import io.quarkmall.stock.domain.analysis.DemandForecast;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy;
import io.quarkmall.stock.domain.analysis.ReplenishmentPolicy.Terms;
import io.quarkmall.stock.domain.analysis.SalesPeriod;
import io.quarkmall.stock.domain.analysis.ServiceLevel;
import io.quarkmall.stock.service.SalesAnalysis;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the sales history says about the caller's SKUs (an admin's: every SKU's): demand forecast,
 * what to reorder, sell-through, ABC and XYZ classes. Periods are the last whole days in the mall's
 * time zone, ending yesterday.
 */
@Path("/analysis")
@RolesAllowed({"merchant", "admin"})
public class AnalysisResource {

    private final CallerScope caller;
    private final SalesAnalysis analysis;

    AnalysisResource(CallerScope caller, SalesAnalysis analysis) {
        this.caller = caller;
        this.analysis = analysis;
    }

    @GET
    @Path("/skus/{sku}")
    @Operation(summary = "A SKU's daily sales over the last `days` whole days (from its first sale on, quiet days as "
            + "zero), its demand forecast for `horizon` days (Holt-Winters with a weekly season from two weeks of "
            + "history, else exponential smoothing) with the one-step-ahead predictions and their σ, sell-through, "
            + "XYZ class, and the units to reorder for the lead time, review period and service level; 400 for "
            + "parameters out of range, 404 for an unknown SKU or another merchant's, 409 history-too-short when it "
            + "has sold for fewer days than a forecast needs")
    public SkuAnalysisView sku(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sku,
                               @QueryParam("days") @DefaultValue("90") @Min(SalesPeriod.MIN_DAYS)
                               @Max(SalesPeriod.MAX_DAYS) int days,
                               @QueryParam("horizon") @DefaultValue("28") @Min(1)
                               @Max(DemandForecast.MAX_HORIZON_DAYS) int horizon,
                               @QueryParam("leadTimeDays") @DefaultValue("7") @Min(0)
                               @Max(ReplenishmentPolicy.MAX_DAYS) int leadTimeDays,
                               @QueryParam("reviewDays") @DefaultValue("7") @Min(0)
                               @Max(ReplenishmentPolicy.MAX_DAYS) int reviewDays,
                               @QueryParam("serviceLevel") @DefaultValue("0.95") @DecimalMin(value = "0", inclusive = false)
                               @DecimalMax(value = "1", inclusive = false) double serviceLevel) {
        var terms = new Terms(leadTimeDays, reviewDays, new ServiceLevel(serviceLevel));
        return SkuAnalysisView.of(analysis.analyse(caller.scope(), sku, days, horizon, terms));
    }

    @GET
    @Path("/abc")
    @Operation(summary = "Every SKU of the caller's (an admin's: every SKU) over the last `days` whole days, best "
            + "seller first: units, revenue, ABC class (A: the best sellers bringing 80% of revenue, B the next 15%, "
            + "C the rest) and XYZ class (coefficient of variation of daily units below 0.5: X, below 1: Y, else Z); "
            + "400 for days out of 14..730")
    public List<SalesAnalysis.Ranked> abc(@QueryParam("days") @DefaultValue("90") @Min(SalesPeriod.MIN_DAYS)
                                          @Max(SalesPeriod.MAX_DAYS) int days) {
        return analysis.rank(caller.scope(), days);
    }
}
