package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.awaitStart;
import static io.quarkmall.stock.FlashSales.buy;
import static io.quarkmall.stock.FlashSales.saleToken;
import static io.quarkmall.stock.FlashSales.scheduled;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.service.FlashSaleDrainer;
import io.quarkmall.stock.service.FlashSaleGate;
import io.quarkmall.stock.service.FlashSaleLoading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sale Redis lost while it is open (a restart or failover without its data), or holds under another
 * database's sale of the same id, is loaded again from the tickets PostgreSQL has and the ones still
 * queued: no unit is given out twice and each shopper keeps their count against the limit.
 */
@QuarkusTest
class FlashSaleReloadTest {

    private static final String ADDRESS = "10.204.0.1";

    @Inject
    FlashSaleDrainer drainer;
    @Inject
    FlashSaleGate gate;
    @Inject
    FlashSaleLoading loading;
    @Inject
    RedisDataSource redis;

    private record Sale(long id, String access, String token, String lastTicket) {}

    /** A live sale of 5 units, limit 2, where the shopper took 2: one drained to PostgreSQL, one still queued. */
    private Sale liveSaleWithTwoTaken() {
        String sku = stocked("FS", 5);
        long sale = scheduled(sku, 5, 2, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String access = Tokens.of("shopper");
        String token = saleToken(access, sale, ADDRESS);
        awaitStart(sale);
        buy(access, sale, token, UUID.randomUUID().toString(), ADDRESS).statusCode(201);
        drainer.drain();
        String last = buy(access, sale, token, UUID.randomUUID().toString(), ADDRESS).statusCode(201)
                .extract().path("ticketId");
        return new Sale(sale, access, token, last);
    }

    private void forget(long sale) {
        String key = "flashsale:{" + sale + "}";
        redis.execute("DEL", key, key + ":bought", key + ":answers", key + ":returned");
    }

    @Test
    void a_sale_redis_lost_is_loaded_again_without_giving_a_unit_twice_or_resetting_the_limit() {
        Sale sale = liveSaleWithTwoTaken();
        forget(sale.id());
        assertTrue(gate.remaining(sale.id()).isEmpty(), "Redis no longer holds the sale");

        loading.loadDue(); // or the scheduled pass did it already
        assertEquals(3, gate.remaining(sale.id()).orElseThrow(), "5 units less the drained and the queued ticket");
        assertEquals(2, gate.sold(sale.id()).orElseThrow());
        buy(sale.access(), sale.id(), sale.token(), UUID.randomUUID().toString(), ADDRESS).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/flash-sale-limit-reached"));

        // Loaded once: later passes leave it alone, so an answer given after the reload is replayed, not given again.
        String other = Tokens.of("shopper2");
        String otherToken = saleToken(other, sale.id(), ADDRESS);
        String key = UUID.randomUUID().toString();
        String ticket = buy(other, sale.id(), otherToken, key, ADDRESS).statusCode(201).extract().path("ticketId");
        loading.loadDue();
        buy(other, sale.id(), otherToken, key, ADDRESS).statusCode(200).body("ticketId", equalTo(ticket));
        assertEquals(2, gate.remaining(sale.id()).orElseThrow());
        drainer.drain();
    }

    @Test
    void a_ticket_recorded_but_still_queued_counts_once() {
        Sale sale = liveSaleWithTwoTaken();
        drainer.drain();
        String shopper = QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.heldOf(sale.id())).stream()
                .filter(held -> held.ticketId().toString().equals(sale.lastTicket())).findFirst().orElseThrow().shopperId();
        forget(sale.id());
        // The drainer's state between its commit and its removal from the stream (a crash, or a reload reading between).
        redis.execute("XADD", "flashsale:admitted", "*", "sale", Long.toString(sale.id()), "ticket", sale.lastTicket(),
                "shopper", shopper, "at", Long.toString(System.currentTimeMillis()));

        loading.loadDue();
        assertEquals(3, gate.remaining(sale.id()).orElseThrow(), "the ticket in both places is one unit");
        buy(sale.access(), sale.id(), sale.token(), UUID.randomUUID().toString(), ADDRESS).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/flash-sale-limit-reached"));
        drainer.drain();
    }

    @Test
    void a_sale_held_under_another_databases_identity_is_written_afresh() {
        Sale sale = liveSaleWithTwoTaken();
        String key = "flashsale:{" + sale.id() + "}";
        redis.execute("HSET", key, "identity", sale.id() + "@1", "remaining", "0");

        loading.loadDue();
        assertEquals(3, gate.remaining(sale.id()).orElseThrow());
        buy(sale.access(), sale.id(), sale.token(), UUID.randomUUID().toString(), ADDRESS).statusCode(409)
                .body("type", equalTo("https://quarkmall.io/problems/flash-sale-limit-reached"));
        drainer.drain();
    }
}
