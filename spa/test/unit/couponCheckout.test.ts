import { afterEach, describe, expect, test, vi } from 'vitest';
import { Api, ApiError, type CouponQuote } from '../../src/api';
import { checkoutAmounts, couponProblemOf, couponRefusalsOf } from '../../src/coupons/checkout';
import { maxPointsFor } from '../../src/points/pointsAtCheckout';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
const applied = (couponId: number, templateName: string, amountMinor: number): CouponQuote['applied'][number] =>
  ({ couponId, templateName, amount: cny(amountMinor), lines: [], why: '' });
const problem = (type: string, violations: ApiError['violations'] = []) =>
  new ApiError(422, 'Cannot check out', 'detail', `https://quarkmall.io/problems/${type}`, violations);

// cart-order's CheckoutService: coupons come off the goods first, then points pay part of what they left.
describe('a checkout\'s amounts, in the order cart-order takes them', () => {
  test('the subtotal, each coupon in the order it applies, then the points, and what is left to pay', () => {
    const amounts = checkoutAmounts(cny(20_000), [applied(13, 'Autumn', 2_000), applied(12, 'Tea', 1_500)], 1_000);
    expect(amounts.coupons).toEqual([
      { couponId: 13, name: 'Autumn', amount: cny(2_000) },
      { couponId: 12, name: 'Tea', amount: cny(1_500) },
    ]);
    expect(amounts.afterCoupons).toEqual(cny(16_500));
    expect(amounts.points).toEqual({ points: 1_000, discountMinor: 1_000 });
    expect(amounts.total).toEqual(cny(15_500));
    expect(amounts.subtotal.amountMinor - 2_000 - 1_500 - 1_000).toBe(amounts.total.amountMinor);
  });

  test('points may pay at most half of what the coupons left, not half of the goods', () => {
    // ¥21.00 less a ¥20.00 coupon leaves ¥1.00: points may pay ¥0.50 of it, 50 points, not the 1,050 of the goods alone.
    const amounts = checkoutAmounts(cny(2_100), [applied(7, 'Tea', 2_000)], 50);
    expect(maxPointsFor(amounts.afterCoupons)).toBe(50);
    expect(maxPointsFor(cny(2_100))).toBe(1_050);
    expect(amounts.points).toEqual({ points: 50, discountMinor: 50 });
    expect(amounts.total).toEqual(cny(50));
    // 51 points would be refused by cart-order (points-over-max-share): they take nothing off here.
    const over = checkoutAmounts(cny(2_100), [applied(7, 'Tea', 2_000)], 51);
    expect(over.points).toBeNull();
    expect(over.total).toEqual(cny(100));
  });

  test('coupons that take everything leave nothing for points', () => {
    const amounts = checkoutAmounts(cny(1_000), [applied(7, 'Free', 1_000)], 100);
    expect(amounts.afterCoupons).toEqual(cny(0));
    expect(maxPointsFor(amounts.afterCoupons)).toBe(0);
    expect(amounts.points).toBeNull();
    expect(amounts.total).toEqual(cny(0));
  });

  test('without coupons the points are priced on the goods, as before', () => {
    const amounts = checkoutAmounts(cny(15_800), [], 7_900);
    expect(amounts.coupons).toEqual([]);
    expect(amounts.afterCoupons).toEqual(cny(15_800));
    expect(amounts.points).toEqual({ points: 7_900, discountMinor: 7_900 });
    expect(amounts.total).toEqual(cny(7_900));
    expect(checkoutAmounts(cny(15_800), [], 0).points).toBeNull();
  });
});

describe('cart-order\'s coupon problems at checkout', () => {
  test('are told apart by the last part of their type', () => {
    expect(couponProblemOf(problem('coupon-not-applicable'))).toBe('coupon-not-applicable');
    expect(couponProblemOf(problem('coupon-not-yours'))).toBe('coupon-not-yours');
    expect(couponProblemOf(problem('coupons-unavailable'))).toBe('coupons-unavailable');
    expect(couponProblemOf(problem('points-over-max-share'))).toBeNull();
    expect(couponProblemOf(new ApiError(0, 'Network error', '', 'network'))).toBeNull();
  });

  test('a coupon that does not apply is named by its id, with loyalty\'s reason and why', () => {
    const refusals = couponRefusalsOf(problem('coupon-not-applicable', [
      { field: 'couponId=12', message: 'BELOW_THRESHOLD: CN¥50.00 of everything is CN¥150.00 short of CN¥200.00.' },
      { field: 'couponId=13', message: 'NOT_STACKABLE: It cannot be combined with coupon 12 (Tea): one of them does not stack.' },
      { field: 'couponId=14', message: 'something without a reason code' },
      { field: 'points', message: 'must be positive' },
    ]));
    expect(refusals).toEqual([
      { couponId: 12, reason: 'BELOW_THRESHOLD', why: 'CN¥50.00 of everything is CN¥150.00 short of CN¥200.00.' },
      { couponId: 13, reason: 'NOT_STACKABLE', why: 'It cannot be combined with coupon 12 (Tea): one of them does not stack.' },
      { couponId: 14, reason: null, why: 'something without a reason code' },
    ]);
  });
});

describe('the checkout request with coupons', () => {
  afterEach(() => { vi.unstubAllGlobals(); });

  test('sends each coupon as one couponId in the order chosen, and reads a 503\'s Retry-After', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({
      type: 'https://quarkmall.io/problems/coupons-unavailable', title: 'Coupons unavailable', status: 503, detail: 'Retry in 5 seconds.',
    }), { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' } }));
    vi.stubGlobal('fetch', fetch);
    const error = await new Api('/api', () => 'token').request('/cart-order/checkout',
      { method: 'POST', idempotencyKey: 'k', query: { points: 50, couponId: ['13', '12'] } }).catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledWith('/api/cart-order/checkout?points=50&couponId=13&couponId=12', expect.anything());
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfterSeconds).toBe(5);
    expect(couponProblemOf(error as ApiError)).toBe('coupons-unavailable');
  });

  test('a problem without Retry-After says nothing of when to try again', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"title":"Cannot check out","type":"x"}', { status: 422 })));
    const error = await new Api('/api', () => null).request('/cart-order/checkout', { method: 'POST' }).catch((e: unknown) => e);
    expect((error as ApiError).retryAfterSeconds).toBeNull();
  });
});
