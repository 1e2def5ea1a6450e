package io.quarkmall.loyalty.domain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a discount over lines in proportion to what each line has left to pay, in whole minor
 * units that add up exactly (largest remainder: the units rounding leaves over go to the lines
 * with the largest fractions, the first line first on a tie). No line gets more than it has left.
 */
public final class DiscountSplit {

    private DiscountSplit() {
    }

    /** {@code amount} (at most the sum of {@code left}) split over the lines by {@code left}. */
    public static long[] proportionally(long amount, long[] left) {
        long[] shares = new long[left.length];
        if (amount == 0) {
            return shares;
        }
        BigInteger whole = BigInteger.valueOf(Arrays.stream(left).sum());
        long[] remainders = new long[left.length];
        long given = 0;
        for (int i = 0; i < left.length; i++) {
            BigInteger[] split = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(left[i])).divideAndRemainder(whole);
            shares[i] = split[0].longValueExact();
            remainders[i] = split[1].longValueExact();
            given += shares[i];
        }
        long over = amount - given;
        IntStream.range(0, left.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .limit(over)
                .forEach(i -> shares[i]++);
        return shares;
    }
}
