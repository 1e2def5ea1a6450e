package io.quarkmall.loyalty.rest;

import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/** An amount of money as clients send it; at most 10^12 minor units, so sums of a cart cannot overflow. */
public record MoneyRequest(@PositiveOrZero @Max(MoneyRequest.MAX_MINOR) long amountMinor,
                           @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency) {

    public static final long MAX_MINOR = 1_000_000_000_000L;

    /** The amount as Money; a code of the right shape that is no currency (XYZ) is a 400. */
    Money toMoney() {
        try {
            return new Money(amountMinor, currency);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.",
                    List.of(new Problem.Violation("currency", "must be an ISO-4217 code"))));
        }
    }
}
