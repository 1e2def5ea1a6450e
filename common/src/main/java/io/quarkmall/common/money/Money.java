package io.quarkmall.common.money;

import jakarta.persistence.Embeddable;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: minor units (fen, cents) as a long plus an ISO-4217 currency. Never a double.
 * Arithmetic refuses to mix currencies and to overflow. Entities embed it (columns
 * {@code <name>_minor} and {@code currency}), so a price is one value in Java as in events.
 */
@Embeddable
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("An amount of money cannot be negative: " + amountMinor);
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an ISO-4217 currency code: " + currency, e);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** The difference; refuses to go below zero, as no amount of money is negative. */
    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    /** How many minor units one whole unit has: 100 for CNY, 1 for JPY. */
    public long minorPerUnit() {
        return (long) Math.pow(10, Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0));
    }

    public Money times(long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("Quantity cannot be negative: " + quantity);
        }
        return new Money(Math.multiplyExact(amountMinor, quantity), currency);
    }

    /** Whole currency units, rounded down (1999 fen → 19 yuan): the basis for earning points. */
    public long wholeUnits() {
        return amountMinor / minorPerUnit();
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
