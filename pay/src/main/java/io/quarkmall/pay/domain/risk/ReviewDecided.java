package io.quarkmall.pay.domain.risk;

import java.time.Instant;

/**
 * An operator approved or declined a payment that risk control held for review. Fired (as a CDI
 * event, synchronously, inside the deciding transaction) and returned by the decision.
 *
 * @param reviewId the held assessment ({@link RiskVerdict#assessmentId()})
 * @param approved true: charge it; false: refuse it
 * @param operator the deciding operator's subject
 */
public record ReviewDecided(long reviewId, long orderId, String shopperId, boolean approved, String operator,
                            String note, Instant decidedAt) {}
