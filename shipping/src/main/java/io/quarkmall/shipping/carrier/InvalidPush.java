package io.quarkmall.shipping.carrier;

/**
 * A push that changes nothing: forged (no valid signature of the carrier's key), stale or replayed (its
 * timestamp too far from now, its nonce seen before), or unreadable.
 */
public class InvalidPush extends RuntimeException {

    private final boolean unauthenticated;

    private InvalidPush(String message, boolean unauthenticated) {
        super(message);
        this.unauthenticated = unauthenticated;
    }

    /** Not signed by the carrier, or not fresh: answered 401. */
    public static InvalidPush unauthenticated(String why) {
        return new InvalidPush(why, true);
    }

    /** Signed, but not a push we can read: answered 400. */
    public static InvalidPush unreadable(String why) {
        return new InvalidPush(why, false);
    }

    public boolean unauthenticated() {
        return unauthenticated;
    }
}
