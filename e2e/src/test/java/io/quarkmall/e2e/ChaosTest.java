package io.quarkmall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.e2e.ChaosJourney.Outcome;
import io.quarkmall.e2e.ConsistencyCheck.Verdict;
import io.quarkmall.stack.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of shoppers race for too few units while, in turn, each service, Kafka and PostgreSQL
 * is killed under them and comes back ({@link ChaosSchedule}). Once the mall is quiet, the
 * services' own databases must show nothing accepted lost, nothing ordered or charged twice,
 * nothing oversold, every order told alike by every service, every outbox drained and every
 * points ledger adding up ({@link ConsistencyCheck}). Runs after the other end-to-end classes
 * (it restarts servers under them) and before the event contract check. Larger runs: bench/chaos.
 */
@ExtendWith(Mall.class)
@Order(Integer.MAX_VALUE - 1)
class ChaosTest {

    private static final int JOURNEYS = Integer.getInteger("chaos.journeys", 300);
    private static final int UNITS = Integer.getInteger("chaos.units", JOURNEYS * 2 / 3);
    private static final int ROUNDS = Integer.getInteger("chaos.rounds", 1);
    /** How long each batch of journeys takes to arrive; a fault strikes in its middle half. */
    private static final Duration SLOT = Duration.ofSeconds(Integer.getInteger("chaos.slotSeconds", 8));
    private static final Duration QUIET = Duration.ofSeconds(Integer.getInteger("chaos.quietSeconds", 60));
    private static final Duration PATIENCE = Duration.ofSeconds(Integer.getInteger("chaos.journeySeconds", 120));
    private static final long SEED = Long.getLong("chaos.seed", System.nanoTime());

    @Test
    void checkouts_keep_every_promise_while_each_service_kafka_and_postgres_are_killed_under_them() throws Exception {
        List<String> shoppers = Shoppers.ensure("chaos%04d", JOURNEYS);
        shoppers.parallelStream().forEach(Tokens::of); // sign everyone in before the rush
        System.out.printf("chaos: seed %d (-Dchaos.seed), %d journeys for %d units a round, %d round(s)%n",
                SEED, JOURNEYS, UNITS, ROUNDS);
        var random = new Random(SEED);
        for (int round = 1; round <= ROUNDS; round++) {
            round(round, shoppers, random);
        }
    }

    private static void round(int round, List<String> shoppers, Random random) throws Exception {
        long begin = System.nanoTime();
        String sku = "E2E-CHAOS-" + Shop.marker();
        Shop.listFindable(sku, "混沌茶", 10_000, UNITS);
        Shop.emptyCart("shopper");
        var injected = new ArrayList<ChaosSchedule.Injected>();
        List<Outcome> outcomes = journeysUnderFire(shoppers, sku, random, injected);
        Map<Long, String> accepted = outcomes.stream().filter(Outcome::accepted)
                .collect(Collectors.toMap(Outcome::orderId, Outcome::subject));
        Verdict verdict = quiesce(sku, accepted);
        long unanswered = outcomes.stream().filter(o -> o.checkoutStatus() == null).count();
        report(round, injected, outcomes, accepted.size(), unanswered, verdict, (System.nanoTime() - begin) / 1_000_000_000);

        assertEquals(List.of(), verdict.lostOrders(), "accepted orders lost");
        assertEquals(0, verdict.duplicateOrders(), "duplicate orders");
        assertEquals(0, verdict.duplicateCharges(), "duplicate charges");
        assertEquals(0, verdict.oversold(), "units oversold: " + verdict.stock());
        assertEquals(List.of(), verdict.inconsistent(), "orders the services disagree on");
        assertTrue(verdict.outboxDrained(), "unsent outbox events: " + verdict.unsentOutbox());
        assertEquals(List.of(), verdict.unbalancedLedgers(), "points ledgers that do not add up");
        assertEquals(0, unanswered, "checkouts the mall never answered, however long the shopper retried");
        assertTrue(verdict.paid() > 0 && verdict.paid() <= UNITS, "paid orders: " + verdict.paid());
    }

    /** Batches of journeys arrive one after another; during each batch but the last, one fault strikes. */
    private static List<Outcome> journeysUnderFire(List<String> shoppers, String sku, Random random,
                                                   List<ChaosSchedule.Injected> injected) throws Exception {
        var faults = ChaosSchedule.faults(random);
        var schedule = new ChaosSchedule();
        // a virtual thread per journey: however many wait out an outage, the next batch still arrives on time
        var journeyThreads = Executors.newVirtualThreadPerTaskExecutor();
        var arrivals = Executors.newSingleThreadScheduledExecutor();
        var journeys = new ArrayList<CompletableFuture<Outcome>>();
        int batches = faults.size() + 1;
        for (int b = 0; b < batches; b++) {
            List<String> batch = shoppers.subList(b * shoppers.size() / batches, (b + 1) * shoppers.size() / batches);
            for (int j = 0; j < batch.size(); j++) {
                var journey = new ChaosJourney(batch.get(j), sku, PATIENCE);
                var outcome = new CompletableFuture<Outcome>();
                journeys.add(outcome);
                arrivals.schedule(() -> journeyThreads.execute(() -> complete(outcome, journey)),
                        SLOT.toMillis() * j / batch.size(), TimeUnit.MILLISECONDS);
            }
            if (b < faults.size()) {
                Thread.sleep((long) (SLOT.toMillis() * (0.25 + 0.5 * random.nextDouble())));
                injected.add(schedule.inject(faults.get(b)));
            }
        }
        var outcomes = new ArrayList<Outcome>();
        for (CompletableFuture<Outcome> journey : journeys) {
            outcomes.add(journey.get());
        }
        arrivals.shutdown();
        journeyThreads.shutdown();
        return outcomes;
    }

    private static void complete(CompletableFuture<Outcome> outcome, ChaosJourney journey) {
        try {
            outcome.complete(journey.run());
        } catch (Throwable e) {
            outcome.completeExceptionally(e);
        }
    }

    /** Polls the databases (up to QUIET) until nothing changes any more and, if it comes to that, all is well. */
    private static Verdict quiesce(String sku, Map<Long, String> accepted) throws Exception {
        Instant until = Instant.now().plus(QUIET);
        Verdict last = ConsistencyCheck.of(sku, UNITS, accepted);
        int unchanged = 0;
        while (Instant.now().isBefore(until) && !(unchanged >= 3 && last.clean())) {
            Thread.sleep(2_000);
            Verdict now = ConsistencyCheck.of(sku, UNITS, accepted);
            unchanged = now.equals(last) ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    private static void report(int round, List<ChaosSchedule.Injected> injected, List<Outcome> outcomes, int accepted,
                               long unanswered, Verdict v, long seconds) {
        String chaos = ROUNDS == 1 ? "chaos" : "chaos (round %d of %d)".formatted(round, ROUNDS);
        System.out.printf("%s: faults: %s%n", chaos, injected);
        System.out.printf("%s: answers: %s%n", chaos, answers(outcomes));
        System.out.printf("%s: checkouts never answered: %d%n", chaos, unanswered);
        System.out.printf("%s: accepted orders lost: %d%s%n", chaos, v.lost(), v.lostOrders().isEmpty() ? ""
                : " (order ids answered 201 but missing: " + v.lostOrders().stream().limit(20).toList() + ")");
        System.out.printf("%s: duplicate orders: %d%n", chaos, v.duplicateOrders());
        System.out.printf("%s: duplicate charges: %d%n", chaos, v.duplicateCharges());
        System.out.printf("%s: units oversold: %d (%s)%n", chaos, v.oversold(), v.stock());
        System.out.printf("%s: orders inconsistent: %d of %d (%d paid or later, %d cancelled, %d awaiting payment)%s%n",
                chaos, v.inconsistent().size(), v.orders(), v.paid(), v.cancelled(), v.awaitingPayment(),
                v.inconsistent().isEmpty() ? "" : " " + v.inconsistent().stream().limit(20).toList());
        System.out.printf("%s: outbox: %s%n", chaos, v.outboxDrained() ? "drained" : "unsent " + v.unsentOutbox());
        System.out.printf("%s: points ledgers balanced: %d of %d%s%n", chaos, v.ledgers() - v.unbalancedLedgers().size(),
                v.ledgers(), v.unbalancedLedgers().isEmpty() ? "" : " " + v.unbalancedLedgers().stream().limit(20).toList());
        System.out.printf("%s: %d checkouts, %d accepted, %d paid, %d lost, %d duplicate orders, %d duplicate charges, "
                        + "%d oversold, %d inconsistent, %s, %d ledgers balanced, %d s%n",
                chaos, outcomes.size(), accepted, v.paid(), v.lost(), v.duplicateOrders(), v.duplicateCharges(), v.oversold(),
                v.inconsistent().size(), v.outboxDrained() ? "outbox drained" : "outbox NOT drained",
                v.ledgers() - v.unbalancedLedgers().size(), seconds);
    }

    /** How often the shoppers heard each answer, per step: {checkout={201=300, 502=41}, ...}. */
    private static Map<String, Map<String, Long>> answers(List<Outcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.answers().stream())
                .collect(Collectors.groupingBy(a -> a.substring(0, a.indexOf(' ')), TreeMap::new,
                        Collectors.groupingBy(a -> a.substring(a.indexOf(' ') + 1), TreeMap::new, Collectors.counting())));
    }
}
