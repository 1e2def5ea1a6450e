package io.quarkmall.stack;

import static io.quarkmall.stack.SandboxSfExpressOpCode.ARRIVED_AT_SORTING_CENTRE;
import static io.quarkmall.stack.SandboxSfExpressOpCode.DELIVERED;
import static io.quarkmall.stack.SandboxSfExpressOpCode.DELIVERY_FAILED;
import static io.quarkmall.stack.SandboxSfExpressOpCode.DEPARTED;
import static io.quarkmall.stack.SandboxSfExpressOpCode.HELD_UP;
import static io.quarkmall.stack.SandboxSfExpressOpCode.LOST_IN_TRANSIT;
import static io.quarkmall.stack.SandboxSfExpressOpCode.OUT_FOR_DELIVERY;
import static io.quarkmall.stack.SandboxSfExpressOpCode.PICKED_UP;
import static io.quarkmall.stack.SandboxSfExpressOpCode.RETURNED_TO_SENDER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scripted parcel journey of the carrier sandbox: the route events it plays, one after another, and the
 * delivery time the carrier predicts at each of them (the {@code eta} of a route event).
 */
enum SandboxSfExpressJourney {

    NORMAL(PICKED_UP, ARRIVED_AT_SORTING_CENTRE, DEPARTED, OUT_FOR_DELIVERY, DELIVERED),
    DELAYED(PICKED_UP, ARRIVED_AT_SORTING_CENTRE, HELD_UP, DEPARTED, OUT_FOR_DELIVERY, DELIVERED),
    EXCEPTION(PICKED_UP, ARRIVED_AT_SORTING_CENTRE, DEPARTED, OUT_FOR_DELIVERY, DELIVERY_FAILED, OUT_FOR_DELIVERY,
            DELIVERED),
    RETURNED(PICKED_UP, ARRIVED_AT_SORTING_CENTRE, DEPARTED, OUT_FOR_DELIVERY, DELIVERY_FAILED, RETURNED_TO_SENDER),
    LOST(PICKED_UP, ARRIVED_AT_SORTING_CENTRE, LOST_IN_TRANSIT);

    static final long DEFAULT_STEP_MILLIS = 2000;
    static final long MIN_STEP_MILLIS = 50;
    static final long MAX_STEP_MILLIS = 60_000;
    /** How much later a held-up parcel is expected, from the hold-up on. */
    static final Duration HOLD_UP = Duration.ofHours(24);

    private final List<SandboxSfExpressOpCode> steps;

    SandboxSfExpressJourney(SandboxSfExpressOpCode... steps) {
        this.steps = List.of(steps);
    }

    /** The journey a sandbox control names in lower case ({@code normal}, {@code delayed} …). */
    static Optional<SandboxSfExpressJourney> named(String name) {
        for (SandboxSfExpressJourney journey : values()) {
            if (journey.label().equals(name)) {
                return Optional.of(journey);
            }
        }
        return Optional.empty();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    int length() {
        return steps.size();
    }

    SandboxSfExpressOpCode step(int index) {
        return steps.get(index);
    }

    /**
     * The delivery instant predicted at step {@code index}, which happened at {@code acceptTime}: one step
     * interval per step still to come before the delivery, a day more for a held-up parcel; the delivery's
     * own time at the delivery; null once no delivery is expected.
     */
    Instant eta(int index, Instant acceptTime, long stepMillis) {
        Integer remaining = stepsToDelivery(index);
        if (remaining == null) {
            return null;
        }
        Instant eta = acceptTime.plusMillis(remaining * stepMillis);
        boolean heldUp = steps.contains(HELD_UP) && index >= steps.indexOf(HELD_UP) && remaining > 0;
        return heldUp ? eta.plus(HOLD_UP) : eta;
    }

    /**
     * Steps still to come before the delivery. A parcel that will be returned or lost is, until then,
     * expected as its usual route would bring it (after a failed attempt: one more attempt), since the
     * carrier does not know its fate in advance.
     */
    private Integer stepsToDelivery(int index) {
        SandboxSfExpressOpCode op = steps.get(index);
        if (op.endsHopeOfDelivery()) {
            return null;
        }
        int delivery = steps.indexOf(DELIVERED);
        if (delivery >= 0) {
            return delivery - index;
        }
        SandboxSfExpressJourney usual = NORMAL.steps.contains(op) ? NORMAL : EXCEPTION;
        return usual.stepsToDelivery(usual.steps.indexOf(op));
    }
}
