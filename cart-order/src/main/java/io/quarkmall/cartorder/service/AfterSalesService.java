package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.AfterSalesPolicy;
import io.quarkmall.cartorder.domain.AfterSalesPolicy.ClaimedLine;
import io.quarkmall.cartorder.domain.AfterSalesReason;
import io.quarkmall.cartorder.domain.AfterSalesRequest;
import io.quarkmall.cartorder.domain.AfterSalesRequest.Decider;
import io.quarkmall.cartorder.domain.OperatorScope;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * After-sales: a shopper's request, approved at once when small, else by the merchant or, unanswered
 * by its deadline, by the clock. A refund only is refunded on approval; a return once its parcel is
 * received (by the merchant, or by the clock into quarantine); the refund is asked of pay on order.v1.
 * An exchange goes as a return until the parcel is received, then sends its replacement order
 * (see {@link Exchanges}).
 * The order is locked first, then the request, on every path, so decisions on one order run one
 * at a time and in one lock order.
 */
@ApplicationScoped
public class AfterSalesService {

    private static final Logger LOG = Logger.getLogger(AfterSalesService.class);
    private static final int SWEEP_BATCH = 100;

    private final OrderEvents events;
    private final Exchanges exchanges;
    private final Clock clock;
    private final OrderConfig.AfterSales config;

    AfterSalesService(OrderEvents events, Exchanges exchanges, Clock clock, OrderConfig config) {
        this.events = events;
        this.exchanges = exchanges;
        this.clock = clock;
        this.config = config.afterSales();
    }

    public AfterSalesPolicy policy() {
        return new AfterSalesPolicy(config.window());
    }

    /** Whether the shopper may ask for money back on {@code order} now (the order's REQUEST_REFUND action). */
    public boolean offered(Order order) {
        // every order view asks (checkout's answer, the order page): no query for an order not yet shipped
        return AfterSalesPolicy.OPEN_IN.contains(order.status())
                && policy().offers(order, AfterSalesRequest.ofOrder(order.id()), clock.instant());
    }

    @Transactional
    public AfterSalesRequest request(String shopperId, long orderId, AfterSalesRequest.Kind kind,
                                     AfterSalesReason reason, String note, List<ClaimedLine> lines) {
        Order order = Order.lockOwnedBy(shopperId, orderId).orElseThrow(() -> ProblemException.notFound("Order " + orderId));
        Instant now = clock.instant();
        var grant = switch (policy().decide(order, lines, AfterSalesRequest.ofOrder(orderId), now)) {
            case AfterSalesPolicy.Grant g -> g;
            case AfterSalesPolicy.Refuse refuse -> throw refused(refuse);
        };
        exchanges.refusedReplacement(kind, lines).ifPresent(refuse -> {
            throw refused(refuse);
        });
        var request = AfterSalesRequest.open(kind, order, grant, reason, note, now, now.plus(config.reviewWithin()),
                now.plus(config.escalateAfter()));
        request.persist();
        order.afterSalesRequested(request, now);
        // what the order has had back, this request included: small requests one after another add up
        long back = order.refunded().amountMinor() + grant.amount().amountMinor();
        Optional<Decider> rule = back <= config.autoApproveUpToMinor() ? Optional.of(Decider.AUTO_APPROVE_RULE)
                : back <= config.trustedUpToMinor() && trusted(shopperId, now) ? Optional.of(Decider.TRUSTED_SHOPPER_RULE)
                : Optional.empty();
        rule.ifPresent(decider -> {
            request.approve(decider, null, now, now.plus(config.returnWithin()));
            order.afterSalesApproved(request, now);
        });
        events.publishChanges(order);
        return request;
    }

    /** The trusted-shopper rule, when configured: enough completed orders, and no request of theirs rejected lately. */
    private boolean trusted(String shopperId, Instant now) {
        return config.trustedAfterCompletedOrders().filter(needed -> Order.completedBy(shopperId) >= needed
                && !AfterSalesRequest.rejectedSince(shopperId, now.minus(config.trustedLookBack()))).isPresent();
    }

    /** What an exchange on one of the shopper's orders may send instead of each of its SKUs. */
    @Transactional
    public List<Exchanges.Option> exchangeOptions(String shopperId, long orderId) {
        return exchanges.optionsFor(Order.ownedBy(shopperId, orderId)
                .orElseThrow(() -> ProblemException.notFound("Order " + orderId)));
    }

    @Transactional
    public List<AfterSalesRequest> ofOrder(String shopperId, long orderId) {
        Order.ownedBy(shopperId, orderId).orElseThrow(() -> ProblemException.notFound("Order " + orderId));
        return AfterSalesRequest.ofOrder(orderId);
    }

    @Transactional
    public AfterSalesRequest approve(OperatorScope scope, long requestId, String note) {
        return decide(scope, requestId, (order, request, now) -> {
            request.approve(Decider.MERCHANT, note, now, now.plus(config.returnWithin()));
            order.afterSalesApproved(request, now);
        });
    }

    /**
     * The merchant received a return parcel and says what becomes of the goods: the refund goes out or,
     * for an exchange, the replacement order.
     */
    @Transactional
    public AfterSalesRequest receive(OperatorScope scope, long requestId, AfterSalesRequest.Disposition disposition) {
        return decide(scope, requestId, (order, request, now) -> received(order, request, disposition, now));
    }

    /**
     * The returned goods arrived. For an exchange, its replacement is placed, and announced after the
     * return, so that stock reads the units coming back before the replacement asks for units.
     */
    private void received(Order order, AfterSalesRequest request, AfterSalesRequest.Disposition disposition, Instant now) {
        Order replacement = request.kind() == AfterSalesRequest.Kind.EXCHANGE
                && request.status() == AfterSalesRequest.Status.RETURN_SHIPPED
                ? exchanges.placeReplacement(order, request, now) : null;
        request.received(disposition, replacement == null ? null : replacement.id(), now,
                now.plus(config.replacementDeliveredWithin()));
        order.afterSalesReturnReceived(request, now);
        if (replacement != null) {
            events.publishChanges(order);
            events.placed(replacement);
        }
    }

    /** The shopper sent the goods of an authorised return back, with the parcel's carrier and tracking number. */
    @Transactional
    public AfterSalesRequest returnShipped(String shopperId, long orderId, long requestId, String carrier,
                                           String trackingNumber) {
        var notFound = ProblemException.notFound("After-sales request " + requestId);
        Order order = Order.lockOwnedBy(shopperId, orderId).orElseThrow(() -> notFound);
        AfterSalesRequest request = AfterSalesRequest.lock(requestId).filter(r -> r.orderId() == orderId)
                .orElseThrow(() -> notFound);
        Instant now = clock.instant();
        request.returnShipped(carrier, trackingNumber, now, now.plus(config.receiveWithin()),
                now.plus(config.escalateAfter()));
        order.afterSalesReturnShipped(request, now);
        events.publishChanges(order);
        return request;
    }

    @Transactional
    public AfterSalesRequest reject(OperatorScope scope, long requestId, String note) {
        return decide(scope, requestId, (order, request, now) -> {
            request.reject(note, now);
            order.afterSalesRejected(request, now);
        });
    }

    private interface Decision {
        void apply(Order order, AfterSalesRequest request, Instant now);
    }

    private AfterSalesRequest decide(OperatorScope scope, long requestId, Decision decision) {
        var notFound = ProblemException.notFound("After-sales request " + requestId);
        long orderId = AfterSalesRequest.orderIdOf(requestId).orElseThrow(() -> notFound);
        Order order = Order.lock(orderId).filter(o -> scope.reviewsAfterSalesOf(o.id())).orElseThrow(() -> notFound);
        AfterSalesRequest request = AfterSalesRequest.lock(requestId).orElseThrow();
        decision.apply(order, request, clock.instant());
        events.publishChanges(order);
        return request;
    }

    @Scheduled(every = "${quarkmall.order.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        escalateDue(now);
        actOnOverdue(now);
    }

    /**
     * Escalates every request left waiting past its escalation time (by the merchant, or by a replacement
     * not delivered), each once, in its own transaction; how many.
     */
    public int escalateDue(Instant now) {
        return sweepEach(() -> AfterSalesRequest.toEscalate(now, SWEEP_BATCH), (order, request) -> {
            if (!request.escalate(now)) {
                return false;
            }
            order.afterSalesEscalated(request, now);
            return true;
        });
    }

    /**
     * Acts on every request nobody acted on by its deadline, each in its own transaction: approves an
     * unanswered one, expires a return never shipped back, receives a return parcel the merchant did
     * not receive (into quarantine: nobody inspected the goods); how many.
     */
    public int actOnOverdue(Instant now) {
        return sweepEach(() -> AfterSalesRequest.overdue(now, SWEEP_BATCH), (order, request) -> actIfOverdue(order, request, now));
    }

    /**
     * The clock's step on each request {@code due} names, each in its own transaction under the
     * order's lock, then the request's (so checked again: the merchant or the shopper may have acted
     * since the sweep looked); what a step changed is announced. How many steps acted.
     */
    private int sweepEach(Supplier<List<Long>> due, BiPredicate<Order, AfterSalesRequest> step) {
        int acted = 0;
        for (long id : QuarkusTransaction.requiringNew().call(due::get)) {
            try {
                acted += QuarkusTransaction.requiringNew().call(() -> {
                    Order order = Order.lock(AfterSalesRequest.orderIdOf(id).orElseThrow()).orElseThrow();
                    AfterSalesRequest request = AfterSalesRequest.lock(id).orElseThrow();
                    if (!step.test(order, request)) {
                        return false;
                    }
                    events.publishChanges(order);
                    return true;
                }) ? 1 : 0;
            } catch (RuntimeException e) { // one request the clock cannot act on must not hold up the others
                LOG.errorf(e, "After-sales request %d: the clock could not act on it; it is tried again next sweep", id);
            }
        }
        return acted;
    }

    private boolean actIfOverdue(Order order, AfterSalesRequest request, Instant now) {
        if (!request.respondBy().isBefore(now)) {
            return false;
        }
        switch (request.status()) {
            case REQUESTED -> {
                request.approve(Decider.REVIEW_DEADLINE, "Not answered by " + request.respondBy(), now,
                        now.plus(config.returnWithin()));
                order.afterSalesApproved(request, now);
            }
            case AWAITING_RETURN -> {
                request.expire();
                order.afterSalesExpired(request, now);
            }
            case RETURN_SHIPPED -> received(order, request, AfterSalesRequest.Disposition.QUARANTINE, now);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refused(AfterSalesPolicy.Refuse refuse) {
        var problem = Problem.of(refuse.type(), refuse.status() == 409 ? "Conflict" : "Request refused", refuse.status(),
                refuse.detail());
        List<Problem.Violation> violations = refuse.field() == null ? List.of()
                : List.of(new Problem.Violation(refuse.field(), refuse.detail()));
        return new ProblemException(new Problem(problem.type(), problem.title(), refuse.status(), refuse.detail(),
                violations));
    }
}
