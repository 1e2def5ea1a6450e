package io.quarkmall.stock.domain;

import static io.quarkmall.stock.domain.WarehouseStockStateMachineTest.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.StockTransfer.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every step in every status of a transfer of 3 units from a source with 10 on hand to a
 * destination with none, and where the units are after it. Plain Java.
 */
class StockTransferStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final StockMovement.Entry ENTRY = new StockMovement.Entry("test", "transfer:1", "merchant-1");

    enum Step {
        DISPATCH, RECEIVE, CANCEL;

        void apply(StockTransfer transfer, WarehouseStock source, WarehouseStock destination) {
            switch (this) {
                case DISPATCH -> transfer.dispatch(source, destination, ENTRY, NOW);
                case RECEIVE -> transfer.receive(destination, ENTRY, NOW);
                case CANCEL -> transfer.cancel(source, NOW);
            }
        }
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = """
            # status,   step,     after or refusal,                   source on hand/reserved, destination on hand/inbound
            REQUESTED,  DISPATCH, IN_TRANSIT,                         7 0,  0 3
            REQUESTED,  RECEIVE,  refused: transfer-not-in-transit,   10 3, 0 0
            REQUESTED,  CANCEL,   CANCELLED,                          10 0, 0 0
            IN_TRANSIT, DISPATCH, refused: transfer-not-requested,    7 0,  0 3
            IN_TRANSIT, RECEIVE,  RECEIVED,                           7 0,  3 0
            IN_TRANSIT, CANCEL,   refused: transfer-not-requested,    7 0,  0 3
            RECEIVED,   DISPATCH, refused: transfer-not-requested,    7 0,  3 0
            RECEIVED,   RECEIVE,  refused: transfer-not-in-transit,   7 0,  3 0
            RECEIVED,   CANCEL,   refused: transfer-not-requested,    7 0,  3 0
            CANCELLED,  DISPATCH, refused: transfer-not-requested,    10 0, 0 0
            CANCELLED,  RECEIVE,  refused: transfer-not-in-transit,   10 0, 0 0
            CANCELLED,  CANCEL,   refused: transfer-not-requested,    10 0, 0 0
            """)
    void a_transfer_moves_its_units_once_per_step(Status from, Step step, String outcome, String source,
                                                  String destination) {
        WarehouseStock origin = stock(10, 0);
        WarehouseStock target = stock(0, 0);
        StockTransfer transfer = StockTransfer.request(origin, "WH-2", 3, null, "merchant-1", NOW);
        switch (from) {
            case REQUESTED -> { }
            case IN_TRANSIT -> Step.DISPATCH.apply(transfer, origin, target);
            case RECEIVED -> {
                Step.DISPATCH.apply(transfer, origin, target);
                Step.RECEIVE.apply(transfer, origin, target);
            }
            case CANCELLED -> Step.CANCEL.apply(transfer, origin, target);
        }

        if (outcome.startsWith("refused: ")) {
            var refused = assertThrows(RuleViolation.class, () -> step.apply(transfer, origin, target));
            assertEquals(outcome.substring("refused: ".length()), refused.type());
            assertEquals(from, transfer.status());
        } else {
            step.apply(transfer, origin, target);
            assertEquals(Status.valueOf(outcome), transfer.status());
        }
        assertEquals(source, origin.onHand() + " " + origin.reserved(), "source on hand and reserved");
        assertEquals(destination, target.onHand() + " " + target.inbound(), "destination on hand and inbound");
    }

    @Test
    void a_transfer_of_more_than_is_available_or_to_its_own_warehouse_is_refused() {
        WarehouseStock origin = stock(10, 4);
        assertEquals("not-enough-stock", assertThrows(RuleViolation.class,
                () -> StockTransfer.request(origin, "WH-2", 7, null, "m", NOW)).type());
        assertEquals("same-warehouse", assertThrows(RuleViolation.class,
                () -> StockTransfer.request(origin, "WH-1", 1, null, "m", NOW)).type());
        assertEquals(4, origin.reserved(), "nothing held");
    }
}
