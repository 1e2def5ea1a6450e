package io.quarkmall.pay.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void opens_after_the_configured_failures_in_a_row_and_a_success_resets_the_count() {
        var breaker = new CircuitBreaker(3, Duration.ofSeconds(30));
        breaker.failed(T0);
        breaker.failed(T0);
        breaker.succeeded();
        breaker.failed(T0);
        breaker.failed(T0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(T0));
        breaker.failed(T0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(T0));
        assertFalse(breaker.allows(T0.plusSeconds(29)));
    }

    @Test
    void half_open_lets_one_trial_through_whose_outcome_closes_or_reopens_it() {
        var breaker = new CircuitBreaker(1, Duration.ofSeconds(30));
        breaker.failed(T0);
        Instant later = T0.plusSeconds(30);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state(later));
        assertTrue(breaker.allows(later));
        assertFalse(breaker.allows(later), "one trial at a time");
        breaker.failed(later);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(later.plusSeconds(1)));
        Instant again = later.plusSeconds(30);
        assertTrue(breaker.allows(again));
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(again));
        assertTrue(breaker.allows(again));
    }

    @Test
    void a_trial_failing_reopens_even_when_one_failure_would_not_open_a_closed_circuit() {
        var breaker = new CircuitBreaker(5, Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            breaker.failed(T0);
        }
        Instant later = T0.plusSeconds(10);
        assertTrue(breaker.allows(later));
        breaker.failed(later);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(later));
    }
}
