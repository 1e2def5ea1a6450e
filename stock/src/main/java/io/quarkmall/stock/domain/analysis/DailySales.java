package io.quarkmall.stock.domain.analysis;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** Units of one SKU sold on one day and what they brought in. */
public record DailySales(LocalDate date, long units, Money revenue) {

    public DailySales {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(revenue, "revenue");
        if (units < 0) {
            throw new RuleViolation("units-negative", "Units sold on a day cannot be negative, not " + units);
        }
    }
}
