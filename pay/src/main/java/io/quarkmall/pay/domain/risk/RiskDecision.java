package io.quarkmall.pay.domain.risk;

/** What risk control says of a payment attempt. */
public enum RiskDecision {
    /** Charge it. */
    ALLOW,
    /** Hold it until an operator approves or declines it. */
    REVIEW,
    /** Refuse it, with the explanation. */
    DECLINE
}
