package io.quarkmall.common.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Pauses every scheduled job as soon as the service begins to stop. Without this, the jobs (the
 * outbox relay, the sweeps) go on firing every second while the Kafka consumers leave their
 * groups, long after the database session factory has closed, and each run logs a stack trace.
 * Nothing is lost: what a paused job would have done is still due at the next start.
 */
@ApplicationScoped
class QuietShutdown {

    private final Scheduler scheduler;

    QuietShutdown(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void pauseJobs(@Observes @Priority(1) ShutdownEvent shutdown) {
        scheduler.pause();
    }
}
