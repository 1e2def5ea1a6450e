package io.quarkmall.stock.domain;

import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A merchant's flash sale: so many units of one SKU at one price between a start and an end, at
 * most so many per shopper. Its units are set aside from the SKU's stock when it is scheduled; the
 * buying itself happens in Redis, which this row only describes.
 */
@Entity
public class FlashSale extends PanacheEntityBase {

    /** Where a sale stands at a given moment. */
    public enum Phase { UPCOMING, LIVE, ENDED }

    /** The longest a sale may run: a flash sale, not a price list. */
    public static final Duration LONGEST = Duration.ofDays(7);
    /** How far ahead a sale may be scheduled: its units are set aside from the moment it is. */
    public static final Duration FARTHEST_AHEAD = Duration.ofDays(90);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private String merchantId;
    private int quantity;
    private String warehouseCode;
    @Embedded
    @AttributeOverride(name = "amountMinor", column = @Column(name = "price_minor"))
    private Money price;
    private Instant startsAt;
    private Instant endsAt;
    private int perShopperLimit;
    /** When its units and limits were put into Redis; null until then. */
    private Instant loadedAt;
    private Instant createdAt;
    /** When the units it neither sold nor held went back to the shop; null until then. */
    private Instant closedAt;
    private Integer unitsReturnedToShop;

    protected FlashSale() {
    }

    /** What a merchant asks for; the rules of time are checked against {@code now}. */
    public record Terms(String sku, int quantity, Money price, Instant startsAt, Instant endsAt, int perShopperLimit) {}

    /** A new sale of a SKU owned by {@code merchantId}; refused when its window makes no sense at {@code now}. */
    public static FlashSale schedule(Terms terms, String merchantId, Instant now) {
        if (!terms.startsAt().isAfter(now)) {
            throw new RuleViolation("flash-sale-starts-in-the-past", "A flash sale must start in the future, not at "
                    + terms.startsAt());
        }
        if (terms.startsAt().isAfter(now.plus(FARTHEST_AHEAD))) {
            throw new RuleViolation("flash-sale-too-far-ahead", "A flash sale starts at most " + FARTHEST_AHEAD.toDays()
                    + " days ahead, since its units are set aside until it ends; not at " + terms.startsAt());
        }
        if (!terms.endsAt().isAfter(terms.startsAt())) {
            throw new RuleViolation("flash-sale-ends-before-it-starts", "A flash sale must end after it starts");
        }
        if (Duration.between(terms.startsAt(), terms.endsAt()).compareTo(LONGEST) > 0) {
            throw new RuleViolation("flash-sale-too-long", "A flash sale runs at most " + LONGEST.toDays() + " days");
        }
        if (terms.quantity() <= 0 || terms.perShopperLimit() <= 0) {
            throw new RuleViolation("flash-sale-quantity-not-positive", "Quantity and per-shopper limit must be positive");
        }
        var sale = new FlashSale();
        sale.sku = terms.sku();
        sale.merchantId = merchantId;
        sale.quantity = terms.quantity();
        sale.price = terms.price();
        sale.startsAt = terms.startsAt();
        sale.endsAt = terms.endsAt();
        sale.perShopperLimit = terms.perShopperLimit();
        sale.createdAt = now;
        return sale;
    }

    public Phase phaseAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return Phase.UPCOMING;
        }
        return now.isBefore(endsAt) ? Phase.LIVE : Phase.ENDED;
    }

    /** Sales not yet ended, soonest first: what the storefront shows. */
    public static List<FlashSale> notEndedAt(Instant now, int limit) {
        return find("endsAt > ?1", Sort.ascending("startsAt", "id"), now).page(0, limit).list();
    }

    /** Sales starting by {@code until} (and not ended) whose units are not in Redis yet. */
    public static List<FlashSale> dueForLoading(Instant until, Instant now) {
        return list("loadedAt is null and startsAt <= ?1 and endsAt > ?2", Sort.ascending("startsAt"), until, now);
    }

    /** Sales loaded into Redis that have not ended: Redis must still hold them (see FlashSaleLoading). */
    public static List<FlashSale> loadedAndOpen(Instant now) {
        return list("loadedAt is not null and closedAt is null and endsAt > ?1", now);
    }

    /**
     * What tells this sale from another database's sale of the same id in Redis: the id and the
     * moment it was scheduled.
     */
    public String identity() {
        return id + "@" + createdAt.toEpochMilli();
    }

    public void loaded(Instant now) {
        this.loadedAt = now;
    }

    /**
     * A sale's tickets at its close: units sold (paid for, restocked since or not), held for orders
     * not yet paid, admitted with no order yet (each may still become one), and admitted in Redis but
     * not yet drained to PostgreSQL.
     */
    public record Tally(long sold, long held, long admitted, long undrained) {}

    /**
     * Why the sale cannot close at {@code now}; empty when it can: it has ended, is not closed, and
     * no admitted ticket can still become an order.
     */
    public Optional<String> openReason(Tally tally, Instant now) {
        if (closedAt != null) {
            return Optional.of("flash sale " + id + " closed at " + closedAt);
        }
        if (phaseAt(now) != Phase.ENDED) {
            return Optional.of("flash sale " + id + " ends at " + endsAt);
        }
        if (tally.admitted() > 0 || tally.undrained() > 0) {
            return Optional.of("flash sale " + id + " has " + (tally.admitted() + tally.undrained())
                    + " admitted tickets that may still become orders");
        }
        return Optional.empty();
    }

    /**
     * Closes the ended sale: the units neither sold nor held for unpaid orders go back to the shop;
     * how many. Refused (409) while it cannot close.
     */
    public int close(Tally tally, Instant now) {
        openReason(tally, now).ifPresent(reason -> {
            throw new RuleViolation("flash-sale-not-closable", reason);
        });
        long returned = quantity - tally.sold() - tally.held();
        if (returned < 0) {
            throw new RuleViolation("flash-sale-oversold", "Flash sale " + id + " of " + quantity + " units sold "
                    + tally.sold() + " and holds " + tally.held());
        }
        this.closedAt = now;
        this.unitsReturnedToShop = (int) returned;
        return (int) returned;
    }

    /** Closed: its Redis state takes nothing back, and units of orders cancelled since go back to the shop. */
    public boolean closed() {
        return closedAt != null;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Optional<Integer> unitsReturnedToShop() {
        return Optional.ofNullable(unitsReturnedToShop);
    }

    public static Optional<FlashSale> lockOf(long saleId) {
        return findByIdOptional(saleId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Ids above {@code afterId} of sales ended by {@code now} and not closed yet, in order. */
    public static List<Long> endedOpen(Instant now, long afterId, int limit) {
        return find("closedAt is null and endsAt <= ?1 and id > ?2", Sort.ascending("id"), now, afterId).page(0, limit)
                .<FlashSale>list().stream().map(FlashSale::id).toList();
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String merchantId() {
        return merchantId;
    }

    /** Holds the sale's units from now: the warehouse that set them aside. */
    public void heldIn(String warehouseCode) {
        this.warehouseCode = warehouseCode;
    }

    public String warehouseCode() {
        return warehouseCode;
    }

    public int quantity() {
        return quantity;
    }

    public Money price() {
        return price;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public int perShopperLimit() {
        return perShopperLimit;
    }

    public Instant loadedAt() {
        return loadedAt;
    }
}
