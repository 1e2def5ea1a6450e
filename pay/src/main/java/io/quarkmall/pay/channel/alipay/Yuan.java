package io.quarkmall.pay.channel.alipay;

import io.quarkmall.common.money.Money;
import java.math.BigDecimal;

/** Alipay's amounts: yuan as text with two decimals ("12.30"); CNY is the only currency it takes here. */
final class Yuan {

    static final String CNY = "CNY";

    private Yuan() {
    }

    /** {@code 1230 fen} → {@code "12.30"}; any other currency is refused. */
    static String of(Money money) {
        requireCny(money);
        return BigDecimal.valueOf(money.amountMinor(), 2).toPlainString();
    }

    /** {@code "12.30"} (or "12.3", "12") → 1230 fen. */
    static Money parse(String yuan) {
        try {
            return new Money(new BigDecimal(yuan.trim()).movePointRight(2).longValueExact(), CNY);
        } catch (ArithmeticException | NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("Not an amount in yuan: " + yuan, e);
        }
    }

    static void requireCny(Money money) {
        if (!CNY.equals(money.currency())) {
            throw new IllegalArgumentException("Alipay takes CNY only, not " + money.currency());
        }
    }
}
