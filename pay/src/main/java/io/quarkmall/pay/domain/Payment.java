package io.quarkmall.pay.domain;

import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt to pay an order through a channel. It holds the gateway's charge id, never a card
 * number, CVV or token.
 */
@Entity
public class Payment extends PanacheEntityBase {

    public enum Status { CAPTURED, DECLINED, TIMED_OUT, REFUNDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long orderId;
    private String shopperId;
    private String channel;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long amountMinor;
    private String currency;
    private String gatewayChargeId;
    private String failureReason;
    private Instant createdAt;

    protected Payment() {
    }

    public static Payment attempt(PayableOrder order, String channel, Status outcome, String chargeId, Instant now) {
        var payment = new Payment();
        payment.orderId = order.orderId();
        payment.shopperId = order.shopperId();
        payment.channel = channel;
        payment.status = outcome;
        payment.amountMinor = order.amount().amountMinor();
        payment.currency = order.amount().currency();
        payment.gatewayChargeId = chargeId;
        payment.failureReason = switch (outcome) {
            case DECLINED -> "DECLINED";
            case TIMED_OUT -> "TIMEOUT";
            default -> null;
        };
        payment.createdAt = now;
        return payment;
    }

    public static List<Payment> ofShopper(String shopperId, int page, int size) {
        return find("shopperId", Sort.descending("createdAt"), shopperId).page(Page.of(page, size)).list();
    }

    public static Optional<Payment> ownedBy(String shopperId, long id) {
        return find("id = ?1 and shopperId = ?2", id, shopperId).firstResultOptional();
    }

    public static Optional<Payment> capturedFor(long orderId) {
        return find("orderId = ?1 and status = ?2", orderId, Status.CAPTURED).firstResultOptional();
    }

    public void refunded() {
        status = Status.REFUNDED;
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public String channel() {
        return channel;
    }

    public Status status() {
        return status;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public String gatewayChargeId() {
        return gatewayChargeId;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
