package io.quarkmall.common.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A state-changing request whose use case keeps its {@code Idempotency-Key} itself, in the same
 * atomic step as its effect, instead of through {@link Idempotent} (which writes to PostgreSQL on
 * every request): the flash sale's buy path keeps it in Redis in the Lua step that takes the unit.
 * The method still reads the {@code Idempotency-Key} header (the architecture rules check it), and
 * {@link #value()} says where the key is kept.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotentInUseCase {

    /** Where the use case keeps the key, and why not in {@link Idempotent}'s table. */
    String value();
}
