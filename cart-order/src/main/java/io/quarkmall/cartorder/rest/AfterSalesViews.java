package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.AfterSalesPolicy.ClaimedLine;
import io.quarkmall.cartorder.domain.AfterSalesReason;
import io.quarkmall.cartorder.domain.AfterSalesPhoto;
import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.cartorder.service.Exchanges;
import io.quarkmall.common.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the after-sales API reads and answers. */
public final class AfterSalesViews {

    /** Units of one line of the order, by SKU; an exchange may name another SKU of the product to send instead. */
    public record LineDraft(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(10_000) int quantity,
                            @Schema(description = "EXCHANGE only: the SKU to send instead, another size or colour of the same "
                                    + "product at the same price; absent for the same SKU again")
                            @Size(min = 1, max = 64) String replacementSku) {}

    /**
     * A request: refund only (the default) or return and refund; no lines (or an empty list) asks for
     * every unit not claimed yet.
     */
    public record AfterSalesDraft(
            @Schema(description = "REFUND_ONLY (the default: the goods stay), RETURN_AND_REFUND (the goods go back first) or "
                    + "EXCHANGE (the goods go back, and a replacement order is sent at no charge once they arrive)")
            AfterSalesRequest.Kind kind,
            @NotNull AfterSalesReason reason,
            @Schema(description = "What happened, in the shopper's words (at most 500 characters)") @Size(max = 500) String note,
            @Size(max = 100) List<@NotNull @Valid LineDraft> lines) {

        AfterSalesRequest.Kind kindOrDefault() {
            return kind == null ? AfterSalesRequest.Kind.REFUND_ONLY : kind;
        }

        List<ClaimedLine> claimed() {
            return lines == null ? List.of()
                    : lines.stream().map(l -> new ClaimedLine(l.sku(), l.quantity(), l.replacementSku())).toList();
        }
    }

    /** The return parcel the shopper sent, as the carrier names it. */
    public record ReturnParcelDraft(
            @NotBlank @Size(max = 40) String carrier,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{5,39}", message = "must be 6 to 40 letters, digits and hyphens")
            String trackingNumber) {}

    /** What the merchant found in a return parcel: SELLABLE goes back on the shelf, QUARANTINE is set apart. */
    public record ReceiptDraft(@NotNull AfterSalesRequest.Disposition disposition) {}

    /** The merchant's answer; a rejection says why. */
    public record DecisionDraft(@Size(max = 500) String note) {}

    public record RejectionDraft(@NotBlank @Size(max = 500) String note) {}

    /** {@code replacementSku}: what an exchange sends for these units when not the same SKU; null otherwise. */
    public record ClaimedLineView(String sku, int quantity, String replacementSku) {}

    /**
     * One request as the shopper and the merchant see it. {@code respondBy}: when the clock acts if
     * nobody did (approves it, expires a return not sent back, receives a parcel into quarantine);
     * {@code decidedBy}: MERCHANT, AUTO_APPROVE_RULE, TRUSTED_SHOPPER_RULE or REVIEW_DEADLINE once decided;
     * {@code notRefundedReason}: pay's, when it could not refund an approved request (NOT_REFUNDED:
     * REFUSED_BY_CHANNEL, NO_PAYMENT, NOTHING_LEFT); the return parcel and its receipt for a return;
     * {@code escalatedAt}: when it went to the mall's staff, the merchant having left it waiting (or, for an
     * exchange, its replacement not delivered in time);
     * {@code photos}: the shopper's photos, oldest first (each image at its own path);
     * {@code replacementOrderId}: an exchange's replacement order, once the returned goods were received.
     */
    public record AfterSalesView(long id, long orderId, String shopperId, String kind, String status, String reason,
                                 String note, List<ClaimedLineView> lines, Money amount, Instant createdAt,
                                 Instant respondBy, String decidedBy, String decisionNote, Instant decidedAt,
                                 Instant refundedAt, String notRefundedReason, String returnCarrier,
                                 String returnTracking, Instant returnShippedAt, Instant receivedAt,
                                 String disposition, Instant escalatedAt, List<PhotoView> photos,
                                 Long replacementOrderId) {
        static AfterSalesView of(AfterSalesRequest r) {
            return of(r, AfterSalesPhoto.factsOf(List.of(r.id())));
        }

        /** Many requests, their photos read in one query. */
        static List<AfterSalesView> allOf(List<AfterSalesRequest> requests) {
            var photos = AfterSalesPhoto.factsOf(requests.stream().map(AfterSalesRequest::id).toList()).stream()
                    .collect(Collectors.groupingBy(AfterSalesPhoto.Facts::requestId));
            return requests.stream().map(r -> of(r, photos.getOrDefault(r.id(), List.of()))).toList();
        }

        private static AfterSalesView of(AfterSalesRequest r, List<AfterSalesPhoto.Facts> photos) {
            return new AfterSalesView(r.id(), r.orderId(), r.shopperId(), r.kind().name(), r.status().name(),
                    r.reason().name(), r.note().orElse(null),
                    r.lines().stream().map(l -> new ClaimedLineView(l.sku(), l.quantity(), l.replacementSku())).toList(),
                    r.amount(),
                    r.createdAt(), r.respondBy(), r.decidedBy().map(Enum::name).orElse(null),
                    r.decisionNote().orElse(null), r.decidedAt().orElse(null), r.refundedAt().orElse(null),
                    r.notRefundedReason().orElse(null), r.returnCarrier().orElse(null), r.returnTracking().orElse(null),
                    r.returnShippedAt().orElse(null), r.receivedAt().orElse(null),
                    r.disposition().map(Enum::name).orElse(null), r.escalatedAt().orElse(null),
                    photos.stream().map(PhotoView::of).toList(), r.replacementOrderId().orElse(null));
        }
    }

    /** What an exchange may send instead of {@code sku}: the SKU code and the attributes of each choice. */
    public record ExchangeOptionView(String sku, List<ExchangeChoiceView> instead) {
        static ExchangeOptionView of(Exchanges.Option option) {
            return new ExchangeOptionView(option.sku(), option.instead().stream()
                    .map(c -> new ExchangeChoiceView(c.sku(), c.attributes())).toList());
        }
    }

    public record ExchangeChoiceView(String sku, Map<String, String> attributes) {}

    /** A photo the shopper gave, without its image. */
    public record PhotoView(long id, String contentType, int sizeBytes, Instant createdAt) {
        static PhotoView of(AfterSalesPhoto.Facts photo) {
            return new PhotoView(photo.id(), photo.contentType(), photo.sizeBytes(), photo.createdAt());
        }
    }

    private AfterSalesViews() {
    }
}
