package io.quarkmall.e2e;

import static io.quarkmall.e2e.Shop.SAGA;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A flash of demand: 200 shoppers check out the same SKU at once, and there are 50. */
@ExtendWith(Mall.class)
class ConcurrentCheckoutTest {

    private static final int SHOPPERS = 200;
    private static final int UNITS = 50;

    @Test
    void two_hundred_parallel_checkouts_for_fifty_units_sell_exactly_fifty() throws Exception {
        List<String> shoppers = Shoppers.ensure(SHOPPERS);
        shoppers.parallelStream().forEach(Tokens::of); // sign everyone in before the rush
        String sku = "E2E-FLASH-" + Shop.marker();
        Shop.listFindable(sku, "限量茶礼盒", 29_900, UNITS);
        Shop.emptyCart("shopper");

        var lowestAvailable = new AtomicLong(UNITS);
        var watching = Executors.newSingleThreadExecutor();
        var watcher = watching.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                lowestAvailable.accumulateAndGet(Shop.available(sku), Math::min);
                Thread.sleep(100);
            }
            return null;
        });

        Map<String, Long> orders = inParallel(shoppers, shopper -> {
            return Shop.orderOf(shopper, sku, 1);
        });
        assertEquals(SHOPPERS, orders.size());

        await().atMost(SAGA.multipliedBy(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                orders.entrySet().stream().noneMatch(o -> Shop.status(o.getKey(), o.getValue()).equals("PENDING")));
        List<String> reserved = shoppers.stream()
                .filter(s -> Shop.status(s, orders.get(s)).equals("STOCK_RESERVED")).toList();
        assertEquals(UNITS, reserved.size(), "exactly as many orders hold stock as there are units");

        Map<String, Long> payments = inParallel(reserved, shopper -> (long) Shop
                .payWhenPayable(shopper, orders.get(shopper), "tok_sandbox_success").then().statusCode(201)
                .extract().jsonPath().getInt("id"));
        assertEquals(UNITS, payments.size());

        await().atMost(SAGA).pollInterval(Duration.ofSeconds(1)).until(() -> reserved.stream()
                .noneMatch(s -> Shop.status(s, orders.get(s)).equals("STOCK_RESERVED")));
        watcher.cancel(true);
        watching.shutdownNow();

        long paid = 0;
        long cancelledForStock = 0;
        for (String shopper : shoppers) {
            var order = Shop.order(shopper, orders.get(shopper)).extract().jsonPath();
            String status = order.getString("status");
            if (List.of("PAID", "FULFILLING", "SHIPPED", "DELIVERED", "COMPLETED").contains(status)) {
                paid++;
            } else if (status.equals("CANCELLED") && "STOCK_REJECTED".equals(order.getString("cancelReason"))) {
                cancelledForStock++;
            }
        }
        assertEquals(UNITS, paid, "paid orders");
        assertEquals(SHOPPERS - UNITS, cancelledForStock, "orders cancelled for stock");
        Shop.stock(sku).body("onHand", org.hamcrest.Matchers.equalTo(0)).body("reserved", org.hamcrest.Matchers.equalTo(0));
        assertTrue(lowestAvailable.get() >= 0, "available stock never went below 0: lowest seen " + lowestAvailable.get());
        System.out.printf("[e2e] %d parallel checkouts for %d units: %d paid, %d cancelled for stock; lowest available %d%n",
                SHOPPERS, UNITS, paid, cancelledForStock, lowestAvailable.get());
    }

    /** Runs {@code action} for every shopper at once (as far as 2 cores allow) and collects the results. */
    private static Map<String, Long> inParallel(List<String> shoppers, Function<String, Long> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        var start = new CountDownLatch(1);
        var results = new ConcurrentHashMap<String, Long>();
        var running = new ArrayList<Future<?>>();
        for (String shopper : shoppers) {
            running.add(pool.submit(() -> {
                start.await();
                results.put(shopper, action.apply(shopper));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        return results;
    }
}
