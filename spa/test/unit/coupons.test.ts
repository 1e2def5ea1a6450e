import { describe, expect, test } from 'vitest';
import type { CouponTemplate } from '../../src/api';
import { percentText, scopeText, termsText, validityText } from '../../src/coupons/couponText';
import { quoteRequestOf, toggled } from '../../src/coupons/quote';
import { basisPointsOf, emptyTemplate, instantOf, problemsOf, requestOf, targetsOf } from '../../src/coupons/templateDraft';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
const template = (fields: Partial<CouponTemplate>): CouponTemplate => ({
  id: 1, name: 'Autumn', summary: 'server summary', kind: 'FIXED', scope: 'ALL', perShopperLimit: 1, totalLimit: 10,
  issued: 0, stackable: false, status: 'ACTIVE', createdAt: '2026-11-01T00:00:00Z', ...fields,
});

describe('a coupon told in the reader\'s language from its terms', () => {
  test('each kind says what it takes off', () => {
    expect(termsText(template({ kind: 'FIXED', amountOff: cny(2000) }), 'en')).toBe('CN¥20.00 off');
    expect(termsText(template({ kind: 'FIXED', amountOff: cny(2000) }), 'zh-CN')).toBe('立减 ¥20.00');
    expect(termsText(template({ kind: 'THRESHOLD', amountOff: cny(2000), minSubtotal: cny(20000) }), 'zh-CN')).toBe('满 ¥200.00 减 ¥20.00');
    expect(termsText(template({ kind: 'PERCENT', percentOffBasisPoints: 1550 }), 'en')).toBe('15.5% off');
    expect(termsText(template({ kind: 'PERCENT', percentOffBasisPoints: 1000, cap: cny(5000) }), 'en')).toBe('10% off, at most CN¥50.00');
    expect(termsText(template({ kind: 'SOMETHING_NEW' }), 'en')).toBe('server summary');
  });

  test('what it covers and when it is valid', () => {
    expect(scopeText(template({ scope: 'ALL', scopeTargets: [] }), 'en')).toBe('On everything');
    expect(scopeText(template({ scope: 'PRODUCT', scopeTargets: ['TEA-1', 'TEA-2'] }), 'zh-CN')).toBe('限商品 TEA-1, TEA-2');
    expect(scopeText(template({ scope: 'CATEGORY', scopeTargets: ['tea'] }), 'en')).toBe('On categories tea');
    expect(validityText(template({ validDaysAfterClaim: 7 }), 'zh-CN')).toBe('领取后 7 天内有效');
    expect(validityText(template({ validFrom: '2026-12-01T00:00:00Z', validTo: '2026-12-31T00:00:00Z' }), 'en'))
      .toMatch(/^Valid Dec \d+, 2026 – Dec \d+, 2026$/);
    expect(percentText(1, 'en')).toBe('0.01%');
  });
});

describe('the coupon template form', () => {
  test('a valid FIXED template becomes loyalty\'s request with only the fields its kind takes', () => {
    const draft = { ...emptyTemplate(), name: ' Autumn ', amountOff: '20', percentOff: '15', cap: '9', minSubtotal: '100' };
    expect(problemsOf(draft)).toEqual({});
    expect(requestOf(draft)).toEqual({
      name: 'Autumn', kind: 'FIXED', currency: 'CNY', amountOffMinor: 2000, percentOffBasisPoints: undefined, capMinor: undefined,
      minSubtotalMinor: undefined, scope: 'ALL', scopeTargets: [], validFrom: undefined, validTo: undefined,
      validDaysAfterClaim: 30, perShopperLimit: 1, totalLimit: 100, stackable: false, exclusiveGroup: undefined,
    });
  });

  test('a PERCENT template over some SKUs in a window', () => {
    const draft = { ...emptyTemplate(), name: 'Tea week', kind: 'PERCENT' as const, percentOff: '15.5', cap: '30', scope: 'PRODUCT' as const,
      targets: 'TEA-1，TEA-2, ', validity: 'window' as const, validFrom: '2026-12-01T08:00', validTo: '2026-12-08T08:00', stackable: true,
      exclusiveGroup: 'tea' };
    expect(problemsOf(draft)).toEqual({});
    expect(requestOf(draft)).toMatchObject({
      kind: 'PERCENT', percentOffBasisPoints: 1550, capMinor: 3000, amountOffMinor: undefined, scopeTargets: ['TEA-1', 'TEA-2'],
      validFrom: new Date('2026-12-01T08:00').toISOString(), validTo: new Date('2026-12-08T08:00').toISOString(),
      validDaysAfterClaim: undefined, stackable: true, exclusiveGroup: 'tea',
    });
  });

  test('each bad field is named', () => {
    expect(problemsOf({ ...emptyTemplate(), kind: 'THRESHOLD', amountOff: '0', minSubtotal: 'x', scope: 'CATEGORY', days: '0',
      perShopperLimit: '', totalLimit: '1.5' })).toEqual({
      name: 'required', amountOff: 'amount', minSubtotal: 'amount', targets: 'targets', days: 'count', perShopperLimit: 'count', totalLimit: 'count',
    });
    expect(problemsOf({ ...emptyTemplate(), name: 'x', kind: 'PERCENT', percentOff: '100.01', cap: '-1' }))
      .toEqual({ percentOff: 'percent', cap: 'amount' });
    expect(problemsOf({ ...emptyTemplate(), name: 'x', amountOff: '1', validity: 'window', validFrom: '2026-12-08T08:00', validTo: '2026-12-01T08:00' }))
      .toEqual({ validTo: 'order' });
    expect(problemsOf({ ...emptyTemplate(), name: 'x', amountOff: '1', validity: 'window' })).toEqual({ validFrom: 'date', validTo: 'date' });
  });

  test('percentages, targets and dates as typed', () => {
    expect(basisPointsOf('15.5')).toBe(1550);
    expect(basisPointsOf('100')).toBe(10_000);
    expect(basisPointsOf('0')).toBeNull();
    expect(basisPointsOf('12.345')).toBeNull();
    expect(targetsOf(' a, b，c  d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(instantOf('')).toBeNull();
    expect(instantOf('2026-12-01T08:00')).toBe(new Date('2026-12-01T08:00').toISOString());
  });
});

describe('coupons quoted on the cart', () => {
  const line = (sku: string, available: boolean) => ({ sku, productId: 1, productName: sku, names: {}, attributes: {}, quantity: 2,
    unitPrice: { amountMinor: 500, currency: 'CNY' }, subtotal: { amountMinor: 1000, currency: 'CNY' }, available });

  test('the quote asks about the lines still for sale, with the coupons in the order chosen', () => {
    const cart = { lines: [line('TEA-1', true), line('OLD-1', false)], totals: [{ amountMinor: 2000, currency: 'CNY' }] };
    expect(quoteRequestOf(cart, [9, 4])).toEqual({
      lines: [{ sku: 'TEA-1', quantity: 2, unitPrice: { amountMinor: 500, currency: 'CNY' } }], couponIds: [9, 4],
    });
  });

  test('a coupon ticked goes last, as it applies after the others; unticked, it leaves', () => {
    expect(toggled([4], 9)).toEqual([4, 9]);
    expect(toggled([4, 9, 2], 9)).toEqual([4, 2]);
  });
});
