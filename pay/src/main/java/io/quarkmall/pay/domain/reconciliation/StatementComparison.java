package io.quarkmall.pay.domain.reconciliation;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.domain.AmountText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares our records of a day with a channel's statement of it. A line is known by its kind and
 * our reference; a reference listed twice on one side is a duplicate (and its first line is the one
 * compared), one side's line without the other's is missing there, and a pair of lines with
 * different amounts differs.
 *
 * @param ourLines how many lines we recorded
 * @param channelLines how many lines the channel listed
 * @param matched lines (references) both sides have once, for the same amount
 */
public record StatementComparison(int ourLines, int channelLines, int matched, List<Mismatch> mismatches) {

    public StatementComparison {
        mismatches = List.copyOf(mismatches);
    }

    private record Key(LedgerEntry.Kind kind, String reference) {}

    public static StatementComparison of(List<LedgerEntry> ours, List<LedgerEntry> channels) {
        Map<Key, List<LedgerEntry>> oursByKey = byKey(ours);
        Map<Key, List<LedgerEntry>> theirsByKey = byKey(channels);
        var mismatches = new ArrayList<Mismatch>();
        int matched = 0;
        for (var entry : oursByKey.entrySet()) {
            List<LedgerEntry> mine = entry.getValue();
            List<LedgerEntry> theirs = theirsByKey.getOrDefault(entry.getKey(), List.of());
            duplicates(mine, Mismatch.Kind.DUPLICATE_IN_OURS, "we recorded", mismatches);
            duplicates(theirs, Mismatch.Kind.DUPLICATE_AT_CHANNEL, "the channel lists", mismatches);
            LedgerEntry our = mine.get(0);
            if (theirs.isEmpty()) {
                mismatches.add(Mismatch.of(Mismatch.Kind.MISSING_AT_CHANNEL, our, null, "%s %s of %s: we recorded it, "
                        .formatted(name(our), our.reference(), text(our.amount())) + "the channel's statement does not list it."));
            } else if (!our.amount().equals(theirs.get(0).amount())) {
                mismatches.add(Mismatch.of(Mismatch.Kind.AMOUNT_DIFFERS, our, theirs.get(0), "%s %s: we recorded %s, "
                        .formatted(name(our), our.reference(), text(our.amount()))
                        + "the channel lists %s.".formatted(text(theirs.get(0).amount()))));
            } else if (mine.size() == 1 && theirs.size() == 1) {
                matched++;
            }
        }
        for (var entry : theirsByKey.entrySet()) {
            if (!oursByKey.containsKey(entry.getKey())) {
                LedgerEntry theirs = entry.getValue().get(0);
                duplicates(entry.getValue(), Mismatch.Kind.DUPLICATE_AT_CHANNEL, "the channel lists", mismatches);
                mismatches.add(Mismatch.of(Mismatch.Kind.MISSING_IN_OURS, null, theirs, "%s %s of %s (trade %s): "
                        .formatted(name(theirs), theirs.reference(), text(theirs.amount()), theirs.tradeId())
                        + "the channel lists it, we have no record of it."));
            }
        }
        return new StatementComparison(ours.size(), channels.size(), matched, mismatches);
    }

    private static Map<Key, List<LedgerEntry>> byKey(List<LedgerEntry> lines) {
        var byKey = new LinkedHashMap<Key, List<LedgerEntry>>();
        lines.forEach(line -> byKey.computeIfAbsent(new Key(line.kind(), line.reference()), k -> new ArrayList<>()).add(line));
        return byKey;
    }

    private static void duplicates(List<LedgerEntry> lines, Mismatch.Kind kind, String who, List<Mismatch> into) {
        if (lines.size() > 1) {
            LedgerEntry first = lines.get(0);
            into.add(Mismatch.of(kind, kind == Mismatch.Kind.DUPLICATE_IN_OURS ? first : null,
                    kind == Mismatch.Kind.DUPLICATE_AT_CHANNEL ? first : null, "%s %s: %s it %d times."
                            .formatted(name(first), first.reference(), who, lines.size())));
        }
    }

    private static String name(LedgerEntry line) {
        return line.kind() == LedgerEntry.Kind.PAYMENT ? "Payment" : "Refund";
    }

    private static String text(Money amount) {
        return AmountText.of(amount);
    }
}
