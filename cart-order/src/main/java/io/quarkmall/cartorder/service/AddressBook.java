package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.domain.Address;
import io.quarkmall.cartorder.domain.AddressPolicy;
import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.common.lock.AdvisoryLocks;
import io.quarkmall.common.lock.AdvisoryLocks.LockSpace;
import io.quarkmall.common.problem.Problem;
import io.quarkmall.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A shopper's address book: at most {@link Address#MAX_PER_SHOPPER} addresses, each valid for its
 * country (AddressPolicy), exactly one the default once there is any. Another shopper's address is
 * answered as missing (404), never as someone else's.
 */
@ApplicationScoped
public class AddressBook {

    /** One shopper's changes to the book run one at a time, so the limit and the one default hold. */
    private static final LockSpace BOOKS = new LockSpace("shopper-addresses");

    /** An address of the book, opened. */
    public record Entry(long id, boolean isDefault, PostalAddress address) {}

    private final AddressSeals seals;
    private final AdvisoryLocks locks;
    private final Clock clock;

    AddressBook(AddressSeals seals, AdvisoryLocks locks, Clock clock) {
        this.seals = seals;
        this.locks = locks;
        this.clock = clock;
    }

    /** The default first, then the newest. */
    @Transactional
    public List<Entry> of(String shopperId) {
        return Address.of(shopperId).stream().flatMap(a -> opened(a).stream()).toList();
    }

    /** Adds a valid address (422 if not; 422 address-book-full at the limit); the first one is the default. */
    @Transactional
    public Entry add(String shopperId, PostalAddress draft) {
        PostalAddress address = valid(draft);
        String sealed = seals.seal(shopperId, AddressSeals.ADDRESS_BOOK, address);
        locks.lock(BOOKS, shopperId);
        long held = Address.countOf(shopperId);
        if (held >= Address.MAX_PER_SHOPPER) {
            throw new ProblemException(Problem.of("address-book-full", "Address book full", 422, "Your address book holds "
                    + Address.MAX_PER_SHOPPER + " addresses, the most it can: delete one you no longer use first."));
        }
        var entry = new Address(shopperId, address.country(), sealed, held == 0, clock.instant());
        entry.persistAndFlush();
        return new Entry(entry.id(), entry.isDefault(), address);
    }

    /** Replaces one of the shopper's addresses with a valid one: 404 if it is not theirs, 422 if invalid. */
    @Transactional
    public Entry replace(String shopperId, long id, PostalAddress draft) {
        Address entry = owned(shopperId, id);
        PostalAddress address = valid(draft);
        entry.replace(address.country(), seals.seal(shopperId, AddressSeals.ADDRESS_BOOK, address), clock.instant());
        return new Entry(entry.id(), entry.isDefault(), address);
    }

    /** Deletes one of the shopper's addresses; if it was the default, the newest remaining one becomes it. */
    @Transactional
    public void delete(String shopperId, long id) {
        locks.lock(BOOKS, shopperId);
        Address entry = owned(shopperId, id);
        boolean wasDefault = entry.isDefault();
        entry.delete();
        Address.flush();
        if (wasDefault) {
            Address.of(shopperId).stream().findFirst().ifPresent(newest -> newest.makeDefault(true, clock.instant()));
        }
    }

    /** Makes one of the shopper's addresses the default; the others lose it. */
    @Transactional
    public Entry makeDefault(String shopperId, long id) {
        locks.lock(BOOKS, shopperId);
        Address entry = owned(shopperId, id);
        if (!entry.isDefault()) {
            Address.update("isDefault = false where shopperId = ?1 and isDefault = true", shopperId);
            entry.makeDefault(true, clock.instant());
        }
        return opened(entry).map(open -> new Entry(open.id(), true, open.address()))
                .orElseThrow(() -> missing(id));
    }

    /**
     * The address an order placed now goes to: the chosen one (422 address-not-yours if it is not one
     * of the shopper's), else the default; empty if the shopper has none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PostalAddress> forDelivery(String shopperId, Optional<Long> chosen) {
        Optional<Address> entry = chosen.isPresent() ? Address.ownedBy(shopperId, chosen.get()) : Address.defaultOf(shopperId);
        if (chosen.isPresent() && entry.isEmpty()) {
            throw new ProblemException(Problem.of("address-not-yours", "Cannot check out", 422, "Address " + chosen.get()
                    + " is not in your address book: choose one of yours. Nothing was ordered."));
        }
        return entry.flatMap(this::opened).map(Entry::address);
    }

    private Optional<Entry> opened(Address a) {
        return seals.open(a.shopperId(), AddressSeals.ADDRESS_BOOK, a.sealed())
                .map(address -> new Entry(a.id(), a.isDefault(), address));
    }

    private static Address owned(String shopperId, long id) {
        return Address.ownedBy(shopperId, id).orElseThrow(() -> missing(id));
    }

    private static ProblemException missing(long id) {
        return ProblemException.notFound("Address " + id);
    }

    /** The address normalised, or 422 invalid-address with one violation per field; nothing changes then. */
    private static PostalAddress valid(PostalAddress draft) {
        return switch (AddressPolicy.check(draft)) {
            case AddressPolicy.Valid valid -> valid.address();
            case AddressPolicy.Invalid invalid -> {
                var violations = invalid.violations().stream().map(v -> new Problem.Violation(v.field(), v.message())).toList();
                String detail = "The address cannot be used: " + String.join(", ",
                        invalid.violations().stream().map(AddressPolicy.Violation::field).toList()) + ".";
                var problem = Problem.of("invalid-address", "Invalid address", 422, detail);
                throw new ProblemException(new Problem(problem.type(), problem.title(), 422, detail, violations));
            }
        };
    }
}
