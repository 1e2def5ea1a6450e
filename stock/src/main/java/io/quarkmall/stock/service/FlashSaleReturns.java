package io.quarkmall.stock.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.stock.config.FlashSaleConfig;
import io.quarkmall.stock.domain.FlashSale;
import io.quarkmall.stock.domain.FlashSaleEvent.FlashSaleTicketReturned;
import io.quarkmall.stock.domain.FlashSaleTicket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to a ticket after admission: an order carries it, the order is paid, or its unit
 * goes back to the sale (the order was cancelled, or no order was placed for it in time). A unit
 * goes back once: in Redis (a set of returned tickets) and in PostgreSQL (the ticket's status).
 */
@ApplicationScoped
public class FlashSaleReturns {

    static final String ORDER_CANCELLED = "ORDER_CANCELLED";
    static final String NOT_ORDERED_IN_TIME = "NOT_ORDERED_IN_TIME";
    static final String ORDER_CANCELLED_AFTER_CLOSE = "ORDER_CANCELLED_AFTER_CLOSE";
    private static final int EXPIRY_BATCH = 200;

    private final FlashSaleGate gate;
    private final FlashSaleStock stock;
    private final Outbox outbox;
    private final FlashSaleConfig config;
    private final Clock clock;

    FlashSaleReturns(FlashSaleGate gate, FlashSaleStock stock, Outbox outbox, FlashSaleConfig config, Clock clock) {
        this.gate = gate;
        this.stock = stock;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** An order was placed for the ticket; an unknown or already used ticket changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ordered(long orderId, UUID ticketId) {
        FlashSaleTicket.lockOf(ticketId).filter(t -> t.status() == FlashSaleTicket.Status.ADMITTED)
                .ifPresent(t -> t.ordered(orderId, clock.instant()));
    }

    /** The order was paid: the units of its tickets are sold, taken from what their sales set aside. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(long orderId) {
        FlashSaleTicket.lockOfOrder(orderId).stream().filter(t -> t.status() == FlashSaleTicket.Status.ORDERED)
                .forEach(t -> {
                    t.paid(clock.instant());
                    stock.sell(FlashSale.findById(t.saleId()), orderId);
                });
    }

    /**
     * The order was cancelled: the units of its tickets go back to their sales; those of a paid
     * order (cancelled before it shipped) go back on the shelf instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(long orderId) {
        FlashSaleTicket.lockOfOrder(orderId).forEach(t -> {
            if (t.restocked(clock.instant())) {
                stock.restock(FlashSale.findById(t.saleId()), orderId);
            } else {
                giveBack(t, ORDER_CANCELLED);
            }
        });
    }

    @Scheduled(every = "${quarkmall.flash-sale.expiry-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireUnordered() {
        expireUnorderedAsOf(clock.instant());
    }

    /** Gives back the units of tickets no order was placed for within the ticket TTL before {@code now}; how many. */
    public int expireUnorderedAsOf(Instant now) {
        Instant admittedBefore = now.minus(config.ticketTtl());
        int returned = 0;
        List<UUID> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.admittedBefore(admittedBefore, EXPIRY_BATCH));
            for (UUID id : due) {
                returned += QuarkusTransaction.requiringNew().call(() -> FlashSaleTicket.lockOf(id)
                        .filter(t -> t.status() == FlashSaleTicket.Status.ADMITTED)
                        .map(t -> giveBack(t, NOT_ORDERED_IN_TIME)).orElse(false)) ? 1 : 0;
            }
        } while (due.size() == EXPIRY_BATCH);
        return returned;
    }

    /**
     * Under the sale's lock, so a return and the sale's close (FlashSaleClosing) never interleave:
     * to the sale while it is open, Redis first (if the transaction then fails, a retry finds the
     * unit already back there and only updates the row); to the shop once it has closed.
     */
    private boolean giveBack(FlashSaleTicket ticket, String reason) {
        if (!ticket.returnToSale(clock.instant())) {
            return false;
        }
        FlashSale sale = FlashSale.lockOf(ticket.saleId()).orElseThrow();
        String why = reason;
        if (sale.closed()) {
            stock.returnToShop(sale, 1);
            why = ORDER_CANCELLED_AFTER_CLOSE;
        } else {
            gate.returnUnit(ticket.saleId(), ticket.ticketId(), ticket.shopperId());
        }
        outbox.record(config.topic(), ticket.ticketId().toString(),
                new FlashSaleTicketReturned(ticket.ticketId().toString(), ticket.saleId(), why));
        return true;
    }

    /** For reconciliation: units sold according to PostgreSQL and to Redis. */
    public record SoldCounts(long postgres, Optional<Long> redis) {}

    @Transactional
    public SoldCounts soldCounts(long saleId) {
        return new SoldCounts(FlashSaleTicket.soldOf(saleId), gate.sold(saleId));
    }
}
