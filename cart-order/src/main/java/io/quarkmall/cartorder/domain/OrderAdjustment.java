package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * One thing taken off an order's goods at checkout, kept as it was explained then: a coupon (its
 * id, its template's name and why it applied) and the amount. Written once, never changed.
 */
@Entity
public class OrderAdjustment {

    public enum Kind { COUPON }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    private Order order;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private Long couponId;
    private String name;
    private String why;
    @Embedded
    private Money amount;

    protected OrderAdjustment() {
    }

    OrderAdjustment(Order order, AppliedCoupon coupon) {
        this.order = order;
        this.kind = Kind.COUPON;
        this.couponId = coupon.couponId();
        this.name = coupon.name();
        this.why = coupon.why();
        this.amount = coupon.amount();
    }

    public Kind kind() {
        return kind;
    }

    public Long couponId() {
        return couponId;
    }

    public String name() {
        return name;
    }

    public String why() {
        return why;
    }

    public Money amount() {
        return amount;
    }
}
