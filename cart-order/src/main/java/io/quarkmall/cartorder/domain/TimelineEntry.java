package io.quarkmall.cartorder.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One step of an order's life, as its timeline shows it. Written once, never changed. */
@Entity
@Table(name = "order_timeline")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    private Order order;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private String note;
    private Instant occurredAt;
    /** What the shopper is told of this step, if anything. */
    @Enumerated(EnumType.STRING)
    private Notice notice;
    private Long noticeAmountMinor;
    /** The notifier has made its message (a step without a notice never needs one). */
    private boolean messaged;

    protected TimelineEntry() {
    }

    TimelineEntry(Order order, OrderStatus status, String note, Instant occurredAt, Notice notice, Long noticeAmountMinor) {
        this.order = order;
        this.status = status;
        this.note = note;
        this.occurredAt = occurredAt;
        this.notice = notice;
        this.noticeAmountMinor = noticeAmountMinor;
    }

    /**
     * Up to {@code limit} steps with a notice whose message is not made yet, oldest first, each
     * locked for the caller's transaction; steps another replica holds are skipped.
     */
    public static List<TimelineEntry> toMessage(int limit) {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM order_timeline WHERE notice IS NOT NULL AND NOT messaged"
                + " ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED").setParameter(1, limit).getResultList();
        return ids.isEmpty() ? List.of() : em.createQuery("from TimelineEntry t join fetch t.order where t.id in ?1 order by t.id",
                TimelineEntry.class).setParameter(1, ids.stream().map(Number::longValue).toList()).getResultList();
    }

    public Order order() {
        return order;
    }

    public Optional<Notice> notice() {
        return Optional.ofNullable(notice);
    }

    public Optional<Long> noticeAmountMinor() {
        return Optional.ofNullable(noticeAmountMinor);
    }

    public void markMessaged() {
        messaged = true;
    }

    /** The steps of {@code orderId} written after the step {@code lastId}, oldest first. */
    public static List<TimelineEntry> after(long orderId, long lastId) {
        return Panache.getEntityManager()
                .createQuery("from TimelineEntry t where t.order.id = ?1 and t.id > ?2 order by t.id", TimelineEntry.class)
                .setParameter(1, orderId).setParameter(2, lastId).getResultList();
    }

    /** Grows with every step written, so a live stream's client can say which it saw last. */
    public long id() {
        return id;
    }

    public OrderStatus status() {
        return status;
    }

    public String note() {
        return note;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
