package io.quarkmall.shipping.messaging;

import io.quarkmall.shipping.service.CarrierDesk;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Every second, the calls owed to carriers with an API (bookings, cancellations); every minute, old nonces and push ids go. */
@ApplicationScoped
class CarrierCalls {

    private final CarrierDesk desk;

    CarrierCalls(CarrierDesk desk) {
        this.desk = desk;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void callDue() {
        desk.callDue();
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldPushes() {
        desk.forgetOldPushes();
    }
}
