package io.quarkmall.pay.domain;

import static io.quarkmall.pay.domain.PayableOrder.Status.PAYABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.domain.PayableOrder.Status;
import io.quarkmall.stack.testing.EntityState;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every step in every status of an order pay may charge: the status it moves to, or the refusal
 * (409) a shopper's payment gets. Plain Java, no database.
 */
class PayableOrderStateMachineTest {

    private static final long ORDER_ID = 42;
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Money AMOUNT = new Money(3_998, "CNY");

    /** What happens to a payable order: a payment is about to be tried, captured or failed; the order is cancelled. */
    enum Step {
        REQUIRE_PAYABLE, PAID, FAILED, CANCEL;

        void applyTo(PayableOrder order) {
            switch (this) {
                case REQUIRE_PAYABLE -> order.requirePayable();
                case PAID -> order.paid(NOW);
                case FAILED -> order.failed(NOW);
                case CANCEL -> order.cancel(NOW);
            }
        }
    }

    private static final String TABLE = """
            PAYABLE,   REQUIRE_PAYABLE, PAYABLE
            PAYABLE,   PAID,            PAID
            PAYABLE,   FAILED,          FAILED
            PAYABLE,   CANCEL,          CANCELLED
            PAID,      REQUIRE_PAYABLE, refused: order-already-paid
            PAID,      PAID,            refused: order-already-paid
            PAID,      FAILED,          refused: order-already-paid
            PAID,      CANCEL,          REFUNDED
            FAILED,    REQUIRE_PAYABLE, refused: order-payment-failed
            FAILED,    PAID,            refused: order-payment-failed
            FAILED,    FAILED,          refused: order-payment-failed
            FAILED,    CANCEL,          CANCELLED
            CANCELLED, REQUIRE_PAYABLE, refused: order-cancelled
            CANCELLED, PAID,            refused: order-cancelled
            CANCELLED, FAILED,          refused: order-cancelled
            CANCELLED, CANCEL,          CANCELLED
            REFUNDED,  REQUIRE_PAYABLE, refused: order-already-paid
            REFUNDED,  PAID,            refused: order-already-paid
            REFUNDED,  FAILED,          refused: order-already-paid
            REFUNDED,  CANCEL,          REFUNDED
            """;

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = TABLE)
    void each_step_moves_the_order_or_is_refused_as_the_table_says(Status from, Step step, String outcome) {
        PayableOrder order = orderIn(from);

        if (outcome.startsWith("refused: ")) {
            var refused = assertThrows(RuleViolation.class, () -> step.applyTo(order));
            assertEquals(outcome.substring("refused: ".length()), refused.type());
            assertEquals(from, order.status());
        } else {
            step.applyTo(order);
            assertEquals(Status.valueOf(outcome), order.status());
        }
    }

    @Test
    void the_table_has_one_row_for_every_status_and_step() {
        Set<List<String>> pairs = new HashSet<>();
        TABLE.lines().map(line -> line.split(",")).forEach(cells ->
                assertTrue(pairs.add(List.of(cells[0].strip(), cells[1].strip())), "twice: " + cells[0] + cells[1]));
        Set<List<String>> expected = new HashSet<>();
        Stream.of(Status.values()).forEach(status -> Stream.of(Step.values())
                .forEach(step -> expected.add(List.of(status.name(), step.name()))));
        assertEquals(expected, pairs);
    }

    @ParameterizedTest(name = "cancelling a {0} order refunds: {1}")
    @CsvSource({"PAYABLE, false", "PAID, true", "FAILED, false", "CANCELLED, false", "REFUNDED, false"})
    void only_a_paid_order_is_refunded_when_cancelled_and_only_once(Status from, boolean refund) {
        assertEquals(refund, orderIn(from).cancel(NOW));
    }

    /**
     * The row recordIfAbsent inserts with SQL (PAYABLE), then the order's own steps to {@code status}.
     */
    private static PayableOrder orderIn(Status status) {
        var order = new PayableOrder();
        EntityState.set(order, "orderId", ORDER_ID);
        EntityState.set(order, "shopperId", "shopper-1");
        EntityState.set(order, "amount", AMOUNT);
        EntityState.set(order, "status", PAYABLE);
        switch (status) {
            case PAYABLE -> { }
            case PAID -> order.paid(NOW);
            case FAILED -> order.failed(NOW);
            case CANCELLED -> order.cancel(NOW);
            case REFUNDED -> {
                order.paid(NOW);
                order.cancel(NOW);
            }
        }
        assertEquals(status, order.status());
        assertEquals(AMOUNT, order.amount());
        return order;
    }
}
