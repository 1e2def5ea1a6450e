import type { ApiError, CouponQuote } from '../api';
import type { Money } from '../money';
import { pointsPayment, type PointsPayment, type PointsRule, POINTS_RULE } from '../points/pointsAtCheckout';

/** One coupon's part of the amounts: what loyalty's quote says it takes off. */
export interface CouponOff { couponId: number; name: string; amount: Money }

/**
 * A checkout's amounts in the order cart-order takes them: the goods' subtotal, less each coupon
 * (in the order they apply), less the points, which pay part of what the coupons left.
 */
export interface CheckoutAmounts {
  subtotal: Money;
  coupons: CouponOff[];
  /** What the coupons left: what points may pay their share of. */
  afterCoupons: Money;
  points: PointsPayment | null;
  total: Money;
}

/**
 * The amounts of checking out {@code goods} with the coupons {@code applied} (loyalty's quote) and
 * {@code requestedPoints}: points priced on what the coupons left, as cart-order prices them, and
 * none when the rule would refuse them (the service then says why).
 */
export function checkoutAmounts(goods: Money, applied: CouponQuote['applied'], requestedPoints: number,
  rule: PointsRule = POINTS_RULE): CheckoutAmounts {
  const coupons = applied.map((a) => ({ couponId: a.couponId, name: a.templateName, amount: a.amount }));
  const couponsMinor = coupons.reduce((sum, c) => sum + c.amount.amountMinor, 0);
  const afterCoupons = { amountMinor: Math.max(0, goods.amountMinor - couponsMinor), currency: goods.currency };
  const points = requestedPoints > 0 ? pointsPayment(afterCoupons, requestedPoints, rule) : null;
  const total = { amountMinor: afterCoupons.amountMinor - (points?.discountMinor ?? 0), currency: goods.currency };
  return { subtotal: goods, coupons, afterCoupons, points, total };
}

/** The problems cart-order answers a checkout with coupons, by the last part of their type. */
export type CouponProblem = 'coupon-not-applicable' | 'coupon-not-yours' | 'coupons-unavailable';

const COUPON_PROBLEMS: CouponProblem[] = ['coupon-not-applicable', 'coupon-not-yours', 'coupons-unavailable'];

export function couponProblemOf(error: ApiError): CouponProblem | null {
  const slug = error.type.split('/').pop() ?? '';
  return (COUPON_PROBLEMS as string[]).includes(slug) ? (slug as CouponProblem) : null;
}

/** One coupon cart-order refused: its id, loyalty's reason code (if it gave one) and why. */
export interface CouponRefusal { couponId: number; reason: string | null; why: string }

/**
 * Each coupon a 422 coupon-not-applicable names: its violations' field is {@code couponId=<id>} and
 * their message {@code <REASON>: <why>}. Violations of another shape are left out.
 */
export function couponRefusalsOf(error: ApiError): CouponRefusal[] {
  return error.violations.flatMap((v) => {
    const id = /^couponId=(\d+)$/.exec(v.field);
    if (!id) return [];
    const reason = /^([A-Z][A-Z_]*): (.*)$/s.exec(v.message);
    return [{ couponId: Number(id[1]), reason: reason ? reason[1] : null, why: reason ? reason[2] : v.message }];
  });
}
