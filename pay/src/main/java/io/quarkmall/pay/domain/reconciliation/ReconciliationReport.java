package io.quarkmall.pay.domain.reconciliation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reconciliation of one channel's statement of one day with our records: how many lines each
 * side has, how many match, and every mismatch; or, if the statement or our records could not be
 * read, FAILED with the reason. One report per day and channel: a new run replaces it.
 */
@Entity
public class ReconciliationReport extends PanacheEntityBase {

    public enum Status {
        /** Every line matches. */
        BALANCED,
        /** At least one mismatch. */
        MISMATCHED,
        /** The comparison could not be made; {@link #failureReason()} says why. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private LocalDate day;
    private String channel;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int ourLines;
    private int channelLines;
    private int matched;
    private int mismatchCount;
    private String failureReason;
    private Instant ranAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reconciliation_mismatch", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<Mismatch> mismatches = new ArrayList<>();

    protected ReconciliationReport() {
    }

    public static ReconciliationReport compared(LocalDate day, String channel, StatementComparison comparison, Instant now) {
        var report = new ReconciliationReport();
        report.day = day;
        report.channel = channel;
        report.status = comparison.mismatches().isEmpty() ? Status.BALANCED : Status.MISMATCHED;
        report.ourLines = comparison.ourLines();
        report.channelLines = comparison.channelLines();
        report.matched = comparison.matched();
        report.mismatchCount = comparison.mismatches().size();
        report.mismatches.addAll(comparison.mismatches());
        report.ranAt = now;
        return report;
    }

    public static ReconciliationReport failed(LocalDate day, String channel, String reason, Instant now) {
        var report = new ReconciliationReport();
        report.day = day;
        report.channel = channel;
        report.status = Status.FAILED;
        report.failureReason = reason;
        report.ranAt = now;
        return report;
    }

    /** Removes the day's report of the channel, if any, so that a new run's takes its place. */
    public static void removeFor(LocalDate day, String channel) {
        find("from ReconciliationReport r where r.day = ?1 and r.channel = ?2", day, channel).<ReconciliationReport>list().forEach(PanacheEntityBase::delete);
        flush();
    }

    /** Reports of days from {@code from} to {@code to} (inclusive), of one channel or all, newest day first. */
    public static List<ReconciliationReport> between(LocalDate from, LocalDate to, String channel, int page, int size) {
        var parameters = Parameters.with("from", from).and("to", to);
        String query = "from ReconciliationReport r where r.day >= :from and r.day <= :to";
        if (channel != null) {
            query += " and r.channel = :channel";
            parameters = parameters.and("channel", channel);
        }
        return find(query + " order by r.day desc, r.channel", parameters).page(Page.of(page, size)).list();
    }

    public Long id() {
        return id;
    }

    public LocalDate day() {
        return day;
    }

    public String channel() {
        return channel;
    }

    public Status status() {
        return status;
    }

    public int ourLines() {
        return ourLines;
    }

    public int channelLines() {
        return channelLines;
    }

    public int matched() {
        return matched;
    }

    public int mismatchCount() {
        return mismatchCount;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant ranAt() {
        return ranAt;
    }

    public List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }
}
