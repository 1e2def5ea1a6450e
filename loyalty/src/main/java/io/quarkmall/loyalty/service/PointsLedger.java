package io.quarkmall.loyalty.service;

import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** TEMPORARY stand-in with the signature of the lead's PointsLedger (main); the merge of main replaces it. */
@ApplicationScoped
public class PointsLedger {

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PointsLedgerEntry> credit(String shopperId, long points, String reason, String reference) {
        throw new UnsupportedOperationException("the points ledger is not merged yet");
    }

    public long balanceOf(String shopperId) {
        throw new UnsupportedOperationException("the points ledger is not merged yet");
    }
}
