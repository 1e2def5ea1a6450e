package io.quarkmall.loyalty.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/accounts/me")
@RolesAllowed("shopper")
public class AccountResource {

    /** A shopper's points: the balance and the newest ledger entries behind it. */
    public record AccountView(long balance, List<EntryView> entries) {}

    public record EntryView(long id, long points, String reason, Long orderId, Instant createdAt) {
        static EntryView of(PointsLedgerEntry e) {
            return new EntryView(e.id(), e.points(), e.reason(), e.orderId(), e.createdAt());
        }
    }

    @Inject
    JsonWebToken caller;

    @GET
    @Operation(summary = "The calling shopper's points balance and ledger, newest first")
    public AccountView mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String shopper = caller.getSubject();
        var entries = PointsLedgerEntry.recent(shopper, page, size).stream().map(EntryView::of).toList();
        return new AccountView(PointsLedgerEntry.balanceOf(shopper), entries);
    }
}
