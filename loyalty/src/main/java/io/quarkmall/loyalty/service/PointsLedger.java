package io.quarkmall.loyalty.service;

import io.quarkmall.common.outbox.Outbox;
import io.quarkmall.loyalty.config.LoyaltyConfig;
import io.quarkmall.loyalty.domain.LotAllocation;
import io.quarkmall.loyalty.domain.LotAllocation.Room;
import io.quarkmall.loyalty.domain.LotAllocation.Share;
import io.quarkmall.loyalty.domain.LotUse;
import io.quarkmall.loyalty.domain.PointsAccount;
import io.quarkmall.loyalty.domain.PointsEvent.PointsCredited;
import io.quarkmall.loyalty.domain.PointsEvent.PointsDebited;
import io.quarkmall.loyalty.domain.PointsLedgerEntry;
import io.quarkmall.loyalty.domain.PointsLot;
import io.quarkmall.loyalty.domain.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one way points change. Every change locks the shopper's account row, writes one entry,
 * moves points into or out of lots (recording each lot's share), updates the balance and announces
 * the change, all in the caller's transaction. Each posting is recorded once per shopper, reason
 * and reference: the same posting again changes nothing.
 */
@ApplicationScoped
public class PointsLedger {

    private final EntityManager db;
    private final Outbox outbox;
    private final Clock clock;
    private final LoyaltyConfig config;

    PointsLedger(EntityManager db, Outbox outbox, Clock clock, LoyaltyConfig config) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    public Optional<PointsLedgerEntry> credit(String shopperId, long points, String reason, String reference) {
        return credit(Posting.of(shopperId, reason, reference), points);
    }

    /** Credits points as a new lot valid for the configured time; empty if the posting was already made. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PointsLedgerEntry> credit(Posting posting, long points) {
        var account = lock(posting.shopperId());
        if (recorded(posting).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(openLot(account, posting, points));
    }

    /**
     * Credits a posting the caller has already made unique in this transaction (a check-in, whose
     * row its own unique index let in), without looking for an earlier entry; the ledger's unique
     * index would still refuse a second one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PointsLedgerEntry creditNew(Posting posting, long points) {
        return openLot(lock(posting.shopperId()), posting, points);
    }

    public PointsLedgerEntry debit(String shopperId, long points, String reason, String reference) {
        return debit(Posting.of(shopperId, reason, reference), points);
    }

    /**
     * Takes points from the oldest lots first; refuses with {@code insufficient-points}, changing
     * nothing, when the balance is short. The same posting again returns the first entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PointsLedgerEntry debit(Posting posting, long points) {
        var account = lock(posting.shopperId());
        var earlier = recorded(posting);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = expireDue(account);
        account.debit(points, now);
        var entry = write(PointsLedgerEntry.of(posting, -points, now));
        take(entry, LotAllocation.oldestFirst(rooms(PointsLot.holding(posting.shopperId())), points));
        announceDebit(entry, account);
        return entry;
    }

    public Optional<PointsLedgerEntry> giveBack(String shopperId, String debitReason, String debitReference,
                                                long points, String reason, String reference) {
        return PointsLedgerEntry.find(shopperId, debitReason, debitReference)
                .flatMap(debit -> giveBack(debit, Posting.of(shopperId, reason, reference), points));
    }

    /**
     * Returns up to {@code points} of what {@code debit} took to the lots it took them from (see
     * {@link LotAllocation#givingBack}); empty if the posting was made before or nothing is left
     * to return.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PointsLedgerEntry> giveBack(PointsLedgerEntry debit, Posting posting, long points) {
        var account = lock(debit.shopperId());
        if (recorded(posting).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var shares = LotAllocation.givingBack(stillReturnable(debit), points, now);
        long total = LotAllocation.total(shares);
        if (total == 0) {
            return Optional.empty();
        }
        account.credit(total, now);
        var entry = write(PointsLedgerEntry.givingBack(debit, posting, total, now));
        for (Share share : shares) {
            PointsLot lot = PointsLot.findById(share.lotId());
            lot.putBack(share.points());
            LotUse.of(entry, lot, share.points()).persist();
        }
        announceCredit(entry, account);
        return Optional.of(entry);
    }

    /**
     * Takes back up to {@code points} that {@code credit} brought: from its own lot first, then
     * from the oldest lots. If the shopper has spent them, only what the balance holds is taken
     * back (the balance never goes below zero). Empty if already taken back or nothing is left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PointsLedgerEntry> takeBack(PointsLedgerEntry credit, Posting posting, long points) {
        var account = lock(credit.shopperId());
        if (recorded(posting).isPresent()) {
            return Optional.empty();
        }
        Instant now = expireDue(account);
        var lots = PointsLot.holding(credit.shopperId());
        var ownLotFirst = Stream.concat(lots.stream().filter(lot -> lot.entryId() == credit.id()),
                lots.stream().filter(lot -> lot.entryId() != credit.id())).toList();
        var shares = LotAllocation.oldestFirst(rooms(ownLotFirst), Math.min(points, account.balance()));
        long total = LotAllocation.total(shares);
        if (total == 0) {
            return Optional.empty();
        }
        account.debit(total, now);
        var entry = write(PointsLedgerEntry.of(posting, -total, now));
        take(entry, shares);
        announceDebit(entry, account);
        return Optional.of(entry);
    }

    /** Expires the shopper's lots whose validity has ended, one EXPIRED entry per lot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long expire(String shopperId) {
        var account = lock(shopperId);
        long before = account.balance();
        expireDue(account);
        return before - account.balance();
    }

    /**
     * The shopper's account, created empty on first use, locked until the transaction ends. One
     * statement either way: the insert that finds the row already there updates it to itself,
     * which locks it as an update does, and returns it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PointsAccount lock(String shopperId) {
        return (PointsAccount) db.createNativeQuery("""
                        INSERT INTO points_account (shopper_id, balance, held, updated_at) VALUES (?1, 0, 0, ?2)
                        ON CONFLICT (shopper_id) DO UPDATE SET updated_at = points_account.updated_at
                        RETURNING *""", PointsAccount.class)
                .setParameter(1, shopperId).setParameter(2, clock.instant()).getSingleResult();
    }

    public long balanceOf(String shopperId) {
        PointsAccount account = PointsAccount.findById(shopperId);
        return account == null ? 0 : account.balance();
    }

    private PointsLedgerEntry openLot(PointsAccount account, Posting posting, long points) {
        Instant now = clock.instant();
        account.credit(points, now);
        var entry = write(PointsLedgerEntry.of(posting, points, now));
        PointsLot.opened(entry, now.plus(config.pointsValidFor())).persist();
        announceCredit(entry, account);
        return entry;
    }

    private Instant expireDue(PointsAccount account) {
        Instant now = clock.instant();
        for (PointsLot lot : PointsLot.due(account.shopperId(), now)) {
            long points = lot.remaining();
            account.debit(points, now);
            var entry = write(PointsLedgerEntry.of(
                    Posting.of(account.shopperId(), PointsLedgerEntry.EXPIRED, "lot:" + lot.id()), -points, now));
            take(entry, List.of(new Share(lot.id(), points)));
            announceDebit(entry, account);
        }
        return now;
    }

    /** What the debit took from each lot and has not been given back yet, with the lot's expiry. */
    private static List<Room> stillReturnable(PointsLedgerEntry debit) {
        var entryIds = new ArrayList<Long>();
        entryIds.add(debit.id());
        PointsLedgerEntry.givingBack(debit).forEach(back -> entryIds.add(back.id()));
        Map<Long, Long> returnable = new HashMap<>();
        for (LotUse use : LotUse.ofEntries(entryIds)) {
            returnable.merge(use.lotId(), -use.points(), Long::sum);
        }
        return returnable.entrySet().stream()
                .filter(lot -> lot.getValue() > 0)
                .map(lot -> new Room(lot.getKey(), lot.getValue(),
                        PointsLot.<PointsLot>findById(lot.getKey()).expiresAt()))
                .toList();
    }

    private static List<Room> rooms(List<PointsLot> lots) {
        return lots.stream().map(lot -> new Room(lot.id(), lot.remaining(), lot.expiresAt())).toList();
    }

    private static void take(PointsLedgerEntry entry, List<Share> shares) {
        for (Share share : shares) {
            PointsLot lot = PointsLot.findById(share.lotId());
            lot.take(share.points());
            LotUse.of(entry, lot, -share.points()).persist();
        }
    }

    private static Optional<PointsLedgerEntry> recorded(Posting posting) {
        return PointsLedgerEntry.find(posting.shopperId(), posting.reason(), posting.reference());
    }

    private PointsLedgerEntry write(PointsLedgerEntry entry) {
        entry.persist();
        return entry;
    }

    private void announceCredit(PointsLedgerEntry entry, PointsAccount account) {
        outbox.record(config.pointsTopic(), entry.shopperId(), new PointsCredited(entry.shopperId(), entry.points(),
                entry.reason(), entry.reference(), entry.orderId(), account.balance()));
    }

    private void announceDebit(PointsLedgerEntry entry, PointsAccount account) {
        outbox.record(config.pointsTopic(), entry.shopperId(), new PointsDebited(entry.shopperId(), -entry.points(),
                entry.reason(), entry.reference(), entry.orderId(), account.balance()));
    }
}
