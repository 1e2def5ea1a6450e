package io.quarkmall.common.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A state-changing request sent by a party that cannot send an {@code Idempotency-Key} (a payment
 * channel's signed notification, a carrier's webhook): the request names what it is about and its new
 * state, and applying it a second time changes nothing. {@link #value()} says what makes it so.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotentByContent {

    /** What in the request identifies it, and why a repeat changes nothing. */
    String value();
}
