import { describe, expect, test } from 'vitest';
import { maxPointsFor, parsePoints, pointsPayment, usablePoints } from '../../src/points/pointsAtCheckout';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
const jpy = (amountMinor: number) => ({ amountMinor, currency: 'JPY' });

// The same cases as cart-order's PointsPaymentPolicyTest: what the SPA shows is what the service will do.
describe('points at checkout, by cart-order\'s rule (100 points = ¥1, at most half the goods)', () => {
  test('points pay what the rate says within the maximum share', () => {
    expect(pointsPayment(cny(20_000), 100)).toEqual({ points: 100, discountMinor: 100 });
    expect(pointsPayment(cny(20_000), 10_000)).toEqual({ points: 10_000, discountMinor: 10_000 });
    expect(pointsPayment(cny(19_999), 9_999)).toEqual({ points: 9_999, discountMinor: 9_999 });
    expect(pointsPayment(jpy(1_000), 50_000)).toEqual({ points: 50_000, discountMinor: 500 });
    expect(pointsPayment(jpy(1_000), 150)).toEqual({ points: 100, discountMinor: 1 });
    expect(pointsPayment(cny(1_000), 2, { perCurrencyUnit: 3, maxShareBasisPoints: 10_000 })).toEqual({ points: 2, discountMinor: 66 });
    expect(pointsPayment(cny(5_000), 5_000, { perCurrencyUnit: 100, maxShareBasisPoints: 10_000 })).toEqual({ points: 5_000, discountMinor: 5_000 });
  });

  test('what the service would refuse prices as nothing', () => {
    expect(pointsPayment(cny(20_000), 10_001)).toBeNull();
    expect(pointsPayment(cny(20_000), 1, { perCurrencyUnit: 100, maxShareBasisPoints: 0 })).toBeNull();
    expect(pointsPayment(jpy(1_000), 99)).toBeNull();
    expect(pointsPayment(cny(20_000), 0)).toBeNull();
    expect(pointsPayment(cny(20_000), -5)).toBeNull();
  });

  test('the most usable is half the goods in points, rounded down, and never more than the balance', () => {
    expect(maxPointsFor(cny(15_800))).toBe(7_900);
    expect(maxPointsFor(cny(19_999))).toBe(9_999);
    expect(maxPointsFor(jpy(1_000))).toBe(50_000);
    expect(maxPointsFor(cny(1))).toBe(0);
    expect(usablePoints(cny(15_800), 158)).toBe(158);
    expect(usablePoints(cny(15_800), 1_000_000)).toBe(7_900);
    expect(usablePoints(cny(15_800), 0)).toBe(0);
  });

  test('the most usable always prices within the maximum share', () => {
    for (const amount of [1, 3, 99, 101, 19_999, 1_000_003]) {
      const max = maxPointsFor(cny(amount));
      const payment = pointsPayment(cny(amount), max);
      if (payment) expect(payment.discountMinor * 2).toBeLessThanOrEqual(amount);
      expect(pointsPayment(cny(amount), max + 1)).toBeNull();
    }
  });

  test('typed points are whole numbers; empty means none', () => {
    expect(parsePoints(' 790 ')).toBe(790);
    expect(parsePoints('')).toBe(0);
    expect(parsePoints('7.5')).toBeNull();
    expect(parsePoints('-3')).toBeNull();
    expect(parsePoints('1e3')).toBeNull();
  });
});
