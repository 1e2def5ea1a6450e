package io.quarkmall.pay.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.web.Paging;
import io.quarkmall.pay.domain.reconciliation.Mismatch;
import io.quarkmall.pay.domain.reconciliation.ReconciliationReport;
import io.quarkmall.pay.service.ReconciliationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The console's reconciliation reports (operators are the realm's admins): read them, or reconcile a day again. */
@Path("/admin/reconciliation")
@RolesAllowed("admin")
public class ReconciliationResource {

    static final String CHANNEL_NAME = "[a-z][a-z0-9-]{0,39}";
    /** How far back a listing reaches when {@code from} is not given. */
    static final int DEFAULT_DAYS = 30;

    @Schema(description = "Reconcile a day (yyyy-MM-dd, China's time, not after today) for one channel, or every channel if none is given")
    public record Run(@NotNull LocalDate day,
                      @Pattern(regexp = CHANNEL_NAME, message = "must be a channel's name") String channel) {}

    @Schema(description = "A day's reconciliation of one channel: BALANCED, MISMATCHED or FAILED (with the reason)")
    public record ReportSummary(long id, LocalDate day, String channel, String status, int ourLines, int channelLines,
                                int matched, int mismatches, String failureReason, Instant ranAt) {
        static ReportSummary of(ReconciliationReport r) {
            return new ReportSummary(r.id(), r.day(), r.channel(), r.status().name(), r.ourLines(), r.channelLines(),
                    r.matched(), r.mismatchCount(), r.failureReason(), r.ranAt());
        }
    }

    @Schema(description = "A report with every mismatch it found")
    public record ReportView(ReportSummary summary, List<MismatchView> mismatches) {
        static ReportView of(ReconciliationReport r) {
            return new ReportView(ReportSummary.of(r), r.mismatches().stream().map(MismatchView::of).toList());
        }
    }

    @Schema(description = "One mismatch: MISSING_AT_CHANNEL, MISSING_IN_OURS, AMOUNT_DIFFERS, DUPLICATE_AT_CHANNEL or "
            + "DUPLICATE_IN_OURS, of a PAYMENT or REFUND line; an amount is absent on the side without the line")
    public record MismatchView(String kind, String lineKind, String reference, String tradeId, Money ourAmount,
                               Money channelAmount, String detail) {
        static MismatchView of(Mismatch m) {
            return new MismatchView(m.kind().name(), m.lineKind().name(), m.reference(), m.tradeId(), m.ourAmount(),
                    m.channelAmount(), m.detail());
        }
    }

    private final ReconciliationService reconciliation;

    ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    @Path("/reports")
    @Operation(summary = "Reports of the days from `from` to `to` (yyyy-MM-dd, inclusive; by default the last 30 days), "
            + "of one channel or all, newest day first. 400 for a date that is not one or from after to, "
            + "422 unknown-channel")
    public List<ReportSummary> reports(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                       @QueryParam("channel") @Pattern(regexp = CHANNEL_NAME, message = "must be a channel's name") String channel,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        LocalDate until = to != null ? to : reconciliation.today();
        LocalDate since = from != null ? from : until.minusDays(DEFAULT_DAYS);
        return reconciliation.reports(since, until, channel, page, size).stream().map(ReportSummary::of).toList();
    }

    @GET
    @Path("/reports/{id}")
    @Operation(summary = "One report with its mismatches; 404 if there is none")
    public ReportView report(@PathParam("id") long id) {
        return ReportView.of(reconciliation.report(id));
    }

    @POST
    @Path("/runs")
    @Idempotent
    @Operation(summary = "Reconcile a day now (Idempotency-Key required), replacing that day's report of each channel "
            + "reconciled. 201 with the new reports (a channel whose statement cannot be fetched gives a FAILED report); "
            + "400 for a missing or malformed day, 422 day-in-the-future or unknown-channel")
    @APIResponse(responseCode = "201", description = "The new reports",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportSummary.class)))
    public Response run(@NotNull @Valid Run run) {
        var reports = reconciliation.run(run.day(), run.channel()).stream().map(ReportSummary::of).toList();
        return Response.status(201).entity(reports).build();
    }
}
