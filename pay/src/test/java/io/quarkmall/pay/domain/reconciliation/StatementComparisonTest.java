package io.quarkmall.pay.domain.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkmall.common.money.Money;
import io.quarkmall.pay.domain.reconciliation.LedgerEntry.Kind;
import io.quarkmall.pay.domain.reconciliation.Mismatch;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our lines against a channel's: every kind of mismatch, and none on a clean day. Plain Java. */
class StatementComparisonTest {

    private static final Instant AT = Instant.parse("2026-11-27T04:00:00Z");

    static LedgerEntry payment(String reference, long fen) {
        return new LedgerEntry(reference, "trade-" + reference, Kind.PAYMENT, new Money(fen, "CNY"), AT);
    }

    static LedgerEntry refund(String reference, long fen) {
        return new LedgerEntry(reference, "refund-" + reference, Kind.REFUND, new Money(fen, "CNY"), AT);
    }

    static Stream<Arguments> days() {
        var p1 = payment("p1", 1_000);
        var p2 = payment("p2", 2_000);
        var r1 = refund("r1", 500);
        return Stream.of(
                arguments("a clean day", List.of(p1, p2, r1), List.of(r2(r1), p2, p1), List.of(), 3),
                arguments("an empty day", List.of(), List.of(), List.of(), 0),
                arguments("ours only", List.of(p1, p2), List.of(p1), List.of(Mismatch.Kind.MISSING_AT_CHANNEL), 1),
                arguments("the channel's only", List.of(p1), List.of(p1, r1), List.of(Mismatch.Kind.MISSING_IN_OURS), 1),
                arguments("amounts differ", List.of(p1), List.of(payment("p1", 999)), List.of(Mismatch.Kind.AMOUNT_DIFFERS), 0),
                arguments("currencies differ", List.of(p1), List.of(new LedgerEntry("p1", "t", Kind.PAYMENT,
                        new Money(1_000, "USD"), AT)), List.of(Mismatch.Kind.AMOUNT_DIFFERS), 0),
                arguments("listed twice by the channel", List.of(p1), List.of(p1, p1),
                        List.of(Mismatch.Kind.DUPLICATE_AT_CHANNEL), 0),
                arguments("recorded twice by us", List.of(p1, p1), List.of(p1), List.of(Mismatch.Kind.DUPLICATE_IN_OURS), 0),
                arguments("listed twice by the channel and missing in ours", List.of(), List.of(p1, p1),
                        List.of(Mismatch.Kind.DUPLICATE_AT_CHANNEL, Mismatch.Kind.MISSING_IN_OURS), 0),
                arguments("a payment and a refund may share a reference", List.of(p1, refund("p1", 1_000)),
                        List.of(p1, refund("p1", 1_000)), List.of(), 2),
                arguments("a refund is not a payment", List.of(p1), List.of(refund("p1", 1_000)),
                        List.of(Mismatch.Kind.MISSING_AT_CHANNEL, Mismatch.Kind.MISSING_IN_OURS), 0));
    }

    private static LedgerEntry r2(LedgerEntry refund) {
        return new LedgerEntry(refund.reference(), "another-id", refund.kind(), refund.amount(), refund.at().plusSeconds(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("days")
    void each_kind_of_difference_is_found_and_nothing_else(String name, List<LedgerEntry> ours, List<LedgerEntry> theirs,
                                                          List<Mismatch.Kind> expected, int matched) {
        var comparison = StatementComparison.of(ours, theirs);
        assertEquals(expected, comparison.mismatches().stream().map(Mismatch::kind).toList());
        assertEquals(matched, comparison.matched());
        assertEquals(ours.size(), comparison.ourLines());
        assertEquals(theirs.size(), comparison.channelLines());
    }

    @Test
    void each_mismatch_says_what_differs_with_both_amounts() {
        var differs = StatementComparison.of(List.of(payment("p1", 1_000)), List.of(payment("p1", 990))).mismatches().get(0);
        assertEquals("Payment p1: we recorded CNY 10.00, the channel lists CNY 9.90.", differs.detail());
        assertEquals(new Money(1_000, "CNY"), differs.ourAmount());
        assertEquals(new Money(990, "CNY"), differs.channelAmount());
        assertEquals("trade-p1", differs.tradeId());
        var extra = StatementComparison.of(List.of(), List.of(refund("r9", 250))).mismatches().get(0);
        assertEquals("Refund r9 of CNY 2.50 (trade refund-r9): the channel lists it, we have no record of it.", extra.detail());
        assertEquals(null, extra.ourAmount());
    }
}
