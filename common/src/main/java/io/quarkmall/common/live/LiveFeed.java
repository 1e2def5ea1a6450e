package io.quarkmall.common.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.jboss.logging.Logger;

/**
 * One client's stream. Wake-ups (signals, sweeps) fold into one read at a time, so entries go out
 * once each, in id order, whatever arrives at once.
 */
final class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    /** A client that takes longer than this to accept an event is gone. */
    private static final long SEND_PATIENCE_SECONDS = 10;

    private final SseEventSink sink;
    private final Sse sse;
    private final LongFunction<List<LiveEntry>> after;
    private final Instant until;
    private final Consumer<LiveFeed> onClose;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile AutoCloseable listening;
    private final AtomicBoolean keepAliveDue = new AtomicBoolean();
    private long lastId;
    private Instant nextSweep;

    LiveFeed(SseEventSink sink, Sse sse, long lastId, LongFunction<List<LiveEntry>> after, Instant until,
             Instant firstSweep, Consumer<LiveFeed> onClose) {
        this.nextSweep = firstSweep;
        this.sink = sink;
        this.sse = sse;
        this.lastId = lastId;
        this.after = after;
        this.until = until;
        this.onClose = onClose;
    }

    void listenTo(LiveSignals signals, String key) {
        listening = signals.listen(key, this::wake);
        if (closed.get()) { // closed meanwhile: close() may have missed the handle
            stopListening();
        }
    }

    /** The first read: what the client missed, or a comment that opens the stream at once. */
    void start() {
        keepAliveDue.set(true);
        wake();
    }

    /** The sweep's one call a second: at this stream's moment, a keep-alive and a read in case a signal was lost. */
    void sweepIfDue(Instant now, Duration every) {
        if (now.isBefore(nextSweep) && now.isBefore(until)) {
            return;
        }
        nextSweep = now.plus(every);
        sweep(now);
    }

    private void sweep(Instant now) {
        if (!now.isBefore(until)) {
            close();
            return;
        }
        keepAliveDue.set(true);
        wake();
    }

    void wake() {
        if (closed.get()) {
            return;
        }
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            startDrain();
        }
    }

    /** Runs a drain on a worker; a pool that refuses it (shutting down) ends the stream rather than stalling it. */
    private void startDrain() {
        try {
            Infrastructure.getDefaultWorkerPool().execute(this::drain);
        } catch (RuntimeException e) {
            running.set(false);
            LOG.debugf("Live stream not drained: %s", e.getMessage());
            close();
        }
    }

    private void drain() {
        try {
            while (requested.getAndSet(false) && !closed.get()) {
                sendNew();
            }
        } catch (RuntimeException e) {
            LOG.debugf("Live stream closed: %s", e.getMessage());
            close();
        } finally {
            running.set(false);
            if (requested.get() && !closed.get() && running.compareAndSet(false, true)) {
                startDrain();
            }
        }
    }

    private void sendNew() {
        List<LiveEntry> entries = QuarkusTransaction.requiringNew().call(() -> after.apply(lastId));
        for (LiveEntry entry : entries) {
            send(sse.newEventBuilder().id(Long.toString(entry.id())).name(entry.name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(entry.data()).build());
            lastId = entry.id();
        }
        // Cleared before sending, so a keep-alive asked for during the send is sent by the next read.
        if (keepAliveDue.getAndSet(false) && entries.isEmpty()) {
            send(sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    private void send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            throw new IllegalStateException("the client left");
        }
        try {
            sink.send(event).toCompletableFuture().get(SEND_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the client did not take the event: " + e.getMessage(), e);
        }
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stopListening();
            sink.close();
        } catch (RuntimeException e) {
            LOG.debugf("Closing a live stream: %s", e.getMessage());
        } finally {
            onClose.accept(this);
        }
    }

    private void stopListening() {
        AutoCloseable handle = listening;
        if (handle == null) {
            return;
        }
        try {
            handle.close(); // idempotent: removing a listener twice removes it once
        } catch (Exception e) {
            LOG.debugf("Closing a live stream's listener: %s", e.getMessage());
        }
    }
}
