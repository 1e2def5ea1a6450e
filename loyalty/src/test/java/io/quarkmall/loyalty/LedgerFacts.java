package io.quarkmall.loyalty;

import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the ledger holds, read in a transaction of its own, for the tests' assertions. */
final class LedgerFacts {

    private LedgerFacts() {
    }

    /** How many entries the shopper has with this reason. */
    static long entries(String shopperId, String reason) {
        return QuarkusTransaction.requiringNew().call(() ->
                PointsLedgerEntry.count("shopperId = ?1 and reason = ?2", shopperId, reason));
    }

    /** The points of the shopper's entries with this reason, added up. */
    static long points(String shopperId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.<PointsLedgerEntry>list(
                "shopperId = ?1 and reason = ?2", shopperId, reason).stream().mapToLong(PointsLedgerEntry::points).sum());
    }

    /** The sum of all the shopper's entries: what the balance must be. */
    static long sum(String shopperId) {
        return QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.<PointsLedgerEntry>list(
                "shopperId", shopperId).stream().mapToLong(PointsLedgerEntry::points).sum());
    }
}
