package io.quarkmall.loyalty.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.PrizeTable.Slot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything needed to recompute a lottery that has ended: the commitment published at its creation,
 * the seed revealed at its end, its prizes as created (weights, values, initial stock), its budget,
 * and every draw in sequence with its participant (the shopper's pseudonym) and its outcome.
 * {@link #verify()} recomputes every outcome from these alone.
 */
public record LotteryProof(long lotteryId, String name, Instant startsAt, Instant endsAt, long costPerDraw,
                           int drawsPerShopper, long budget, long noPrizeWeight, String commitment, String seed,
                           List<ProvedPrize> prizes, List<ProvedDraw> draws) {

    /** A prize as it was when the lottery was created, in the order it was listed. */
    public record ProvedPrize(long id, String name, PrizeKind kind, long weight, long value, long stock) {}

    /** One draw: its sequence number, the participant, the prize won (null for none). */
    public record ProvedDraw(long sequence, String participant, Long prizeId) {}

    /** The outcome of a verification: valid when nothing in the proof disagrees with the recomputation. */
    public record Verification(List<String> discrepancies) {
        public boolean valid() {
            return discrepancies.isEmpty();
        }
    }

    public LotteryProof {
        prizes = List.copyOf(prizes);
        draws = List.copyOf(draws);
    }

    /**
     * Recomputes the lottery from the revealed seed: the seed must hash to the commitment, the
     * sequence must run 1, 2, 3... without a gap, each draw's outcome must be what the seed gives
     * with the stock and budget left at that point, and no participant may have drawn more often
     * than the limit. Returns every disagreement found (the replay stops at the first wrong outcome,
     * since later stock and budget depend on it).
     */
    public Verification verify() {
        var discrepancies = new ArrayList<String>();
        Optional<byte[]> revealed = seedBytes();
        if (revealed.isEmpty()) {
            return new Verification(List.of("the seed is not " + DrawRandomness.SEED_BYTES + " bytes in hex"));
        }
        if (!DrawRandomness.commitmentOf(revealed.get()).equals(commitment)) {
            return new Verification(List.of("the seed does not hash to the commitment"));
        }
        Optional<PrizeTable> table = table();
        if (table.isEmpty()) {
            return new Verification(List.of("the prizes do not make a valid table of odds"));
        }
        replay(revealed.get(), table.get(), discrepancies);
        Map<String, Long> drawsByParticipant = draws.stream().filter(draw -> draw.participant() != null)
                .collect(Collectors.groupingBy(ProvedDraw::participant, Collectors.counting()));
        drawsByParticipant.forEach((participant, count) -> {
            if (count > drawsPerShopper) {
                discrepancies.add("participant " + participant + " drew " + count + " times, over the limit of "
                        + drawsPerShopper);
            }
        });
        return new Verification(List.copyOf(discrepancies));
    }

    private void replay(byte[] seed, PrizeTable table, List<String> discrepancies) {
        var stock = new HashMap<Long, Long>();
        prizes.forEach(prize -> stock.put(prize.id(), prize.stock()));
        var pool = new PrizePool(stock, budget);
        for (int i = 0; i < draws.size(); i++) {
            ProvedDraw draw = draws.get(i);
            if (draw.participant() == null) {
                discrepancies.add("draw " + draw.sequence() + " names no participant");
                return;
            }
            if (draw.sequence() != i + 1) {
                discrepancies.add("draw " + (i + 1) + " of the sequence is numbered " + draw.sequence());
                return;
            }
            Long expected = table.draw(seed, lotteryId, draw.sequence(), draw.participant(), pool)
                    .map(Slot::prizeId).orElse(null);
            if (!Objects.equals(expected, draw.prizeId())) {
                discrepancies.add("draw " + draw.sequence() + " shows " + outcome(draw.prizeId())
                        + " but the seed gives " + outcome(expected));
                return;
            }
        }
    }

    private Optional<byte[]> seedBytes() {
        if (seed == null || seed.length() != 2 * DrawRandomness.SEED_BYTES || !seed.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().parseHex(seed));
    }

    private Optional<PrizeTable> table() {
        try {
            return Optional.of(new PrizeTable(prizes.stream().map(p -> new Slot(p.id(), p.weight(), p.value())).toList(),
                    noPrizeWeight));
        } catch (RuleViolation invalid) {
            return Optional.empty();
        }
    }

    private static String outcome(Long prizeId) {
        return prizeId == null ? "no prize" : "prize " + prizeId;
    }
}
