package io.quarkmall.pay.domain.risk;

/** Where a held payment is in the review queue. */
public enum ReviewStatus { OPEN, APPROVED, DECLINED }
