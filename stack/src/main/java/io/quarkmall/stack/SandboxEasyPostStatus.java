package io.quarkmall.stack;

/**
 * How the EasyPost-like label API's sandbox reports a scan of a scripted journey (those of the SF-like sandbox,
 * {@link SandboxSfExpressJourney}): a tracker status, a status detail in the manner of EasyPost's, the message, and
 * the city and country of the tracking location.
 */
enum SandboxEasyPostStatus {

    PICKED_UP(SandboxSfExpressOpCode.PICKED_UP, "in_transit", "received_at_origin_facility", "Picked up by the carrier", "SHENZHEN"),
    ARRIVED_AT_SORTING_CENTRE(SandboxSfExpressOpCode.ARRIVED_AT_SORTING_CENTRE, "in_transit", "arrived_at_facility",
            "Arrived at the sort facility", "SHANGHAI"),
    DEPARTED(SandboxSfExpressOpCode.DEPARTED, "in_transit", "departed_facility", "Departed the sort facility", "SHANGHAI"),
    OUT_FOR_DELIVERY(SandboxSfExpressOpCode.OUT_FOR_DELIVERY, "out_for_delivery", "out_for_delivery", "Out for delivery", "HANGZHOU"),
    DELIVERED(SandboxSfExpressOpCode.DELIVERED, "delivered", "arrived_at_destination", "Delivered", "HANGZHOU"),
    HELD_UP(SandboxSfExpressOpCode.HELD_UP, "in_transit", "weather_delay", "Delayed: the flight was held by weather", "SHANGHAI"),
    DELIVERY_FAILED(SandboxSfExpressOpCode.DELIVERY_FAILED, "in_transit", "delivery_exception",
            "Delivery attempted: nobody at the address", "HANGZHOU"),
    RETURNED_TO_SENDER(SandboxSfExpressOpCode.RETURNED_TO_SENDER, "return_to_sender", "return", "Returned to the sender", "SHENZHEN"),
    LOST_IN_TRANSIT(SandboxSfExpressOpCode.LOST_IN_TRANSIT, "failure", "lost", "Lost in transit: a claim is open", "SHANGHAI");

    final SandboxSfExpressOpCode op;
    final String status;
    final String statusDetail;
    final String message;
    final String city;

    SandboxEasyPostStatus(SandboxSfExpressOpCode op, String status, String statusDetail, String message, String city) {
        this.op = op;
        this.status = status;
        this.statusDetail = statusDetail;
        this.message = message;
        this.city = city;
    }

    static SandboxEasyPostStatus of(SandboxSfExpressOpCode op) {
        for (SandboxEasyPostStatus status : values()) {
            if (status.op == op) {
                return status;
            }
        }
        throw new IllegalArgumentException("no label-API wording for " + op);
    }
}
