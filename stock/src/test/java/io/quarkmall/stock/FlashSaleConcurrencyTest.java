package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.attempt;
import static io.quarkmall.stock.FlashSales.awaitStart;
import static io.quarkmall.stock.FlashSales.saleToken;
import static io.quarkmall.stock.FlashSales.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.outbox.OutboxEvent;
import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.StockLevel;
import io.quarkmall.stock.service.FlashSaleDrainer;
import io.quarkmall.stock.service.FlashSaleGate;
import io.quarkmall.stock.service.FlashSaleReturns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The flash sale never oversells, over HTTP on the real Redis and PostgreSQL: thousands of
 * concurrent attempts from many shoppers, with retries, admit exactly the sale's units, each once,
 * within every shopper's limit; and what Redis sold is what PostgreSQL holds once drained.
 */
@QuarkusTest
class FlashSaleConcurrencyTest {

    private static final Pattern TICKET = Pattern.compile("\"ticketId\":\"([0-9a-f-]{36})\"");

    @Inject
    FlashSaleDrainer drainer;
    @Inject
    FlashSaleGate gate;
    @Inject
    FlashSaleReturns returns;

    /** One buy attempt: who, with which key; a retry repeats an earlier attempt's key. */
    private record Attempt(int shopper, String key) {}

    private record Answer(Attempt attempt, int status, String body) {
        String ticket() {
            var m = TICKET.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private static String addressOf(int shopper) {
        return "10.201.%d.%d".formatted(shopper / 250, shopper % 250);
    }

    @Test
    void five_thousand_attempts_with_retries_on_a_thousand_units_admit_exactly_a_thousand() throws Exception {
        int units = 1000;
        int limit = 5;
        int shoppers = 250;
        var names = FlashSales.shoppers(shoppers);
        var pool = Executors.newFixedThreadPool(64);
        List<String> accessTokens = parallel(pool, names, name -> Tokens.issuedBy("quarkmall-cli", name));
        String sku = stocked("FLASH", units);
        long sale = scheduled(sku, units, limit, Duration.ofSeconds(3), Duration.ofMinutes(10));
        var indexes = new ArrayList<Integer>();
        for (int i = 0; i < shoppers; i++) {
            indexes.add(i);
        }
        List<String> saleTokens = parallel(pool, indexes,
                i -> FlashSales.saleTokenConcurrently(accessTokens.get(i), sale, addressOf(i)));

        var attempts = new ArrayList<Attempt>();
        for (int i = 0; i < 4500; i++) {
            attempts.add(new Attempt(i % shoppers, UUID.randomUUID().toString()));
        }
        for (int i = 0; i < 500; i++) {
            attempts.add(attempts.get(i * 9)); // 10% are retries of an earlier attempt, with its key
        }
        Collections.shuffle(attempts, new Random(13));
        awaitStart(sale);

        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<Answer>>();
        for (Attempt a : attempts) {
            futures.add(pool.submit(() -> {
                start.await();
                HttpResponse<String> r = attempt(accessTokens.get(a.shopper()), sale, saleTokens.get(a.shopper()), a.key(),
                        addressOf(a.shopper()));
                return new Answer(a, r.statusCode(), r.body());
            }));
        }
        start.countDown();
        var answers = new ArrayList<Answer>();
        for (var f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertEquals(Set.of(200, 201, 409), byStatus.keySet(), "only admissions, replays and refusals: " + byStatus);
        List<String> admitted = answers.stream().filter(a -> a.status() == 201).map(Answer::ticket).toList();
        assertEquals(units, admitted.size(), "exactly the sale's units admitted: " + byStatus);
        Set<String> tickets = new HashSet<>(admitted);
        assertEquals(units, tickets.size(), "no ticket twice");
        assertTrue(answers.stream().filter(a -> a.status() == 200).allMatch(a -> tickets.contains(a.ticket())),
                "a retry gets the ticket its key was admitted with");
        Map<String, Set<String>> ticketsByKey = new HashMap<>();
        answers.stream().filter(a -> a.status() < 300)
                .forEach(a -> ticketsByKey.computeIfAbsent(a.attempt().key(), k -> new HashSet<>()).add(a.ticket()));
        assertTrue(ticketsByKey.values().stream().allMatch(t -> t.size() == 1), "one key, one ticket");
        Map<Integer, Long> perShopper = answers.stream().filter(a -> a.status() == 201)
                .collect(Collectors.groupingBy(a -> a.attempt().shopper(), Collectors.counting()));
        assertTrue(perShopper.values().stream().allMatch(n -> n <= limit), "no shopper above the limit");
        assertTrue(answers.stream().filter(a -> a.status() == 409)
                .allMatch(a -> a.body().contains("flash-sale-sold-out") || a.body().contains("flash-sale-limit-reached")));
        assertEquals(0L, gate.remaining(sale).orElseThrow());
        assertEquals((long) units, gate.sold(sale).orElseThrow());

        drainer.drain();

        var reconciled = returns.soldCounts(sale);
        assertEquals((long) units, reconciled.postgres(), "PostgreSQL holds what Redis sold");
        assertEquals(reconciled.redis().orElseThrow(), reconciled.postgres());
        List<FlashSaleTicket> rows = QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.list("saleId", sale));
        assertEquals(tickets, rows.stream().map(t -> t.ticketId().toString()).collect(Collectors.toSet()));
        assertTrue(rows.stream().collect(Collectors.groupingBy(FlashSaleTicket::shopperId, Collectors.counting()))
                .values().stream().allMatch(n -> n <= limit));
        long announced = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "topic like ?1 and envelope like ?2 and envelope like ?3", "%stock.flashsale.v1",
                "%\"type\":\"FlashSaleAdmitted\"%", "%\"saleId\":" + sale + ",%"));
        assertEquals(units, announced, "one FlashSaleAdmitted per ticket");
        StockLevel level = QuarkusTransaction.requiringNew().call(() -> StockLevel.<StockLevel>findById(sku));
        assertEquals(units, level.reserved(), "the sale's units stay set aside from the regular shop");
        assertEquals(0, level.available());
    }

    @Test
    void one_shopper_sending_fifty_requests_at_once_gets_exactly_the_limit() throws Exception {
        int limit = 3;
        String name = FlashSales.shoppers("flashsolo%04d", 1).get(0);
        String access = Tokens.issuedBy("quarkmall-cli", name);
        long sale = scheduled(stocked("FLASH", 100), 100, limit, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String address = "10.202.0.1";
        String token = saleToken(access, sale, address);
        awaitStart(sale);

        var pool = Executors.newFixedThreadPool(50);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return attempt(access, sale, token, UUID.randomUUID().toString(), address);
            }));
        }
        start.countDown();
        Map<Integer, Long> byStatus = new ConcurrentHashMap<>();
        for (var f : futures) {
            var r = f.get();
            byStatus.merge(r.statusCode(), 1L, Long::sum);
            assertTrue(r.statusCode() == 201 || r.body().contains("flash-sale-limit-reached"), r.body());
        }
        pool.shutdown();

        assertEquals(Map.of(201, (long) limit, 409, 50L - limit), byStatus);
        assertEquals(100L - limit, gate.remaining(sale).orElseThrow());
    }

    private interface Call<T, R> {
        R apply(T t) throws Exception;
    }

    private static <T, R> List<R> parallel(java.util.concurrent.ExecutorService pool, List<T> inputs, Call<T, R> call)
            throws Exception {
        var futures = new ArrayList<Future<R>>();
        for (T input : inputs) {
            futures.add(pool.submit(() -> call.apply(input)));
        }
        var results = new ArrayList<R>();
        for (var f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
