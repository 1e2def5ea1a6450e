package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.AfterSalesPolicy.ClaimedLine;
import io.quarkmall.cartorder.domain.AfterSalesReason;
import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.common.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the after-sales API reads and answers. */
public final class AfterSalesViews {

    /** Units of one line of the order, by SKU. */
    public record LineDraft(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(10_000) int quantity) {}

    /** A refund-only request: no lines (or an empty list) asks for every unit not claimed yet. */
    public record AfterSalesDraft(
            @NotNull AfterSalesReason reason,
            @Schema(description = "What happened, in the shopper's words (at most 500 characters)") @Size(max = 500) String note,
            @Size(max = 100) List<@NotNull @Valid LineDraft> lines) {

        List<ClaimedLine> claimed() {
            return lines == null ? List.of() : lines.stream().map(l -> new ClaimedLine(l.sku(), l.quantity())).toList();
        }
    }

    /** The merchant's answer; a rejection says why. */
    public record DecisionDraft(@Size(max = 500) String note) {}

    public record RejectionDraft(@NotBlank @Size(max = 500) String note) {}

    public record ClaimedLineView(String sku, int quantity) {}

    /**
     * One request as the shopper and the merchant see it. {@code respondBy}: when the clock approves
     * it if the merchant has not answered; {@code decidedBy}: MERCHANT, AUTO_APPROVE_RULE or
     * REVIEW_DEADLINE once decided; {@code notRefundedReason}: pay's, when it could not refund an
     * approved request (NOT_REFUNDED: REFUSED_BY_CHANNEL, NO_PAYMENT, NOTHING_LEFT).
     */
    public record AfterSalesView(long id, long orderId, String shopperId, String kind, String status, String reason,
                                 String note, List<ClaimedLineView> lines, Money amount, Instant createdAt,
                                 Instant respondBy, String decidedBy, String decisionNote, Instant decidedAt,
                                 Instant refundedAt, String notRefundedReason) {
        static AfterSalesView of(AfterSalesRequest r) {
            return new AfterSalesView(r.id(), r.orderId(), r.shopperId(), "REFUND_ONLY", r.status().name(),
                    r.reason().name(), r.note().orElse(null),
                    r.lines().stream().map(l -> new ClaimedLineView(l.sku(), l.quantity())).toList(), r.amount(),
                    r.createdAt(), r.respondBy(), r.decidedBy().map(Enum::name).orElse(null),
                    r.decisionNote().orElse(null), r.decidedAt().orElse(null), r.refundedAt().orElse(null),
                    r.notRefundedReason().orElse(null));
        }
    }

    private AfterSalesViews() {
    }
}
