package io.quarkmall.shipping.domain;

/** The carrier's service a paid order chose at checkout (order.v1 OrderPaid.shippingOption): standard, or express. */
public enum DeliveryService {
    STANDARD, EXPRESS;

    /** The service an order's payment names; STANDARD when it names none (orders paid before delivery options). */
    public static DeliveryService named(String option) {
        return option == null ? STANDARD : valueOf(option);
    }
}
