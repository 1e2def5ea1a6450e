package io.quarkmall.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One order's use of one coupon, and its return if the order was cancelled. A coupon has at most
 * one open (unreturned) use, and an order uses a coupon at most once: unique indexes say so too.
 */
@Entity
public class CouponUse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long couponId;
    private long orderId;
    private Instant usedAt;
    private Instant returnedAt;

    protected CouponUse() {
    }

    CouponUse(long couponId, long orderId, Instant usedAt) {
        this.couponId = couponId;
        this.orderId = orderId;
        this.usedAt = usedAt;
    }

    void returned(Instant now) {
        returnedAt = now;
    }

    /** Every use the order ever made, returned or not. */
    public static List<CouponUse> ofOrder(long orderId) {
        return list("orderId", Sort.ascending("couponId"), orderId);
    }

    public static Optional<CouponUse> open(long couponId, long orderId) {
        return find("couponId = ?1 and orderId = ?2 and returnedAt is null", couponId, orderId).firstResultOptional();
    }

    public long couponId() {
        return couponId;
    }

    public long orderId() {
        return orderId;
    }

    public Optional<Instant> returnedAt() {
        return Optional.ofNullable(returnedAt);
    }
}
