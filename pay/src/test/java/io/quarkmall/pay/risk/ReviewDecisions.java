package io.quarkmall.pay.risk;

import io.quarkmall.pay.domain.risk.ReviewDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Listens to ReviewDecided as the payment service will: every decision the tests' operators took. */
@ApplicationScoped
public class ReviewDecisions {

    private final Queue<ReviewDecided> heard = new ConcurrentLinkedQueue<>();

    void on(@Observes ReviewDecided decided) {
        heard.add(decided);
    }

    public List<ReviewDecided> of(long reviewId) {
        return heard.stream().filter(d -> d.reviewId() == reviewId).toList();
    }
}
