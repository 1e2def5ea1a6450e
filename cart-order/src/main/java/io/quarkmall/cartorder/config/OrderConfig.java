package io.quarkmall.cartorder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** cart-order's own settings. */
@ConfigMapping(prefix = "quarkmall.order")
public interface OrderConfig {

    /** Where OrderPlaced, OrderAwaitingPayment, OrderCancelled and OrderCompleted go. */
    @WithDefault("order.v1")
    String topic();

    /** How long a shopper has to pay before the order is cancelled and its stock released. */
    @WithDefault("15m")
    Duration paymentTimeout();

    /** How long after delivery an order completes by itself if the shopper does not confirm receipt. */
    @WithDefault("7d")
    Duration completeAfter();

    /** How often the clock's sweep (unpaid timeout, auto-completion) runs. */
    @WithDefault("5s")
    Duration sweepInterval();

    Limits limits();

    AfterSales afterSales();

    Points points();

    Loyalty loyalty();

    Documents documents();

    Shipping shipping();

    /**
     * The rate card (ShippingRates): {@code services.<standard|express>.<mainland|remote|international>} with each
     * zone's first-kg and extra-kg fees in minor units, the goods' value it is free from, and its days; a zone left
     * out is not served.
     */
    interface Shipping {
        /** The currency the fees are in; goods priced in another go by standard delivery at no charge. */
        @WithDefault("CNY")
        String currency();

        /** Addresses in this country are mainland or remote; any other is international. */
        @WithDefault("CN")
        String homeCountry();

        /** Provinces charged as remote, by how their name starts (in any case). */
        @WithDefault("新疆,西藏,青海,Xinjiang,Xizang,Tibet,Qinghai")
        List<String> remoteRegions();

        /** What one unit of a SKU weighs when catalog was not told. */
        @WithDefault("500")
        int defaultUnitGrams();

        Map<String, Map<String, Rate>> services();

        interface Rate {
            long firstKgMinor();

            long extraKgMinor();

            /** The goods' value (before coupons and points, in minor units) from which delivery is free; absent: never. */
            Optional<Long> freeFromMinor();

            int minDays();

            int maxDays();
        }
    }

    /** The sender printed on every parcel's label: the mall's dispatch warehouse. */
    interface Documents {
        @WithDefault("Quarkmall 发货仓 Dispatch")
        String senderName();

        @WithDefault("400-820-0000")
        String senderPhone();

        @WithDefault("上海市浦东新区 张江高科 祖冲之路 1 号 Quarkmall 仓")
        String senderAddress();
    }

    /** loyalty, asked at checkout what the shopper's chosen coupons take off the cart. */
    interface Loyalty {
        /** Where loyalty listens; its API is under /api/loyalty. */
        URI url();

        /** How long a checkout with coupons waits for loyalty's quote before answering 503. */
        @WithDefault("2s")
        Duration timeout();
    }

    /** Refund-only requests (AfterSalesPolicy) and how they are decided. */
    interface AfterSales {
        /** How long after delivery a shopper may ask for money back. */
        @WithDefault("15d")
        Duration window();

        /** How long a merchant has to answer a request before the clock approves it. */
        @WithDefault("48h")
        Duration reviewWithin();

        /** Requests for at most this much money (minor units: 2000 = ¥20) are approved at once; 0: none. */
        @WithDefault("2000")
        long autoApproveUpToMinor();

        /**
         * The trusted-shopper rule: a shopper with at least this many completed orders, none of whose requests a
         * merchant rejected within {@link #trustedLookBack()}, has requests up to {@link #trustedUpToMinor()}
         * approved at once. Absent: no shopper is trusted (the rule is off).
         */
        Optional<Integer> trustedAfterCompletedOrders();

        /** What a trusted shopper's requests are approved at once up to (minor units: 20000 = ¥200). */
        @WithDefault("20000")
        long trustedUpToMinor();

        /** How long a rejected request keeps its shopper from being trusted. */
        @WithDefault("180d")
        Duration trustedLookBack();

        /**
         * How long the merchant may leave a request unanswered, or a return parcel unreceived, before
         * it is escalated to the mall's staff (admins); the deadline acts later.
         */
        @WithDefault("24h")
        Duration escalateAfter();

        /** How long a shopper has to send the goods of an approved return back before it expires. */
        @WithDefault("7d")
        Duration returnWithin();

        /**
         * How long a merchant has to receive a return parcel once it is sent; then the clock receives
         * it into quarantine (nobody inspected the goods) and the refund goes out.
         */
        @WithDefault("10d")
        Duration receiveWithin();

        /**
         * How long an exchange's replacement order may take to be delivered, from the return's receipt,
         * before the exchange is escalated to the mall's staff (the shopper may still cancel it).
         */
        @WithDefault("15d")
        Duration replacementDeliveredWithin();
    }

    /** Points paying part of an order (PointsPaymentPolicy). */
    interface Points {
        /** Points worth one whole currency unit: 100 points = ¥1. */
        @WithDefault("100")
        long perCurrencyUnit();

        /** The largest share of the goods points may pay, in basis points: 5000 = half. */
        @WithDefault("5000")
        int maxShareBasisPoints();
    }

    /**
     * How much one shopper may hold with orders not yet paid (OWASP API6): without a limit, one
     * shopper's burst of unpaid orders holds every unit for the whole payment window.
     */
    interface Limits {
        /** Unpaid orders (PENDING or STOCK_RESERVED) one shopper may have open at once. */
        @WithDefault("5")
        int maxUnpaidOrders();

        /** Units one shopper's unpaid orders may hold in all, the order being placed included. */
        @WithDefault("50")
        int maxUnitsHeld();
    }
}
