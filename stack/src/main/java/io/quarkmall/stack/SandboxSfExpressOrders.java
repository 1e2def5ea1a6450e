package io.quarkmall.stack;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every order the carrier sandbox has heard of, by partner order id and, once booked, by waybill number. */
final class SandboxSfExpressOrders {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SandboxSfExpressOrder> byOrderId = new ConcurrentHashMap<>();
    private final Map<String, SandboxSfExpressOrder> byWaybill = new ConcurrentHashMap<>();

    /** The order under this id, remembered from now on. */
    SandboxSfExpressOrder heardOf(String orderId) {
        return byOrderId.computeIfAbsent(orderId, SandboxSfExpressOrder::new);
    }

    Optional<SandboxSfExpressOrder> find(String orderId) {
        return Optional.ofNullable(byOrderId.get(orderId));
    }

    Optional<SandboxSfExpressOrder> findBooked(String orderId) {
        return find(orderId).filter(SandboxSfExpressOrder::booked);
    }

    Optional<SandboxSfExpressOrder> byWaybill(String waybillNo) {
        return Optional.ofNullable(byWaybill.get(waybillNo));
    }

    /** Books the order under a new waybill as {@code booking} asks; false when it was booked before (its waybill stays). */
    boolean book(SandboxSfExpressOrder order, SandboxSfExpressBooking booking) {
        return order.book(booking, () -> newWaybill(order), Instant.now());
    }

    /** "SF" and 12 random digits, never handed out twice. */
    private String newWaybill(SandboxSfExpressOrder order) {
        while (true) {
            var waybill = new StringBuilder("SF");
            for (int i = 0; i < 12; i++) {
                waybill.append(random.nextInt(10));
            }
            if (byWaybill.putIfAbsent(waybill.toString(), order) == null) {
                return waybill.toString();
            }
        }
    }
}
