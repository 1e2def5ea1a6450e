package io.quarkmall.e2e;

import io.quarkmall.stack.RunningMall;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole mall once for all end-to-end test classes and stops it when they are done.
 * Requests go through the edge on :8080, as the SPA's do.
 */
public final class Mall implements BeforeAllCallback {

    /**
     * Request limits out of the way of load, chaos and fuzz tests, which send thousands of requests
     * a minute from one address, and of reruns within an unpaid order's 15 minutes (the local
     * databases persist). LimitsAndHeadersTest restarts a service with low request limits; the
     * per-shopper holding limits are proven by cart-order's HoldingLimitsTest.
     */
    static final String[] LIFTED_LIMITS = {"quarkmall.web.rate-limit.user-per-minute=100000000",
        "quarkmall.web.rate-limit.anonymous-per-minute=100000000",
        "quarkmall.order.limits.max-unpaid-orders=1000000", "quarkmall.order.limits.max-units-held=100000000"};

    private static RunningMall running;
    private static Instant startedAt;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Mall.class, key -> {
            try {
                startedAt = Instant.now();
                running = RunningMall.start(Path.of(System.getProperty("quarkmall.root", "..")).toAbsolutePath().normalize(),
                        LIFTED_LIMITS);
            } catch (Exception e) {
                throw new IllegalStateException("The mall did not start: " + e.getMessage(), e);
            }
            return (ExtensionContext.Store.CloseableResource) running::close;
        });
        RestAssured.baseURI = "http://localhost:8080";
    }

    /** When this run's mall started: events since then are this run's. */
    static Instant startedAt() {
        return startedAt;
    }

    /** The running mall, for tests that kill and restart services. */
    static RunningMall running() {
        return running;
    }
}
