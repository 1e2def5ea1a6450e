package io.quarkmall.common.domain;

/**
 * An aggregate refused a change that its current state does not allow (delisting a draft,
 * cancelling a shipped order). Plain Java, so domain classes can throw it; the API answers 409
 * problem+json with {@code type} and {@code detail}.
 */
public class RuleViolation extends RuntimeException {

    private final String type;

    public RuleViolation(String type, String detail) {
        super(detail);
        this.type = type;
    }

    /** A stable, client-readable identifier such as {@code order-not-cancellable}. */
    public String type() {
        return type;
    }
}
