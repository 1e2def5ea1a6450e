package io.quarkmall.loyalty.rest;

import io.quarkmall.common.web.Paging;
import io.quarkmall.loyalty.config.LoyaltyConfig;
import io.quarkmall.loyalty.domain.PointsAccount;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.PointsLot;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/accounts/me")
@RolesAllowed("shopper")
public class AccountResource {

    /**
     * A shopper's points: the balance they can spend, the part of it held for unpaid orders, the
     * points that expire within the window shown, and the newest ledger entries behind it.
     */
    public record AccountView(long balance, long held, ExpiringView expiringSoon, List<EntryView> entries) {}

    /** Points of valid lots that expire by {@code before}. */
    public record ExpiringView(long points, Instant before) {}

    public record EntryView(long id, long points, String reason, String reference, Long orderId, Instant createdAt) {
        static EntryView of(PointsLedgerEntry e) {
            return new EntryView(e.id(), e.points(), e.reason(), e.reference(), e.orderId(), e.createdAt());
        }
    }

    @Inject
    JsonWebToken caller;

    @Inject
    Clock clock;

    @Inject
    LoyaltyConfig config;

    @GET
    @Operation(summary = "The calling shopper's points: balance, held, expiring soon, and the ledger, newest first")
    public AccountView mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String shopper = caller.getSubject();
        var entries = PointsLedgerEntry.recent(shopper, page, size).stream().map(EntryView::of).toList();
        Instant now = clock.instant();
        Instant before = now.plus(config.expiringSoonWindow());
        var expiring = new ExpiringView(PointsLot.expiringBefore(shopper, now, before), before);
        var account = PointsAccount.<PointsAccount>findByIdOptional(shopper);
        // Points whose validity ended are not spendable even before the expiry run writes them off.
        long spendable = account.map(PointsAccount::balance).orElse(0L) - PointsLot.dueBy(shopper, now);
        return new AccountView(spendable,
                account.map(PointsAccount::held).orElse(0L), expiring, entries);
    }
}
