package io.quarkmall.common.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A state-changing request that needs an {@code Idempotency-Key} header: the annotated resource
 * method runs at most once per caller and key (see {@link Idempotency}). The operation is the
 * request's method and path, the fingerprint its arguments; the method returns a
 * {@link jakarta.ws.rs.core.Response}, which a replay gets again.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
