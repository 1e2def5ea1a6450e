package io.quarkmall.stock;

import static io.quarkmall.stock.CatalogAnnouncements.stocked;
import static io.quarkmall.stock.FlashSales.awaitStart;
import static io.quarkmall.stock.FlashSales.buy;
import static io.quarkmall.stock.FlashSales.saleToken;
import static io.quarkmall.stock.FlashSales.scheduled;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkmall.common.money.Money;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkmall.stack.testing.Tokens;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkmall.stock.domain.SkuSale;
import io.quarkmall.stock.service.FlashSaleDrainer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A paid flash-sale order is a sale in the history the analysis reads, like any paid order. */
@QuarkusTest
class FlashSaleSalesHistoryTest {

    private static final String ORDERS = "test.stock.order.v1";
    private static final Duration CONSUMED = Duration.ofSeconds(60);

    @Inject
    FlashSaleDrainer drainer;

    private static List<SkuSale> salesOf(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> SkuSale.list("orderId", orderId));
    }

    @Test
    void a_paid_flash_sale_order_counts_once_at_the_sales_price_and_no_longer_once_restocked() {
        String sku = stocked("FSH", 5);
        long sale = scheduled(sku, 2, 1, Duration.ofSeconds(2), Duration.ofMinutes(10));
        String access = Tokens.of("shopper");
        String token = saleToken(access, sale, "10.207.0.1");
        awaitStart(sale);
        UUID ticket = UUID.fromString(buy(access, sale, token, UUID.randomUUID().toString(), "10.207.0.1").statusCode(201)
                .extract().path("ticketId"));
        drainer.drain();
        long orderId = SagaEvents.newOrderId();
        String lines = "[{\"sku\":\"%s\",\"quantity\":1,\"unitPrice\":{\"amountMinor\":990,\"currency\":\"CNY\"}}]"
                .formatted(sku);
        SagaEvents.publish(ORDERS, "OrderPlaced", orderId, """
                {"orderId":%d,"shopperId":"s","lines":%s,"flashSaleTicket":"%s"}""".formatted(orderId, lines, ticket));
        String paid = """
                {"orderId":%d,"shopperId":"s","total":{"amountMinor":990,"currency":"CNY"},"lines":%s}"""
                .formatted(orderId, lines);
        SagaEvents.publish(ORDERS, "OrderPaid", orderId, paid);
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> FlashSaleTicket.<FlashSaleTicket>findById(ticket).status()) == FlashSaleTicket.Status.PAID);
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100)).until(() -> !salesOf(orderId).isEmpty());
        SagaEvents.publish(ORDERS, "OrderPaid", orderId, paid); // another delivery under a new event id

        List<SkuSale> sold = salesOf(orderId);
        assertEquals(1, sold.size());
        assertEquals(sku, sold.get(0).sku());
        assertEquals(1, sold.get(0).units());
        assertEquals(new Money(990, "CNY"), sold.get(0).revenue(), "at the sale's price");

        SagaEvents.publish(ORDERS, "OrderCancelled", orderId, """
                {"orderId":%d,"shopperId":"s","reason":"SHOPPER_CANCELLED",
                 "compensation":{"stock":"RESTOCK","refund":{"amountMinor":990,"currency":"CNY"}}}""".formatted(orderId));
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> salesOf(orderId).get(0).restockedAt() != null);
        assertEquals(1, salesOf(orderId).size(), "the second delivery of OrderPaid added nothing");
    }
}
