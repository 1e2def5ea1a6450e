package io.quarkmall.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_add_and_multiply_in_minor_units() {
        var price = new Money(1999, "CNY");
        assertEquals(new Money(5997, "CNY"), price.times(3));
        assertEquals(new Money(2098, "CNY"), price.plus(new Money(99, "CNY")));
    }

    @Test
    void whole_units_round_down_by_the_currency_s_digits() {
        assertEquals(19, new Money(1999, "CNY").wholeUnits());
        assertEquals(1999, new Money(1999, "JPY").wholeUnits());
    }

    @Test
    void currencies_do_not_mix() {
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "CNY").plus(new Money(1, "USD")));
    }

    @Test
    void bad_amounts_and_codes_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Money(-1, "CNY"));
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "yuan"));
        assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE, "CNY").times(2));
    }
}
