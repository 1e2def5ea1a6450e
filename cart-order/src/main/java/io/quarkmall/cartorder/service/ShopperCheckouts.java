package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.HoldingPolicy;
import io.quarkmall.cartorder.domain.ShopperHoldings;
import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What every way of placing an order (checkout, redemption) does first: it takes the shopper's
 * turn, and keeps within what one shopper may hold unpaid.
 */
@ApplicationScoped
public class ShopperCheckouts {

    /**
     * Makes one shopper's checkouts and redemptions run one at a time: what the shopper holds and has
     * redeemed is counted and added to under this lock, so parallel requests cannot all pass a limit,
     * and no checkout re-orders a cart another has just emptied.
     */
    private static final LockSpace CHECKOUTS = new LockSpace("shopper-checkout");

    private final AdvisoryLocks locks;
    private final OrderConfig config;

    ShopperCheckouts(AdvisoryLocks locks, OrderConfig config) {
        this.locks = locks;
        this.config = config;
    }

    /** Waits for the shopper's other checkouts and redemptions to end; the turn lasts until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeTurn(String shopperId) {
        locks.lock(CHECKOUTS, shopperId);
    }

    /** One shopper's unpaid orders may hold only so much: 422 with what to do, nothing placed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireWithinLimits(String shopperId, long unitsWanted, String refusalTitle) {
        var limits = new HoldingPolicy.Limits(config.limits().maxUnpaidOrders(), config.limits().maxUnitsHeld());
        if (HoldingPolicy.decide(limits, ShopperHoldings.unpaidHoldingsOf(shopperId), unitsWanted)
                instanceof HoldingPolicy.Refuse no) {
            throw new ProblemException(Problem.of(no.type(), refusalTitle, 422, no.detail()));
        }
    }
}
