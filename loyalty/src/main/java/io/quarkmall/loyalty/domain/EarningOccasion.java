package io.quarkmall.loyalty.domain;

/**
 * One moment in an order's life at which points may be granted: payment, completion, or the close
 * of a return window of some number of days after completion.
 */
public record EarningOccasion(EarningTrigger trigger, int returnWindowDays) {

    public static final EarningOccasion PAID = new EarningOccasion(EarningTrigger.PAID, 0);
    public static final EarningOccasion COMPLETED = new EarningOccasion(EarningTrigger.COMPLETED, 0);

    public static EarningOccasion returnWindowClosed(int days) {
        return new EarningOccasion(EarningTrigger.RETURN_WINDOW_CLOSED, days);
    }

    /**
     * The rate a line earns on this occasion when no rule sets one, in basis points of its base
     * points: payment earns the base points (today's EarningPolicy), the later occasions nothing.
     */
    int defaultMultiplier() {
        return trigger == EarningTrigger.PAID ? EarningRules.ONE : 0;
    }
}
