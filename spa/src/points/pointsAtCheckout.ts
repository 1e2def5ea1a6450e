import { fractionDigits, type Money } from '../money';

/**
 * cart-order's rule for points paying part of an order (its PointsPaymentPolicy with the defaults of
 * quarkmall.order.points.*): 100 points are worth one whole currency unit, and points pay at most
 * half of the goods. The SPA uses it to show the most a shopper can use and what it takes off; the
 * service decides at checkout and answers 422 points-over-max-share if it thinks otherwise.
 */
export const POINTS_RULE = { perCurrencyUnit: 100, maxShareBasisPoints: 5_000 } as const;

export type PointsRule = { perCurrencyUnit: number; maxShareBasisPoints: number };

/** Points used and the minor units they take off, as the service would price them. */
export interface PointsPayment { points: number; discountMinor: number }

const minorPerUnit = (currency: string) => 10 ** fractionDigits(currency);

/** The most points the rule lets pay for these goods (before the shopper's balance is counted). */
export function maxPointsFor(goods: Money, rule: PointsRule = POINTS_RULE): number {
  const maxDiscount = Math.floor((goods.amountMinor * rule.maxShareBasisPoints) / 10_000);
  return Math.floor((maxDiscount * rule.perCurrencyUnit) / minorPerUnit(goods.currency));
}

/** The most a shopper with {@code balance} points can use on these goods. */
export function usablePoints(goods: Money, balance: number, rule: PointsRule = POINTS_RULE): number {
  return Math.max(0, Math.min(balance, maxPointsFor(goods, rule)));
}

/**
 * What {@code requested} points take off the goods: only whole minor units, paid with the fewest
 * points that buy them (so 150 points on yen goods use 100). Null when they buy nothing or are
 * more than the rule allows: the service would refuse them.
 */
export function pointsPayment(goods: Money, requested: number, rule: PointsRule = POINTS_RULE): PointsPayment | null {
  if (!Number.isSafeInteger(requested) || requested <= 0 || requested > maxPointsFor(goods, rule)) return null;
  const perUnit = minorPerUnit(goods.currency);
  const discountMinor = Math.floor((requested * perUnit) / rule.perCurrencyUnit);
  if (discountMinor === 0) return null;
  return { points: Math.ceil((discountMinor * rule.perCurrencyUnit) / perUnit), discountMinor };
}

/** What the shopper typed as a count of points: digits only, else null. */
export function parsePoints(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,15}$/.test(trimmed)) return null;
  return Number(trimmed);
}
