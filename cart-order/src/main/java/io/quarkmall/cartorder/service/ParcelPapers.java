package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.OrderConfig;
import io.quarkmall.cartorder.documents.ShippingDocuments;
import io.quarkmall.cartorder.documents.ShippingDocuments.Item;
import io.quarkmall.cartorder.documents.ShippingDocuments.Parcel;
import io.quarkmall.cartorder.documents.ShippingDocuments.Sender;
import io.quarkmall.cartorder.domain.OperatorScope;
import io.quarkmall.cartorder.domain.Order;
import io.quarkmall.cartorder.domain.OrderStatus;
import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The papers the warehouse packs a paid order with, for the operators who may see the order: its
 * packing list from payment on, its label once the carrier has given the parcel a waybill. Made
 * afresh from the order on each request (an order's lines, address and waybill no longer change
 * once it is paid and booked), so nothing with the recipient's address is kept beside the sealed one.
 */
@ApplicationScoped
public class ParcelPapers {

    /** At most this many labels in one batch: the newest orders in the status first. */
    private static final int MOST_LABELS = 100;

    private final AddressSeals addresses;
    private final OrderConfig config;
    private final Clock clock;

    ParcelPapers(AddressSeals addresses, OrderConfig config, Clock clock) {
        this.addresses = addresses;
        this.config = config;
        this.clock = clock;
    }

    public byte[] packingList(OperatorScope scope, long orderId) {
        Order order = paid(scope, orderId);
        return ShippingDocuments.packingList(parcel(order, addresses.deliveryAddressOf(order).orElse(null)), clock.instant());
    }

    public byte[] label(OperatorScope scope, long orderId) {
        Order order = paid(scope, orderId);
        if (order.trackingNumber().isEmpty()) {
            throw ProblemException.conflict("label-not-ready",
                    "Order " + orderId + " has no waybill yet: its label is made once the carrier has booked the parcel.");
        }
        PostalAddress to = addresses.deliveryAddressOf(order).orElseThrow(() -> ProblemException.conflict(
                "no-delivery-address", "Order " + orderId + " has no delivery address to print on a label."));
        return ShippingDocuments.label(parcel(order, to), sender(), clock.instant());
    }

    /**
     * The labels of the caller's orders in {@code status} (FULFILLING: booked, waiting for pick-up) that
     * have a waybill and an address, newest first, one a page; 409 nothing-to-label if none has.
     */
    public byte[] labels(OperatorScope scope, OrderStatus status) {
        List<Parcel> parcels = new ArrayList<>();
        for (Order order : scope.orders(Optional.of(status), 0, MOST_LABELS)) {
            if (order.paidFor() && order.trackingNumber().isPresent()) {
                addresses.deliveryAddressOf(order).ifPresent(to -> parcels.add(parcel(order, to)));
            }
        }
        if (parcels.isEmpty()) {
            throw ProblemException.conflict("nothing-to-label", "No " + status + " order you may see has a waybill and an "
                    + "address to print on a label.");
        }
        return ShippingDocuments.labels(parcels, sender(), clock.instant());
    }

    /** The mall's dispatch warehouse, as configured. */
    private Sender sender() {
        var documents = config.documents();
        return new Sender(documents.senderName(), documents.senderPhone(), documents.senderAddress());
    }

    private static Order paid(OperatorScope scope, long orderId) {
        Order order = scope.order(orderId).orElseThrow(() -> ProblemException.notFound("Order " + orderId));
        if (!order.paidFor()) {
            throw ProblemException.conflict("order-not-paid", "Order " + orderId + " is " + order.status()
                    + ": a parcel's papers are made for a paid order that was not cancelled.");
        }
        return order;
    }

    private static Parcel parcel(Order order, PostalAddress to) {
        return new Parcel(order.id(), order.createdAt(), order.carrier().orElse(null), order.trackingNumber().orElse(null),
                order.delivery().option(), order.delivery().weightGrams(), to, order.lines().stream().map(line -> new Item(line.sku(), line.productName(), line.quantity())).toList());
    }
}
