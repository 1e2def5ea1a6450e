package io.quarkmall.cartorder.domain;

import io.quarkmall.common.money.Money;

/**
 * How a SKU is redeemed in the points mall, as catalog announced it: a unit for {@code points} plus
 * {@code cash} (zero in the SKU's currency when points alone pay), at most {@code limitPerShopper}
 * units per shopper in all (null: no limit).
 */
public record RedemptionTerms(long points, Money cash, Integer limitPerShopper) {}
