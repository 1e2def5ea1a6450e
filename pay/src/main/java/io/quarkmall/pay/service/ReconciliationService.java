package io.quarkmall.pay.service;

import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.PaymentChannel;
import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import io.quarkmall.pay.config.ReconciliationConfig;
import io.quarkmall.pay.domain.reconciliation.LedgerEntry;
import io.quarkmall.pay.domain.reconciliation.ReconciliationLedger;
import io.quarkmall.pay.domain.reconciliation.ReconciliationReport;
import io.quarkmall.pay.domain.reconciliation.StatementComparison;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * Reconciles each channel's daily statement with our records of the day: daily for yesterday (on
 * the cron of {@code quarkmall.pay.reconciliation.cron}, in Asia/Shanghai) and on demand. A
 * channel that cannot be read gives a FAILED report, never a failed run; a new run of a day
 * replaces that day's report of the channel in one transaction.
 */
@ApplicationScoped
public class ReconciliationService {

    /** Days are China's days, as the channels' statements count them. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** One run at a time per day and channel, so that racing runs leave one report. */
    /** No channel of ours kept a statement of a day before this one (Alipay began in 2004, WeChat Pay in 2013). */
    public static final LocalDate EARLIEST_DAY = LocalDate.of(2000, 1, 1);
    static final LockSpace RECONCILIATION_DAY = new LockSpace("reconciliation-day");
    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);

    private final Instance<PaymentChannel> channels;
    private final Instance<ReconciliationLedger> ledger;
    private final AdvisoryLocks locks;
    private final Clock clock;
    private final ReconciliationConfig config;

    ReconciliationService(@Any Instance<PaymentChannel> channels, Instance<ReconciliationLedger> ledger,
                          AdvisoryLocks locks, Clock clock, ReconciliationConfig config) {
        this.channels = channels;
        this.ledger = ledger;
        this.locks = locks;
        this.clock = clock;
        this.config = config;
    }

    void announceSchedule(@Observes StartupEvent started) {
        LOG.infof("Reconciling yesterday's statements of %s on the cron '%s' (Asia/Shanghai)", channelNames(), config.cron());
    }

    /**
     * Reconciles {@code day} for one channel, or for every channel if {@code channel} is null, and
     * answers the new reports. 422 for a day after today (in China) or a channel pay does not have.
     */
    @Transactional
    public List<ReconciliationReport> run(LocalDate day, String channel) {
        requireReconcilable(day);
        List<PaymentChannel> chosen = channel == null ? all() : List.of(channelNamed(channel));
        return chosen.stream().map(c -> reconcile(day, c)).toList();
    }

    @Scheduled(cron = "${quarkmall.pay.reconciliation.cron:0 30 2 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LocalDate yesterday = today().minusDays(1);
        for (PaymentChannel channel : all()) {
            try {
                var report = QuarkusTransaction.requiringNew().call(() -> reconcile(yesterday, channel));
                LOG.infof("Reconciled %s of %s: %s, %d mismatches", channel.name(), yesterday, report.status(),
                        report.mismatchCount());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Reconciliation of %s for %s could not be stored", channel.name(), yesterday);
            }
        }
    }

    /** Reports of days from {@code from} to {@code to}, of one channel or all; 422 for an unknown channel. */
    public List<ReconciliationReport> reports(LocalDate from, LocalDate to, String channel, int page, int size) {
        if (from.isAfter(to)) {
            throw new ProblemException(Problem.of("invalid-date-range", "Invalid date range", 400,
                    "from (" + from + ") is after to (" + to + ")."));
        }
        if (channel != null) {
            channelNamed(channel);
        }
        // no report is of a day before the earliest or after today: the database is asked only within them
        LocalDate since = from.isBefore(EARLIEST_DAY) ? EARLIEST_DAY : from;
        LocalDate until = to.isAfter(today()) ? today() : to;
        if (since.isAfter(until)) {
            return List.of();
        }
        return ReconciliationReport.between(since, until, channel, page, size);
    }

    public ReconciliationReport report(long id) {
        return ReconciliationReport.<ReconciliationReport>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Reconciliation report " + id));
    }

    /** The names of the channels reconciled. */
    public List<String> channelNames() {
        return all().stream().map(PaymentChannel::name).sorted().toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private ReconciliationReport reconcile(LocalDate day, PaymentChannel channel) {
        String name = channel.name();
        locks.lock(RECONCILIATION_DAY, day + "/" + name);
        var report = compare(day, channel);
        ReconciliationReport.removeFor(day, name);
        report.persistAndFlush();
        return report;
    }

    private ReconciliationReport compare(LocalDate day, PaymentChannel channel) {
        String name = channel.name();
        if (!ledger.isResolvable()) {
            return ReconciliationReport.failed(day, name, "pay has no ledger of its own payments and refunds to compare with.",
                    clock.instant());
        }
        List<LedgerEntry> theirs;
        try {
            theirs = channel.statement(day).stream().map(ReconciliationService::entryOf).toList();
        } catch (ChannelUnavailable e) {
            LOG.warnf("The statement of %s for %s could not be fetched: %s", name, day, e.getMessage());
            return ReconciliationReport.failed(day, name, "The channel's statement could not be fetched: " + e.getMessage(),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The statement of %s for %s could not be read", name, day);
            return ReconciliationReport.failed(day, name, "The channel's statement could not be read.", clock.instant());
        }
        var ours = ledger.get().entriesOf(name, day);
        return ReconciliationReport.compared(day, name, StatementComparison.of(ours, theirs), clock.instant());
    }

    private static LedgerEntry entryOf(StatementLine line) {
        var kind = line.kind() == StatementLine.Kind.PAYMENT ? LedgerEntry.Kind.PAYMENT : LedgerEntry.Kind.REFUND;
        return new LedgerEntry(line.reference(), line.tradeId(), kind, line.amount(), line.at());
    }

    private void requireReconcilable(LocalDate day) {
        if (day.isBefore(EARLIEST_DAY)) {
            throw new ProblemException(Problem.of("day-too-early", "Day too early", 422,
                    day + " is before " + EARLIEST_DAY + ": no channel of ours has a statement of it."));
        }
        if (day.isAfter(today())) {
            throw new ProblemException(Problem.of("day-in-the-future", "Day in the future", 422,
                    day + " has not begun yet in China (today there is " + today() + "); only past days and today can be reconciled."));
        }
    }

    private PaymentChannel channelNamed(String name) {
        return find(name).orElseThrow(() -> new ProblemException(Problem.of("unknown-channel", "Unknown channel", 422,
                "pay has no channel " + name + "; its channels are " + channelNames() + ".")));
    }

    private Optional<PaymentChannel> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private List<PaymentChannel> all() {
        return StreamSupport.stream(channels.spliterator(), false).toList();
    }
}
