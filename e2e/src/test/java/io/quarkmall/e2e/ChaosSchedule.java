package io.quarkmall.e2e;

import io.quarkmall.stack.Ports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of one chaos round, in turn: each of the six services killed (kill -9) at a random
 * moment and started again, in a random order, then Kafka killed and restarted, then PostgreSQL
 * killed (a crash: the next start replays its WAL) and restarted. The servers are restarted by the
 * stack's supervisor, so they stay supervised.
 */
final class ChaosSchedule {

    record Fault(String target, boolean server) {}

    /** One fault as it happened: when (seconds into the round) and how long until it answered again. */
    record Injected(String target, long atSeconds, Duration down) {
        @Override
        public String toString() {
            return "%s killed at +%d s, back after %.1f s".formatted(target, atSeconds, down.toMillis() / 1000.0);
        }
    }

    private final long roundStart = System.nanoTime();

    static List<Fault> faults(Random random) {
        var faults = new ArrayList<Fault>();
        Ports.SERVICES.forEach(service -> faults.add(new Fault(service.name(), false)));
        Collections.shuffle(faults, random);
        faults.add(new Fault("kafka", true));
        faults.add(new Fault("postgres", true));
        return faults;
    }

    /** Kills the target and brings it back; returns once it answers again. */
    Injected inject(Fault fault) throws Exception {
        long at = (System.nanoTime() - roundStart) / 1_000_000_000;
        long begin = System.nanoTime();
        if (fault.server()) {
            Mall.running().restartInfrastructure(fault.target(), true);
        } else {
            Mall.running().kill(fault.target());
            Mall.running().start(fault.target());
        }
        return new Injected(fault.target(), at, Duration.ofNanos(System.nanoTime() - begin));
    }
}
