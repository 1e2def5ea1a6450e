package io.quarkmall.pay.service;

import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.PaymentChannel;
import io.quarkmall.pay.config.PayConfig;
import io.quarkmall.pay.domain.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The payment channels pay offers, and every call to them: a transient error is retried under the
 * same reference with exponential backoff and jitter, and a channel that keeps failing has its
 * circuit opened, so that new payments are offered the other channels until it recovers.
 */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    /** A channel as a shopper is offered it. */
    public record Offer(String name, boolean available) {}

    private final Map<String, PaymentChannel> byName = new TreeMap<>();
    private final Map<String, CircuitBreaker> breakers = new TreeMap<>();
    private final PayConfig.Channels config;
    private final Clock clock;

    Channels(Instance<PaymentChannel> channels, PayConfig config, Clock clock) {
        this.config = config.channels();
        this.clock = clock;
        channels.forEach(channel -> {
            byName.put(channel.name(), channel);
            breakers.put(channel.name(), new CircuitBreaker(this.config.failuresToOpen(), this.config.openFor()));
        });
    }

    public Optional<PaymentChannel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public PaymentChannel named(String name) {
        return find(name).orElseThrow(() -> new ProblemException(Problem.of("unknown-channel", "Unknown channel", 400,
                "This mall offers these channels: " + String.join(", ", byName.keySet()) + ".")));
    }

    public List<PaymentChannel> all() {
        return List.copyOf(byName.values());
    }

    /** Every channel, and whether its circuit lets new payments through now. */
    public List<Offer> offers() {
        return byName.keySet().stream().map(name -> new Offer(name, !open(name))).toList();
    }

    private boolean open(String name) {
        CircuitBreaker breaker = breakers.get(name);
        synchronized (breaker) {
            return breaker.state(clock.instant()) == CircuitBreaker.State.OPEN;
        }
    }

    /**
     * Refuses a new payment through a channel whose circuit is open (503, naming the channels that
     * are up), before anything is recorded.
     */
    public void requireOpenForNewPayments(PaymentChannel channel) {
        if (open(channel.name())) {
            List<String> others = offers().stream().filter(Offer::available).map(Offer::name).toList();
            throw new ProblemException(Problem.of("channel-unavailable", "Payment channel unavailable", 503,
                    channel.name() + " is failing at the moment; nothing was charged. "
                            + (others.isEmpty() ? "No other channel is up: retry shortly."
                            : "Pay with " + String.join(" or ", others) + " instead, or retry shortly.")));
        }
    }

    /**
     * Calls the channel, retrying transient errors with backoff and jitter. The operation must be
     * idempotent at the channel (every channel call is, by its reference).
     *
     * @throws ChannelUnavailable when every try failed, or the channel's circuit is open
     */
    public <T> T call(PaymentChannel channel, String what, Function<PaymentChannel, T> operation) {
        CircuitBreaker breaker = breakers.get(channel.name());
        ChannelUnavailable last = null;
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            synchronized (breaker) {
                if (!breaker.allows(clock.instant())) {
                    throw last != null ? last : new ChannelUnavailable(channel.name(), "circuit open, " + what + " not sent");
                }
            }
            try {
                T result = operation.apply(channel);
                synchronized (breaker) {
                    breaker.succeeded();
                }
                return result;
            } catch (ChannelUnavailable e) {
                synchronized (breaker) {
                    breaker.failed(clock.instant());
                }
                last = e;
                LOG.warnf("%s at %s failed (try %d of %d): %s", what, channel.name(), attempt, config.attempts(),
                        e.getMessage());
                if (attempt < config.attempts()) {
                    pause(attempt);
                }
            }
        }
        throw last;
    }

    /** Exponential backoff with full jitter on top: base × 2^(n-1), plus up to as much again at random. */
    private void pause(int attempt) {
        long base = config.backoff().toMillis() << (attempt - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable("pay", "interrupted while waiting to retry");
        }
    }
}
