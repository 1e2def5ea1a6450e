package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.LotteryCampaign;
import io.quarkmall.loyalty.domain.LotteryDraw;
import io.quarkmall.loyalty.domain.LotteryProof;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.Prize;
import io.quarkmall.loyalty.domain.PrizeKind;
import io.quarkmall.loyalty.service.LotteryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many draws at once, on the real database: never more than the stock or the budget, the limit held, and a proof that recomputes. */
@QuarkusTest
class LotteryConcurrencyTest {

    @Inject
    LotteryService lotteries;
    @Inject
    LotteryFunds funds;
    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private long lottery(long cost, int perShopper, long budget, long noPrizeWeight, List<Prize.Terms> prizes) {
        Instant now = Instant.now();
        var terms = new LotteryCampaign.Terms("Concurrency " + UUID.randomUUID(), now.minusSeconds(1),
                now.plus(Duration.ofHours(1)), cost, perShopper, budget, noPrizeWeight, prizes);
        return lotteries.create("operator-test", terms).campaign().id();
    }

    /** Runs every task at the same moment on {@code threads} threads; returns what each returned or threw. */
    private static List<Object> race(int threads, List<Callable<Object>> tasks) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<Object>>();
        for (var task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        var outcomes = new ArrayList<Object>();
        for (var future : futures) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        pool.shutdown();
        return outcomes;
    }

    private static Map<String, Long> refusals(List<Object> outcomes) {
        return outcomes.stream().filter(o -> o instanceof Throwable).collect(Collectors.groupingBy(
                o -> o instanceof RuleViolation violation ? violation.type() : o.toString(), TreeMap::new,
                Collectors.counting()));
    }

    private static List<LotteryDraw> drawsOf(long lottery) {
        return QuarkusTransaction.requiringNew().call(() -> LotteryDraw.ofCampaign(lottery));
    }

    private long balanceOf(String shopper) {
        return funds.balanceOf(shopper);
    }

    @Test
    void two_hundred_concurrent_draws_never_give_more_than_the_stock_or_the_budget_and_recompute_from_the_seed()
            throws Exception {
        int shoppers = 200;
        String prefix = "lottery-crowd-" + UUID.randomUUID() + "-";
        for (int i = 0; i < shoppers; i++) {
            funds.give(prefix + i, 10);
        }
        long lottery = lottery(10, 1, 1_000, 10, List.of(
                new Prize.Terms("10 points", PrizeKind.POINTS, 30, 5, 10),
                new Prize.Terms("Tea set", PrizeKind.ITEM, 30, 20, 100),
                new Prize.Terms("Video month", PrizeKind.VIRTUAL, 30, 50, 20)));
        var tasks = new ArrayList<Callable<Object>>();
        for (int i = 0; i < shoppers; i++) {
            String shopper = prefix + i;
            tasks.add(() -> lotteries.draw(shopper, lottery));
        }
        var outcomes = race(64, tasks);
        assertEquals(Map.of(), refusals(outcomes));

        var state = QuarkusTransaction.requiringNew().call(() -> lotteries.lottery(lottery));
        List<LotteryDraw> draws = drawsOf(lottery);
        assertEquals(LongStream.rangeClosed(1, shoppers).boxed().toList(), draws.stream().map(LotteryDraw::sequence).toList(),
                "sequence numbers run 1..200 without a gap");
        Map<Long, Long> given = draws.stream().filter(d -> d.prizeId() != null)
                .collect(Collectors.groupingBy(LotteryDraw::prizeId, Collectors.counting()));
        Map<Long, Prize> prizes = state.prizes().stream().collect(Collectors.toMap(Prize::id, Function.identity()));
        long spent = 0;
        for (Prize prize : state.prizes()) {
            long won = given.getOrDefault(prize.id(), 0L);
            assertTrue(won <= prize.initialStock(), prize.name() + ": " + won + " given of " + prize.initialStock());
            assertEquals(won, prize.awarded());
            spent += won * prize.value();
        }
        assertTrue(spent <= 1_000, "prizes worth " + spent + " given from a budget of 1000");
        assertEquals(1_000 - spent, state.campaign().budgetLeft());
        for (Prize prize : state.prizes()) {
            assertTrue(prize.stockLeft() == 0 || prize.value() > state.campaign().budgetLeft(),
                    "the budget ran out: " + prize.name() + " still in stock and affordable");
        }
        for (LotteryDraw draw : draws) {
            boolean wonPoints = draw.prizeId() != null && prizes.get(draw.prizeId()).kind() == PrizeKind.POINTS;
            assertEquals(wonPoints ? 10 : 0, balanceOf(draw.shopperId()), "10 paid, and 10 won by the points prize");
        }
        assertEquals(shoppers * 10L, QuarkusTransaction.requiringNew().call(() -> -PointsLedgerEntry.<PointsLedgerEntry>list(
                "reason = ?1 and shopperId like ?2", LotteryService.DRAW_REASON, prefix + "%").stream()
                .mapToLong(PointsLedgerEntry::points).sum()), "every draw paid its cost once");

        clock.moveBy(Duration.ofHours(2));
        LotteryProof proof = QuarkusTransaction.requiringNew().call(() -> lotteries.proof(lottery));
        assertEquals(shoppers, proof.draws().size());
        var verification = proof.verify();
        assertTrue(verification.valid(), verification.discrepancies().toString());
    }

    @Test
    void sixty_four_concurrent_draws_for_a_prize_of_five_units_give_exactly_five() throws Exception {
        int shoppers = 64;
        String prefix = "lottery-rush-" + UUID.randomUUID() + "-";
        for (int i = 0; i < shoppers; i++) {
            funds.give(prefix + i, 10);
        }
        // No weight for "no prize" and a budget that cannot run out: only the prize's stock stops the winners.
        long lottery = lottery(10, 1, 1_000_000, 0, List.of(new Prize.Terms("10 points", PrizeKind.POINTS, 1, 5, 10)));
        var tasks = new ArrayList<Callable<Object>>();
        for (int i = 0; i < shoppers; i++) {
            String shopper = prefix + i;
            tasks.add(() -> lotteries.draw(shopper, lottery));
        }
        assertEquals(Map.of(), refusals(race(shoppers, tasks)));

        var state = QuarkusTransaction.requiringNew().call(() -> lotteries.lottery(lottery));
        Prize prize = state.prizes().get(0);
        List<LotteryDraw> draws = drawsOf(lottery);
        assertEquals(shoppers, draws.size());
        assertEquals(5, draws.stream().filter(d -> d.prizeId() != null).count(), "five winners, no more");
        assertEquals(5, prize.awarded());
        assertEquals(0, prize.stockLeft());
        assertEquals(1_000_000 - 5 * 10, state.campaign().budgetLeft());
        assertEquals(5 * 10, draws.stream().mapToLong(d -> balanceOf(d.shopperId())).sum(), "each winner got 10 points");
    }

    @Test
    void fifty_parallel_draws_by_one_shopper_stop_at_the_limit() throws Exception {
        String shopper = "lottery-eager-" + UUID.randomUUID();
        funds.give(shopper, 1_000);
        long lottery = lottery(7, 5, 1_000_000, 1, List.of(new Prize.Terms("Mug", PrizeKind.ITEM, 1, 1_000, 50)));
        var outcomes = race(50, Collections.nCopies(50, () -> lotteries.draw(shopper, lottery)));
        assertEquals(Map.of("draw-limit-reached", 45L), refusals(outcomes));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), drawsOf(lottery).stream().map(LotteryDraw::sequence).toList());
        assertEquals(1_000 - 5 * 7, balanceOf(shopper));
    }

    @Test
    void parallel_draws_never_spend_more_points_than_the_shopper_has() throws Exception {
        String shopper = "lottery-short-" + UUID.randomUUID();
        funds.give(shopper, 30);
        long lottery = lottery(10, 20, 1_000_000, 1, List.of(new Prize.Terms("Badge", PrizeKind.VIRTUAL, 1, 1_000, 5)));
        var outcomes = race(20, Collections.nCopies(20, () -> lotteries.draw(shopper, lottery)));
        assertEquals(Map.of("insufficient-points", 17L), refusals(outcomes));
        assertEquals(List.of(1L, 2L, 3L), drawsOf(lottery).stream().map(LotteryDraw::sequence).toList(),
                "a refused draw leaves no gap in the sequence");
        assertEquals(0, balanceOf(shopper));
    }
}
