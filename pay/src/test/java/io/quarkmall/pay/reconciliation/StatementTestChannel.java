package io.quarkmall.pay.reconciliation;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test's scripted channel: reconciliation (which takes channels of any qualifier) sees
 * it, while an injection of plain {@code PaymentChannel}s (the lead's payments, failover) does not.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface StatementTestChannel {
}
