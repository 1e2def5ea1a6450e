package io.quarkmall.loyalty;

import io.quarkmall.common.money.Money;
import io.quarkmall.loyalty.domain.Purchase;
import io.quarkmall.loyalty.service.OrderRewards;
import io.quarkmall.stack.testing.SagaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;

/** Order events as loyalty's consumer hands them to OrderRewards, each in a transaction of its own. */
final class PaidOrders {

    private final OrderRewards rewards;

    PaidOrders(OrderRewards rewards) {
        this.rewards = rewards;
    }

    static long newOrderId() {
        return SagaEvents.newOrderId();
    }

    static Money cny(long fen) {
        return new Money(fen, "CNY");
    }

    static Purchase.Line line(String sku, int quantity, long unitFen) {
        return new Purchase.Line(sku, quantity, cny(unitFen));
    }

    /** The shopper paid {@code totalFen} for one line of that amount, now. */
    long pay(String shopperId, long totalFen) {
        long orderId = newOrderId();
        pay(orderId, shopperId, totalFen, Instant.now(), List.of(line("SKU-" + orderId, 1, totalFen)));
        return orderId;
    }

    void pay(long orderId, String shopperId, long totalFen, Instant paidAt, List<Purchase.Line> lines) {
        QuarkusTransaction.requiringNew().run(() -> rewards.paid(orderId, shopperId, cny(totalFen), lines, paidAt));
    }

    void complete(long orderId, Instant completedAt) {
        QuarkusTransaction.requiringNew().run(() -> rewards.completed(orderId, completedAt));
    }

    void refund(long orderId, String shopperId, long amountFen) {
        QuarkusTransaction.requiringNew().run(() -> rewards.refunded(orderId, shopperId, cny(amountFen)));
    }
}
