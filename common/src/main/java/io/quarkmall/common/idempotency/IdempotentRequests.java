package io.quarkmall.common.idempotency;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Carries out {@link Idempotent}: takes the key from the request's header, the caller from the
 * verified token, the operation from the request line ("POST /orders/42/cancellation") and the
 * fingerprint from the method's arguments (the body and path values), then lets
 * {@link Idempotency} run the method once.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
class IdempotentRequests {

    private final Idempotency idempotency;
    private final CurrentVertxRequest request;
    private final JsonWebToken caller;

    IdempotentRequests(Idempotency idempotency, CurrentVertxRequest request, JsonWebToken caller) {
        this.idempotency = idempotency;
        this.request = request;
        this.caller = caller;
    }

    @AroundInvoke
    Object once(InvocationContext invocation) {
        var http = request.getCurrent().request();
        String operation = http.method().name() + ' ' + http.path();
        return idempotency.once(http.getHeader(Idempotency.HEADER), caller.getSubject(), operation,
                Arrays.asList(invocation.getParameters()), () -> proceed(invocation));
    }

    private static Response proceed(InvocationContext invocation) {
        try {
            return (Response) invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
