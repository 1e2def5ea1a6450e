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

    protected TimelineEntry() {
    }

    TimelineEntry(Order order, OrderStatus status, String note, Instant occurredAt) {
        this.order = order;
        this.status = status;
        this.note = note;
        this.occurredAt = occurredAt;
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
