package io.quarkmall.loyalty.service;

import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * One writer at a time of a shopper's one-off activities (the first paid order, a referral), so
 * that "is this the first paid order?" and "may this shopper still register a code?" never
 * cross. Taken before anything touches the shopper's points account, always in that order.
 */
@ApplicationScoped
public class ShopperLocks {

    private static final LockSpace ACTIVITIES = new LockSpace("shopper-activity");

    private final AdvisoryLocks locks;

    ShopperLocks(AdvisoryLocks locks) {
        this.locks = locks;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lockActivities(String shopperId) {
        locks.lock(ACTIVITIES, shopperId);
    }
}
