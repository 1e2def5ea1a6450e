package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.loyalty.domain.DrawRandomness;
import io.quarkmall.loyalty.domain.LotteryProof;
import io.quarkmall.loyalty.domain.LotteryProof.ProvedDraw;
import io.quarkmall.loyalty.domain.LotteryProof.ProvedPrize;
import io.quarkmall.loyalty.domain.PrizeKind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A lottery's proof recomputes from its revealed seed, and any change to it is found. The draws
 * here are made by a simulator written in this test from the documented rules (HMAC-SHA256, the
 * stretches in listed order, fall-through to no prize), not by the code under test.
 */
class LotteryProofTest {

    private static final long LOTTERY = 31;
    private static final byte[] SEED = HexFormat.of().parseHex("8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final List<ProvedPrize> PRIZES = List.of(
            new ProvedPrize(101, "100 points", PrizeKind.POINTS, 30, 100, 8),
            new ProvedPrize(102, "Tea set", PrizeKind.ITEM, 10, 900, 3),
            new ProvedPrize(103, "Video month", PrizeKind.VIRTUAL, 20, 300, 40));
    private static final long NO_PRIZE_WEIGHT = 40;
    private static final long BUDGET = 5_000;

    @Test
    void an_honest_proof_recomputes_from_its_seed() {
        LotteryProof proof = simulated(300);
        var verification = proof.verify();
        assertTrue(verification.valid(), verification.discrepancies().toString());
        long given = proof.draws().stream().filter(d -> d.prizeId() != null).count();
        assertTrue(given > 10 && given < 300, "both wins and losses occur: " + given);
    }

    @Test
    void the_simulated_lottery_ran_into_both_its_stock_and_its_budget() {
        LotteryProof proof = simulated(300);
        long teaSets = proof.draws().stream().filter(d -> Long.valueOf(102).equals(d.prizeId())).count();
        long spent = proof.draws().stream().filter(d -> d.prizeId() != null)
                .mapToLong(d -> PRIZES.stream().filter(p -> p.id() == d.prizeId()).findFirst().orElseThrow().value()).sum();
        assertEquals(3, teaSets, "the tea sets ran out");
        assertTrue(spent <= BUDGET && spent > BUDGET - 100, "the budget was used up: " + spent);
    }

    @Test
    void a_changed_outcome_fails_verification_at_that_draw() {
        LotteryProof honest = simulated(300);
        int index = indexOfFirst(honest, null);
        LotteryProof tampered = withDraw(honest, index, d -> new ProvedDraw(d.sequence(), d.participant(), 101L));
        var verification = tampered.verify();
        assertFalse(verification.valid());
        assertEquals(List.of("draw " + (index + 1) + " shows prize 101 but the seed gives no prize"),
                verification.discrepancies());
    }

    @Test
    void a_win_turned_into_no_prize_fails_verification() {
        LotteryProof honest = simulated(300);
        int index = indexOfFirst(honest, 103L);
        assertFalse(withDraw(honest, index, d -> new ProvedDraw(d.sequence(), d.participant(), null)).verify().valid());
    }

    @Test
    void a_draw_given_to_another_participant_fails_verification() {
        LotteryProof honest = simulated(300);
        int index = indexOfFirst(honest, 102L);
        String someoneElse = DrawRandomness.participantOf(SEED, "someone-else");
        assertFalse(withDraw(honest, index, d -> new ProvedDraw(d.sequence(), someoneElse, d.prizeId())).verify().valid());
    }

    @Test
    void a_missing_or_reordered_draw_breaks_the_sequence() {
        LotteryProof honest = simulated(50);
        var fewer = new ArrayList<>(honest.draws());
        fewer.remove(20);
        assertEquals(List.of("draw 21 of the sequence is numbered 22"), withDraws(honest, fewer).verify().discrepancies());
        var swapped = new ArrayList<>(honest.draws());
        swapped.set(10, honest.draws().get(11));
        swapped.set(11, honest.draws().get(10));
        assertFalse(withDraws(honest, swapped).verify().valid());
    }

    @Test
    void a_seed_other_than_the_committed_one_fails_verification() {
        LotteryProof honest = simulated(20);
        byte[] other = SEED.clone();
        other[5] ^= 0x40;
        var replaced = new LotteryProof(honest.lotteryId(), honest.name(), honest.startsAt(), honest.endsAt(),
                honest.costPerDraw(), honest.drawsPerShopper(), honest.budget(), honest.noPrizeWeight(),
                honest.commitment(), HexFormat.of().formatHex(other), honest.prizes(), honest.draws());
        assertEquals(List.of("the seed does not hash to the commitment"), replaced.verify().discrepancies());
        var notHex = new LotteryProof(honest.lotteryId(), honest.name(), honest.startsAt(), honest.endsAt(),
                honest.costPerDraw(), honest.drawsPerShopper(), honest.budget(), honest.noPrizeWeight(),
                honest.commitment(), "zz" + honest.seed().substring(2), honest.prizes(), honest.draws());
        assertFalse(notHex.verify().valid());
    }

    @Test
    void a_proof_claiming_more_wins_than_a_prizes_stock_fails_verification() {
        LotteryProof honest = simulated(300);
        var prizes = new ArrayList<>(PRIZES);
        ProvedPrize tea = prizes.get(1);
        prizes.set(1, new ProvedPrize(tea.id(), tea.name(), tea.kind(), tea.weight(), tea.value(), tea.stock() - 1));
        var understocked = new LotteryProof(honest.lotteryId(), honest.name(), honest.startsAt(), honest.endsAt(),
                honest.costPerDraw(), honest.drawsPerShopper(), honest.budget(), honest.noPrizeWeight(),
                honest.commitment(), honest.seed(), prizes, honest.draws());
        assertFalse(understocked.verify().valid());
    }

    @Test
    void a_participant_over_the_per_shopper_limit_fails_verification() {
        LotteryProof honest = simulated(30);
        var strict = new LotteryProof(honest.lotteryId(), honest.name(), honest.startsAt(), honest.endsAt(),
                honest.costPerDraw(), 2, honest.budget(), honest.noPrizeWeight(),
                honest.commitment(), honest.seed(), honest.prizes(), honest.draws());
        assertTrue(strict.verify().discrepancies().stream().allMatch(d -> d.contains("over the limit of 2")));
        assertFalse(strict.verify().valid());
    }

    /** {@code draws} draws by ten shoppers taking turns, made by the documented rules. */
    private static LotteryProof simulated(int draws) {
        var stock = new HashMap<Long, Long>();
        PRIZES.forEach(p -> stock.put(p.id(), p.stock()));
        long budgetLeft = BUDGET;
        long total = NO_PRIZE_WEIGHT + PRIZES.stream().mapToLong(ProvedPrize::weight).sum();
        var made = new ArrayList<ProvedDraw>();
        for (long sequence = 1; sequence <= draws; sequence++) {
            String participant = participant("shopper-" + sequence % 10);
            long roll = new BigInteger(1, hmac(LOTTERY + ":" + sequence + ":" + participant))
                    .mod(BigInteger.valueOf(total)).longValueExact();
            Long won = null;
            long upTo = 0;
            for (ProvedPrize prize : PRIZES) {
                upTo += prize.weight();
                if (roll < upTo) {
                    if (stock.get(prize.id()) > 0 && prize.value() <= budgetLeft) {
                        stock.merge(prize.id(), -1L, Long::sum);
                        budgetLeft -= prize.value();
                        won = prize.id();
                    }
                    break;
                }
            }
            made.add(new ProvedDraw(sequence, participant, won));
        }
        return new LotteryProof(LOTTERY, "Spring lottery", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-08T00:00:00Z"), 50, 1_000, BUDGET, NO_PRIZE_WEIGHT,
                DrawRandomness.commitmentOf(SEED), HexFormat.of().formatHex(SEED), PRIZES, made);
    }

    private static String participant(String shopperId) {
        return HexFormat.of().formatHex(Arrays.copyOf(hmac("participant:" + shopperId), 16));
    }

    private static byte[] hmac(String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SEED, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOfFirst(LotteryProof proof, Long prizeId) {
        for (int i = 0; i < proof.draws().size(); i++) {
            if (java.util.Objects.equals(proof.draws().get(i).prizeId(), prizeId)) {
                return i;
            }
        }
        throw new AssertionError("no draw with outcome " + prizeId);
    }

    private static LotteryProof withDraw(LotteryProof proof, int index, UnaryOperator<ProvedDraw> change) {
        var draws = new ArrayList<>(proof.draws());
        draws.set(index, change.apply(draws.get(index)));
        return withDraws(proof, draws);
    }

    private static LotteryProof withDraws(LotteryProof proof, List<ProvedDraw> draws) {
        return new LotteryProof(proof.lotteryId(), proof.name(), proof.startsAt(), proof.endsAt(), proof.costPerDraw(),
                proof.drawsPerShopper(), proof.budget(), proof.noPrizeWeight(), proof.commitment(), proof.seed(),
                proof.prizes(), draws);
    }
}
