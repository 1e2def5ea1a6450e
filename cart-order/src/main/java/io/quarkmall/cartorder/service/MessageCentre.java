package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.ShopperMessage;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** A shopper's messages (Notifier makes them): read and marked read by their shopper only; another's is 404. */
@ApplicationScoped
public class MessageCentre {

    private final Clock clock;

    MessageCentre(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public List<ShopperMessage> of(String shopperId, boolean unreadOnly, int page, int size) {
        return ShopperMessage.of(shopperId, unreadOnly, page, size);
    }

    @Transactional
    public long unreadOf(String shopperId) {
        return ShopperMessage.unreadOf(shopperId);
    }

    @Transactional
    public ShopperMessage read(String shopperId, long messageId) {
        var message = ShopperMessage.ownedBy(shopperId, messageId)
                .orElseThrow(() -> ProblemException.notFound("Message " + messageId));
        message.read(clock.instant());
        return message;
    }

    /** How many were unread. */
    @Transactional
    public int readAll(String shopperId) {
        return ShopperMessage.readAllOf(shopperId, clock.instant());
    }
}
