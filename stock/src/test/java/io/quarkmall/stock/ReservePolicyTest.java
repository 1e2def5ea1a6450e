package io.quarkmall.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.stock.domain.ReservePolicy;
import io.quarkmall.stock.domain.ReservePolicy.Hold;
import io.quarkmall.stock.domain.ReservePolicy.Line;
import io.quarkmall.stock.domain.ReservePolicy.Reject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservePolicyTest {

    @Test
    void an_unknown_sku_is_rejected_with_nothing_available() {
        var decision = ReservePolicy.decide(Map.of(), List.of(new Line("GHOST", 1)));
        assertEquals(new Reject("GHOST", 1, 0), decision);
    }

    @Test
    void an_order_with_no_lines_to_check_holds_trivially() {
        assertInstanceOf(Hold.class, ReservePolicy.decide(Map.of(), List.of()));
    }

    @Test
    void a_line_needs_a_positive_quantity() {
        assertThrows(RuleViolation.class, () -> new Line("A", 0));
    }
}
