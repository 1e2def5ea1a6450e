package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.ShopperContact;
import io.quarkmall.cartorder.domain.ShopperMessage;
import io.quarkmall.cartorder.domain.TimelineEntry;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tells shoppers what happened to their orders. Each timeline step with a notice becomes one message
 * in the shopper's message centre, in the transaction that marks the step messaged (replicas share
 * the steps: the rows are locked, those another holds skipped). Each message whose shopper wants
 * email (and has an address) is then emailed once through the mail server in their language; a
 * refused send is tried again with a growing pause, at most {@link ShopperMessage#MAX_ATTEMPTS} times.
 * A crash between the send and its mark sends that email again: at least once, never lost.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final int BATCH = 100;

    private final ContactBook contacts;
    private final NoticeMails mails;
    private final Mailer mailer;
    private final Clock clock;

    Notifier(ContactBook contacts, NoticeMails mails, Mailer mailer, Clock clock) {
        this.contacts = contacts;
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(every = "${quarkmall.notices.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        while (makeMessages() == BATCH) {
            // a backlog (after downtime): keep going
        }
        emailDue();
    }

    /** Makes the message of each step waiting for one (a batch); how many. */
    public int makeMessages() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            var steps = TimelineEntry.toMessage(BATCH);
            for (TimelineEntry step : steps) {
                boolean email = ShopperContact.of(step.order().shopperId())
                        .filter(ShopperContact::emailEnabled).flatMap(ShopperContact::sealedEmail).isPresent();
                new ShopperMessage(step, email, now).persist();
                step.markMessaged();
            }
            return steps.size();
        });
    }

    /** Sends each email that is due, each in its own transaction; how many went out. */
    public int emailDue() {
        int sent = 0;
        for (long id : QuarkusTransaction.requiringNew().call(() -> ShopperMessage.emailDue(clock.instant(), BATCH))) {
            sent += QuarkusTransaction.requiringNew().call(() -> email(id)) ? 1 : 0;
        }
        return sent;
    }

    private boolean email(long id) {
        Optional<ShopperMessage> pending = ShopperMessage.lockPending(id);
        if (pending.isEmpty()) {
            return false; // sent or skipped meanwhile
        }
        ShopperMessage message = pending.get();
        Optional<ShopperContact> contact = ShopperContact.of(message.shopperId()).filter(ShopperContact::emailEnabled);
        Optional<String> address = contact.flatMap(contacts::emailOf);
        if (address.isEmpty()) {
            message.emailSkipped(); // turned off, or the shopper's data was erased
            return false;
        }
        Instant now = clock.instant();
        try {
            mailer.send(mails.of(message, contact.get(), address.get()));
        } catch (RuntimeException e) {
            message.emailFailed(now);
            LOG.warnf("The email of message %d (order %d) was not sent, attempt %d: %s", message.id(), message.orderId(),
                    message.emailAttempts(), String.valueOf(e.getMessage()).replaceAll("\\S+@\\S+", "<address>"));
            return false;
        }
        message.emailed(now);
        return true;
    }
}
