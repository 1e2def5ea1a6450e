package io.quarkmall.cartorder.rest;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A {@code status} query parameter of the operator's lists (or another enum's): empty when absent, 400 when it names no constant. */
final class StatusParam {

    private StatusParam() {
    }

    static <E extends Enum<E>> Optional<E> of(Class<E> statuses, String status, String what) {
        return named(statuses, status, "status", "Unknown " + what + " status.");
    }

    /** Any enum-valued query parameter {@code field}: empty when absent or blank, 400 {@code title} when it names no constant. */
    static <E extends Enum<E>> Optional<E> named(Class<E> constants, String value, String field, String title) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(constants, value));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid(title, List.of(new Problem.Violation(
                    field, "must be one of " + Arrays.toString(constants.getEnumConstants())))));
        }
    }
}
