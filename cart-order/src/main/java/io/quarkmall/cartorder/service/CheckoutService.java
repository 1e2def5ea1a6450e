package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.CartLine;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.PointsPaymentPolicy;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Turns a shopper's cart into an order at today's prices, empties the cart and announces
 * OrderPlaced, all in one transaction: stock then holds the units, or refuses them. A shopper's
 * checkouts run one at a time (ShopperCheckouts), within the limits of what one shopper may hold unpaid.
 */
@ApplicationScoped
public class CheckoutService {

    private static final String REFUSED = "Cannot check out";

    private final ShopperCheckouts shoppers;
    private final OrderEvents events;
    private final Clock clock;
    private final OrderConfig config;

    CheckoutService(ShopperCheckouts shoppers, OrderEvents events, Clock clock, OrderConfig config) {
        this.shoppers = shoppers;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Order checkout(String shopperId) {
        return checkout(shopperId, 0);
    }

    /** Checks out the cart, {@code points} paying part of it (0: none); loyalty then holds them. */
    @Transactional
    public Order checkout(String shopperId, long points) {
        shoppers.takeTurn(shopperId);
        List<CartLine> cart = CartLine.of(shopperId);
        if (cart.isEmpty()) {
            throw unprocessable("cart-empty", "Your cart is empty: add something before checking out.");
        }
        Map<String, CatalogSku> skus = CatalogSku.bySku(cart.stream().map(CartLine::sku).toList());
        List<String> unavailable = cart.stream().map(CartLine::sku).filter(sku -> !skus.get(sku).listed()).toList();
        if (!unavailable.isEmpty()) {
            throw unprocessable("sku-unavailable", "No longer for sale: " + unavailable + ". Remove them and check out again.");
        }
        List<Order.Item> items = cart.stream().map(line -> {
            CatalogSku sku = skus.get(line.sku());
            return new Order.Item(sku.sku(), sku.productName(), line.quantity(), sku.price());
        }).toList();
        if (items.stream().map(item -> item.unitPrice().currency()).distinct().count() > 1) {
            throw unprocessable("mixed-currencies", "Items priced in different currencies are checked out separately.");
        }
        shoppers.requireWithinLimits(shopperId, cart.stream().mapToLong(CartLine::quantity).sum(), REFUSED);
        var pointsPayment = pointsPaying(Order.subtotalOf(items), points);
        var now = clock.instant();
        Order order = Order.place(shopperId, items, pointsPayment, now, now.plus(config.paymentTimeout()));
        order.persistAndFlush();
        CartLine.deleteOf(shopperId);
        events.placed(order);
        return order;
    }

    /** What the points pay; 422 (the cart kept) if the shopper asks for more than points may pay. */
    private PointsPaymentPolicy.PointsPayment pointsPaying(Money goods, long points) {
        var policy = new PointsPaymentPolicy(config.points().perCurrencyUnit(), config.points().maxShareBasisPoints());
        try {
            return policy.apply(goods, points);
        } catch (RuleViolation refused) {
            throw unprocessable(refused.type(), refused.getMessage());
        }
    }

    private static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(Problem.of(type, REFUSED, 422, detail));
    }
}
