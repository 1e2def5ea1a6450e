package io.quarkmall.pay.domain;

import io.quarkmall.common.money.Money;

/** An amount as people read it in explanations: {@code CNY 12.50}, {@code JPY 1200}. */
public final class AmountText {

    private AmountText() {
    }

    public static String of(Money amount) {
        return amount.currency() + " " + units(amount.amountMinor(), amount.minorPerUnit());
    }

    /** Minor units as whole units with the currency's decimals: 1250 fen → {@code 12.50}. */
    public static String units(long minor, long minorPerUnit) {
        if (minorPerUnit == 1) {
            return Long.toString(minor);
        }
        int digits = Long.toString(minorPerUnit).length() - 1;
        return ("%d.%0" + digits + "d").formatted(minor / minorPerUnit, minor % minorPerUnit);
    }
}
