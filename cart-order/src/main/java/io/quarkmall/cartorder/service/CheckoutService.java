package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.domain.AppliedCoupon;
import io.quarkmall.cartorder.domain.CartLine;
import io.quarkmall.cartorder.domain.CatalogSku;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.PointsPaymentPolicy;
import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.cartorder.domain.ShippingOption;
import io.quarkmall.cartorder.domain.ShippingRates;
import io.quarkmall.cartorder.loyalty.CouponQuote;
import io.quarkmall.cartorder.loyalty.CouponQuote.NotApplied;
import io.quarkmall.cartorder.loyalty.LoyaltyClient;
import io.quarkmall.common.domain.RuleViolation;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a shopper's cart into an order at today's prices, less the coupons loyalty applies and the
 * points the shopper uses, empties the cart and announces OrderPlaced, all in one transaction: stock
 * then holds the units, or refuses them. A shopper's checkouts run one at a time (ShopperCheckouts),
 * within the limits of what one shopper may hold unpaid.
 */
@ApplicationScoped
public class CheckoutService {

    private static final String REFUSED = "Cannot check out";

    private final ShopperCheckouts shoppers;
    private final OrderEvents events;
    private final LoyaltyClient loyalty;
    private final Clock clock;
    private final OrderConfig config;
    private final AddressBook addresses;
    private final AddressSeals seals;
    private final ShippingRates rates;

    CheckoutService(ShopperCheckouts shoppers, OrderEvents events, LoyaltyClient loyalty, Clock clock, OrderConfig config,
                    AddressBook addresses, AddressSeals seals, ShippingRates rates) {
        this.shoppers = shoppers;
        this.events = events;
        this.loyalty = loyalty;
        this.clock = clock;
        this.config = config;
        this.addresses = addresses;
        this.seals = seals;
        this.rates = rates;
    }

    @Transactional
    public Order checkout(String shopperId) {
        return checkout(shopperId, 0);
    }

    /** Checks out the cart, {@code points} paying part of it (0: none); loyalty then holds them. */
    @Transactional
    public Order checkout(String shopperId, long points) {
        return checkout(shopperId, points, List.of());
    }

    /**
     * Checks out the cart, {@code couponIds} (in the order they apply) taking part of the goods off
     * as loyalty computes it now, then {@code points} paying part of what is left; loyalty then uses
     * the coupons and holds the points. While loyalty is asked, the shopper's other checkouts wait.
     */
    @Transactional
    public Order checkout(String shopperId, long points, List<Long> couponIds) {
        return checkout(shopperId, points, couponIds, Optional.empty());
    }

    /**
     * Checks out the cart as the previous does, to the chosen address of the shopper's book (422
     * address-not-yours, nothing placed, if it is not theirs), or else to their default address, or
     * else (a shopper with no address) without one. The address is copied onto the order, sealed.
     */
    @Transactional
    public Order checkout(String shopperId, long points, List<Long> couponIds, Optional<Long> addressId) {
        return checkout(shopperId, points, couponIds, addressId, ShippingOption.STANDARD);
    }

    /**
     * Checks out the cart as the previous does, delivered by the chosen service at the rate card's fee for
     * the address's zone and the parcel's weight (422, nothing placed, if it does not serve the address).
     */
    @Transactional
    public Order checkout(String shopperId, long points, List<Long> couponIds, Optional<Long> addressId,
                          ShippingOption shipping) {
        shoppers.takeTurn(shopperId);
        Cart cart = cartOf(CartLine.of(shopperId));
        shoppers.requireWithinLimits(shopperId, cart.lines().stream().mapToLong(CartLine::quantity).sum(), REFUSED);
        var deliveryAddress = addresses.forDelivery(shopperId, addressId);
        var delivery = refusingBadDelivery(() -> rates.quote(shipping, deliveryAddress, cart.units(), cart.goods()));
        List<AppliedCoupon> coupons = couponsTakingOff(cart.items(), couponIds);
        Money goods = cart.goods();
        var pointsPayment = pointsPaying(goods.minus(AppliedCoupon.totalOf(coupons, goods.currency())), points);
        var now = clock.instant();
        Order order = Order.place(shopperId, cart.items(), coupons, pointsPayment,
                new Order.Delivery(delivery.option(), delivery.fee(), delivery.weightGrams()), now, now.plus(config.paymentTimeout()));
        deliveryAddress.ifPresent(address -> order.deliverTo(seals.seal(shopperId, AddressSeals.ORDER_DELIVERY, address),
                address.country()));
        order.persistAndFlush();
        CartLine.deleteOf(shopperId);
        events.placed(order);
        return order;
    }

    /**
     * What each delivery service would cost the cart to the chosen address of the shopper's book (else their
     * default, else as the mainland), cheapest first; none for an empty cart. 422 as at checkout for an address
     * not theirs, an unlisted SKU or mixed currencies.
     */
    @Transactional
    public List<ShippingRates.Quote> shippingOptions(String shopperId, Optional<Long> addressId) {
        Optional<PostalAddress> to = addresses.forDelivery(shopperId, addressId);
        List<CartLine> lines = CartLine.of(shopperId);
        if (lines.isEmpty()) {
            return List.of();
        }
        Cart cart = cartOf(lines);
        return refusingBadDelivery(() -> rates.quotes(to, cart.units(), cart.goods()));
    }

    /** A shopper's cart lines priced from catalog's copy: 422 if there are none, unlisted SKUs or mixed currencies. */
    private static Cart cartOf(List<CartLine> cart) {
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
        List<ShippingRates.Unit> units = cart.stream()
                .map(line -> new ShippingRates.Unit(line.quantity(), skus.get(line.sku()).weightGrams())).toList();
        return new Cart(cart, items, units);
    }

    /** A cart as checkout prices it: its lines, their items at today's prices, and their units as delivery weighs them. */
    private record Cart(List<CartLine> lines, List<Order.Item> items, List<ShippingRates.Unit> units) {
        Money goods() {
            return Order.subtotalOf(items);
        }
    }

    private static <T> T refusingBadDelivery(Supplier<T> pricing) {
        try {
            return pricing.get();
        } catch (RuleViolation refused) {
            throw unprocessable(refused.type(), refused.getMessage());
        }
    }

    /**
     * What the coupons take off the items, as loyalty quotes it for the shopper: 422 (the cart kept)
     * if one does not apply or is not the shopper's; 503 (LoyaltyClient.Unavailable) if loyalty cannot say.
     */
    private List<AppliedCoupon> couponsTakingOff(List<Order.Item> items, List<Long> couponIds) {
        if (couponIds.isEmpty()) {
            return List.of();
        }
        CouponQuote quote;
        try {
            quote = loyalty.quote(items.stream().map(i -> new CouponQuote.Line(i.sku(), i.quantity(), i.unitPrice())).toList(),
                    couponIds);
        } catch (LoyaltyClient.NotYours e) {
            throw unprocessable("coupon-not-yours", e.getMessage());
        }
        if (!quote.notApplied().isEmpty()) {
            throw notApplicable(quote.notApplied());
        }
        return quote.applied().stream().map(a -> new AppliedCoupon(a.couponId(), a.templateName(), a.why(), a.amount()))
                .toList();
    }

    /** 422 naming each coupon that does not apply, and why: one violation per coupon, its field {@code couponId=<id>}. */
    private static ProblemException notApplicable(List<NotApplied> refused) {
        String detail = refused.stream().map(n -> "Coupon " + n.couponId() + " (" + n.templateName() + ") does not apply: "
                + n.why()).collect(Collectors.joining(" ")) + (refused.size() == 1 ? " Remove it" : " Remove them") + " and check out again.";
        var violations = refused.stream().map(n -> new Problem.Violation("couponId=" + n.couponId(),
                n.reason() + ": " + n.why())).toList();
        var problem = Problem.of("coupon-not-applicable", REFUSED, 422, detail);
        return new ProblemException(new Problem(problem.type(), problem.title(), problem.status(), detail, violations));
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
