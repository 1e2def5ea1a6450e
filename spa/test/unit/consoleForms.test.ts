import { describe, expect, test } from 'vitest';
import { emptyLottery, emptyPrize, lotteryProblems, lotteryRequestOf } from '../../src/lottery/lotteryDraft';
import { emptyRule, multiplierOf, multiplierText, ruleDraftOf, ruleProblems, ruleRequestOf } from '../../src/points/earningRuleDraft';
import { EMPTY_OFFER, offerOf, offerProblems } from '../../src/points/rewardOffer';

describe('the reward offer form', () => {
  test('a voucher needs no template; a coupon reward names one', () => {
    const voucher = { ...EMPTY_OFFER, name: ' Tea voucher ', pointsCost: '500', couponTemplateId: '7' };
    expect(offerProblems(voucher)).toEqual([]);
    expect(offerOf(voucher)).toEqual({ name: 'Tea voucher', description: undefined, kind: 'VOUCHER', couponTemplateId: undefined,
      pointsCost: 500, stock: 100, perShopperLimit: 1 });
    expect(offerProblems({ ...voucher, kind: 'COUPON', couponTemplateId: '' })).toEqual(['couponTemplateId']);
    expect(offerOf({ ...voucher, kind: 'COUPON' }).couponTemplateId).toBe(7);
  });

  test('each field out of loyalty\'s range is named', () => {
    expect(offerProblems({ ...EMPTY_OFFER, pointsCost: '0', stock: '-1', perShopperLimit: '1001' }))
      .toEqual(['name', 'pointsCost', 'stock', 'perShopperLimit']);
  });
});

describe('the lottery form', () => {
  const valid = { ...emptyLottery(), name: 'New year', startsAt: '2026-12-31T20:00', endsAt: '2027-01-01T02:00',
    prizes: [{ ...emptyPrize(), name: '100 points', value: '100' }, { name: 'Teapot', kind: 'ITEM' as const, weight: '1', stock: '2', value: '5000' }] };

  test('a valid lottery becomes loyalty\'s NewLottery', () => {
    expect(lotteryProblems(valid)).toEqual([]);
    expect(lotteryRequestOf(valid)).toEqual({
      name: 'New year', startsAt: new Date('2026-12-31T20:00').toISOString(), endsAt: new Date('2027-01-01T02:00').toISOString(),
      costPerDraw: 10, drawsPerShopper: 3, budget: 10000, noPrizeWeight: 10,
      prizes: [{ name: '100 points', kind: 'POINTS', weight: 1, stock: 10, value: 100 }, { name: 'Teapot', kind: 'ITEM', weight: 1, stock: 2, value: 5000 }],
    });
  });

  test('an end before the start, a prize without weight or value, and a missing name are named', () => {
    expect(lotteryProblems({ ...valid, name: ' ', endsAt: '2026-12-31T19:00', drawsPerShopper: '0',
      prizes: [{ ...emptyPrize(), name: 'x', weight: '0' }] })).toEqual(['name', 'endsAt', 'drawsPerShopper', 'prize-0-weight', 'prize-0-value']);
  });
});

describe('the earning rule form', () => {
  test('a double-points rule on one SKU, paid from a minimum order, becomes loyalty\'s request', () => {
    const draft = { ...emptyRule(), name: ' Tea week ', scope: 'PRODUCT' as const, sku: 'TEA-1', multiplier: '2', minimum: '100' };
    expect(ruleProblems(draft)).toEqual([]);
    expect(ruleRequestOf(draft)).toEqual({
      name: 'Tea week', trigger: 'PAID', returnWindowDays: undefined, scope: 'PRODUCT', sku: 'TEA-1', multiplierBasisPoints: 20_000,
      bonusPerUnit: undefined, minimumOrder: { amountMinor: 10_000, currency: 'CNY' }, activeFrom: undefined, activeTo: undefined,
      priority: 0, stop: false,
    });
  });

  test('a rule needs a rate or a bonus, a SKU for one product, and a window that ends after it begins', () => {
    expect(ruleProblems({ ...emptyRule(), name: 'x' })).toEqual(['multiplier']);
    expect(ruleProblems({ ...emptyRule(), name: 'x', scope: 'PRODUCT', sku: 'bad sku', bonusPerUnit: '5', priority: '1001' }))
      .toEqual(['sku', 'priority']);
    expect(ruleProblems({ ...emptyRule(), name: 'x', multiplier: '1.5', activeFrom: '2026-12-02T00:00', activeTo: '2026-12-01T00:00' }))
      .toEqual(['activeTo']);
    expect(ruleProblems({ ...emptyRule(), name: 'x', trigger: 'RETURN_WINDOW_CLOSED', returnWindowDays: '0', multiplier: '101' }))
      .toEqual(['returnWindowDays', 'multiplier']);
  });

  test('multipliers are read and written as times the base points', () => {
    expect(multiplierOf('1.5')).toBe(15_000);
    expect(multiplierOf('0')).toBe(0);
    expect(multiplierOf('2.12345')).toBeNull();
    expect(multiplierText(12_000)).toBe('1.2');
  });

  test('a saved rule fills the form as it was typed', () => {
    const rule = { id: 3, name: 'Gold week', trigger: 'RETURN_WINDOW_CLOSED' as const, returnWindowDays: 7, scope: 'ALL' as const, sku: null,
      multiplierBasisPoints: 15_000, bonusPerUnit: null, minimumOrder: { amountMinor: 9_950, currency: 'CNY' }, activeFrom: null, activeTo: null,
      priority: 5, stop: true, createdAt: '', updatedAt: '' };
    expect(ruleDraftOf(rule as never)).toEqual({ ...emptyRule(), name: 'Gold week', trigger: 'RETURN_WINDOW_CLOSED', returnWindowDays: '7',
      multiplier: '1.5', minimum: '99.50', priority: '5', stop: true });
    expect(ruleProblems(ruleDraftOf(rule as never))).toEqual([]);
  });
});
