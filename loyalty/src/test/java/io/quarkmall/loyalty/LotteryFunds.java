package io.quarkmall.loyalty;

import io.quarkmall.loyalty.service.PointsLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Points for shoppers who are to draw in a test, credited through the ledger like any credit. */
@ApplicationScoped
class LotteryFunds {

    private final PointsLedger ledger;

    LotteryFunds(PointsLedger ledger) {
        this.ledger = ledger;
    }

    void give(String shopperId, long points) {
        QuarkusTransaction.requiringNew().run(() -> ledger.credit(shopperId, points, "TEST_CREDIT",
                "lottery-funds:" + UUID.randomUUID()));
    }

    long balanceOf(String shopperId) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.balanceOf(shopperId));
    }
}
