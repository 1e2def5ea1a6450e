package io.quarkmall.loyalty.domain;

/** What winning a lottery prize gives the shopper. */
public enum PrizeKind {
    /** Points, credited to the shopper's account through the ledger at once; the value is the points. */
    POINTS,
    /** A physical item, recorded as won; operators fulfil it from the list of winners. */
    ITEM,
    /** A virtual good (a code, a membership), recorded as won; operators fulfil it from the list of winners. */
    VIRTUAL
}
