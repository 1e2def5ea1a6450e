package io.quarkmall.cartorder.rest;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A {@code status} query parameter of the operator's lists: empty when absent, 400 when it names no status. */
final class StatusParam {

    private StatusParam() {
    }

    static <E extends Enum<E>> Optional<E> of(Class<E> statuses, String status, String what) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(statuses, status));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid("Unknown " + what + " status.", List.of(new Problem.Violation(
                    "status", "must be one of " + Arrays.toString(statuses.getEnumConstants())))));
        }
    }
}
