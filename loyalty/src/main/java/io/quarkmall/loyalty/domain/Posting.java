package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;

/**
 * What a ledger entry is about to record: whose points, why ({@code reason}, an upper-case
 * constant owned by the feature) and for what ({@code reference}, unique per shopper and reason,
 * so the same posting arriving twice is recorded once). {@code orderId} is set for an order's points.
 */
public record Posting(String shopperId, String reason, String reference, Long orderId) {

    public Posting {
        if (shopperId == null || shopperId.isBlank() || reason == null || reason.isBlank()
                || reference == null || reference.isBlank()) {
            throw new RuleViolation("incomplete-posting", "A points posting needs a shopper, a reason and a reference.");
        }
    }

    public static Posting of(String shopperId, String reason, String reference) {
        return new Posting(shopperId, reason, reference, null);
    }

    public static Posting forOrder(String shopperId, String reason, long orderId) {
        return new Posting(shopperId, reason, "order:" + orderId, orderId);
    }
}
