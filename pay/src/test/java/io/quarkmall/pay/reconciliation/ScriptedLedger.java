package io.quarkmall.pay.reconciliation;

import io.quarkmall.pay.domain.reconciliation.LedgerEntry;
import io.quarkmall.pay.domain.reconciliation.ReconciliationLedger;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our records of a day, as the test scripts them. It takes the place of the ledger over pay's
 * payment records in every test of this module, so reconciliation tests control both sides.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedLedger implements ReconciliationLedger {

    private static final Map<String, List<LedgerEntry>> RECORDS = new ConcurrentHashMap<>();

    public static void records(String channel, LocalDate day, List<LedgerEntry> entries) {
        RECORDS.put(channel + "/" + day, List.copyOf(entries));
    }

    @Override
    public List<LedgerEntry> entriesOf(String channel, LocalDate day) {
        return RECORDS.getOrDefault(channel + "/" + day, List.of());
    }
}
