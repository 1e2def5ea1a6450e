import { describe, expect, test } from 'vitest';
import { emptyLottery, emptyPrize, lotteryProblems, lotteryRequestOf } from '../../src/lottery/lotteryDraft';
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
