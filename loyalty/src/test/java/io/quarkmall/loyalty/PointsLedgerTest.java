package io.quarkmall.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.PointsLot;
import io.quarkmall.loyalty.domain.Posting;
import io.quarkmall.loyalty.service.PointsExpiry;
import io.quarkmall.loyalty.service.PointsLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PointsLedgerTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    PointsLedger ledger;

    @Inject
    PointsExpiry expiry;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String newShopper() {
        return "ledger-" + UUID.randomUUID();
    }

    private void credit(String shopper, long points, String reference) {
        QuarkusTransaction.requiringNew().run(() -> ledger.credit(shopper, points, "TEST_CREDIT", reference));
    }

    private PointsLedgerEntry debit(String shopper, long points, String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.debit(shopper, points, "TEST_DEBIT", reference));
    }

    private long giveBack(String shopper, String debitReference, long points, String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.giveBack(shopper, "TEST_DEBIT", debitReference,
                points, "TEST_GIVE_BACK", reference)).map(PointsLedgerEntry::points).orElse(0L);
    }

    private long balance(String shopper) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopper));
    }

    private List<Long> lotsHolding(String shopper) {
        return QuarkusTransaction.requiringNew().call(() -> PointsLot.<PointsLot>list("shopperId = ?1 order by id", shopper)
                .stream().map(PointsLot::remaining).toList());
    }

    @Test
    void spending_takes_points_from_the_oldest_lots_first() {
        String shopper = newShopper();
        credit(shopper, 100, "first");
        clock.moveBy(DAY);
        credit(shopper, 50, "second");
        debit(shopper, 120, "spend");
        assertEquals(List.of(0L, 30L), lotsHolding(shopper));
        assertEquals(30, balance(shopper));
    }

    @Test
    void spending_more_than_the_balance_is_refused_and_changes_nothing() {
        String shopper = newShopper();
        credit(shopper, 10, "only");
        var refused = assertThrows(RuleViolation.class, () -> debit(shopper, 11, "too-much"));
        assertEquals("insufficient-points", refused.type());
        assertEquals(10, balance(shopper));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> PointsLedgerEntry.count("shopperId", shopper)));
        assertEquals(List.of(10L), lotsHolding(shopper));
    }

    @Test
    void a_posting_that_arrives_twice_is_recorded_once() {
        String shopper = newShopper();
        credit(shopper, 40, "same");
        credit(shopper, 40, "same");
        var first = debit(shopper, 15, "same-spend");
        var second = debit(shopper, 15, "same-spend");
        assertEquals(first.id(), second.id());
        assertEquals(25, balance(shopper));
    }

    @Test
    void a_negative_or_zero_amount_is_refused() {
        String shopper = newShopper();
        assertEquals("non-positive-points",
                assertThrows(RuleViolation.class, () -> credit(shopper, -5, "negative")).type());
        assertEquals("non-positive-points",
                assertThrows(RuleViolation.class, () -> debit(shopper, 0, "zero")).type());
        assertEquals(0, balance(shopper));
    }

    @Test
    void a_give_back_returns_exactly_what_the_debit_took_to_the_lots_it_came_from() {
        String shopper = newShopper();
        credit(shopper, 100, "first");
        clock.moveBy(DAY);
        credit(shopper, 50, "second");
        debit(shopper, 120, "spend");
        credit(shopper, 7, "unrelated");
        assertEquals(120, giveBack(shopper, "spend", 120, "cancelled"));
        assertEquals(List.of(100L, 50L, 7L), lotsHolding(shopper));
        assertEquals(157, balance(shopper));
    }

    @Test
    void partial_give_backs_never_return_more_than_the_debit_took() {
        String shopper = newShopper();
        credit(shopper, 200, "earned");
        debit(shopper, 120, "spend");
        assertEquals(50, giveBack(shopper, "spend", 50, "refund-1"));
        assertEquals(0, giveBack(shopper, "spend", 50, "refund-1"));
        assertEquals(70, giveBack(shopper, "spend", 100, "refund-2"));
        assertEquals(0, giveBack(shopper, "spend", 10, "refund-3"));
        assertEquals(200, balance(shopper));
    }

    @Test
    void expiry_on_a_moved_clock_expires_exactly_the_lots_that_are_due() {
        String shopper = newShopper();
        credit(shopper, 100, "old");
        clock.moveBy(Duration.ofDays(200));
        credit(shopper, 60, "young");
        debit(shopper, 30, "spend");
        clock.moveBy(Duration.ofDays(166));
        assertTrue(expiry.expireDue() >= 70);
        assertEquals(List.of(0L, 60L), lotsHolding(shopper));
        assertEquals(60, balance(shopper));
        var expired = QuarkusTransaction.requiringNew().call(() ->
                PointsLedgerEntry.<PointsLedgerEntry>list("shopperId = ?1 and reason = ?2", shopper,
                        PointsLedgerEntry.EXPIRED));
        assertEquals(List.of(-70L), expired.stream().map(PointsLedgerEntry::points).toList());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ledger.expire(shopper)));
    }

    @Test
    void spending_after_the_validity_ended_never_uses_expired_points() {
        String shopper = newShopper();
        credit(shopper, 100, "old");
        clock.moveBy(Duration.ofDays(366));
        credit(shopper, 20, "fresh");
        assertEquals("insufficient-points",
                assertThrows(RuleViolation.class, () -> debit(shopper, 50, "spend")).type());
        expiry.expireDue();
        assertEquals(20, balance(shopper));
        assertEquals(20, debit(shopper, 20, "spend-what-is-valid").points() * -1);
    }

    @Test
    void a_give_back_after_partial_expiry_returns_only_points_of_lots_still_valid() {
        String shopper = newShopper();
        credit(shopper, 100, "old");
        clock.moveBy(Duration.ofDays(200));
        credit(shopper, 100, "young");
        debit(shopper, 150, "spend");
        clock.moveBy(Duration.ofDays(166));
        assertEquals(50, giveBack(shopper, "spend", 150, "refund"));
        assertEquals(List.of(0L, 100L), lotsHolding(shopper));
        assertEquals(100, balance(shopper));
    }

    @Test
    void taking_back_earned_points_already_spent_takes_only_what_the_balance_holds() {
        String shopper = newShopper();
        credit(shopper, 100, "earned");
        debit(shopper, 80, "spent");
        var earned = QuarkusTransaction.requiringNew().call(() ->
                PointsLedgerEntry.find(shopper, "TEST_CREDIT", "earned").orElseThrow());
        long taken = QuarkusTransaction.requiringNew().call(() -> ledger.takeBack(earned,
                Posting.of(shopper, "TEST_TAKE_BACK", "refund"), 100)).map(PointsLedgerEntry::points).orElse(0L);
        assertEquals(-20, taken);
        assertEquals(0, balance(shopper));
    }

    @Test
    void a_hundred_parallel_spends_against_one_account_never_overspend() throws Exception {
        String shopper = newShopper();
        credit(shopper, 1_000, "funds");
        var spent = race(100, i -> () -> debit(shopper, 15, "spend-" + i).points());
        assertEquals(66, spent.size());
        assertEquals(10, balance(shopper));
    }

    /** Runs {@code tasks} calls at once; returns the results of those that did not throw a RuleViolation. */
    private static <T> List<T> race(int tasks, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        var pool = Executors.newFixedThreadPool(32);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        for (int i = 0; i < tasks; i++) {
            var call = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        var results = new ArrayList<T>();
        for (var future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RuleViolation)) {
                    throw e;
                }
            }
        }
        pool.shutdown();
        return results;
    }
}
