import { describe, expect, test } from 'vitest';
import { ApiError } from '../../src/api';
import {
  emptyFlashSale, flashSaleProblems, flashSaleRequest, priceMinorOf, serverProblems, type FlashSaleDraft,
} from '../../src/stock/flashSaleDraft';
import { nonNegative, receiptProblems, transferActions, transferProblems } from '../../src/stock/ledgerForms';
import { stockEn, stockZh, type StockKey } from '../../src/pages/console/stockMessages';

const NOW = new Date('2026-11-27T10:00:00');
const good: FlashSaleDraft = {
  sku: 'TEA-1', quantity: '100', price: '9.9', currency: 'CNY',
  startsAt: '2026-11-28T10:00', endsAt: '2026-11-28T12:00', perShopperLimit: '2',
};

describe('the flash-sale form keeps the rules stock keeps', () => {
  test('a good draft has no problems and becomes stock\'s ScheduleRequest', () => {
    expect(flashSaleProblems(good, NOW)).toEqual({});
    expect(flashSaleRequest(good)).toEqual({
      sku: 'TEA-1', quantity: 100, price: { amountMinor: 990, currency: 'CNY' },
      startsAt: new Date('2026-11-28T10:00').toISOString(), endsAt: new Date('2026-11-28T12:00').toISOString(), perShopperLimit: 2,
    });
  });

  test('an empty form names every field it needs', () => {
    expect(flashSaleProblems(emptyFlashSale(), NOW)).toEqual({
      sku: 'sku', quantity: 'quantity', price: 'price', startsAt: 'date', endsAt: 'date',
    });
  });

  test('quantities and limits are positive whole numbers within stock\'s maxima', () => {
    for (const quantity of ['0', '-1', '1.5', '1000001', 'ten']) {
      expect(flashSaleProblems({ ...good, quantity }, NOW).quantity, quantity).toBe('quantity');
    }
    expect(flashSaleProblems({ ...good, quantity: '1000000' }, NOW).quantity).toBeUndefined();
    expect(flashSaleProblems({ ...good, perShopperLimit: '0' }, NOW).perShopperLimit).toBe('limit');
    expect(flashSaleProblems({ ...good, perShopperLimit: '1001' }, NOW).perShopperLimit).toBe('limit');
    expect(flashSaleProblems({ ...good, sku: 'TEA 1' }, NOW).sku).toBe('sku');
  });

  test('a price may be zero but not negative or finer than the currency', () => {
    expect(priceMinorOf('0', 'CNY')).toBe(0);
    expect(priceMinorOf('12.34', 'CNY')).toBe(1234);
    expect(priceMinorOf('12,5', 'CNY')).toBe(1250);
    expect(priceMinorOf('12.345', 'CNY')).toBeNull();
    expect(priceMinorOf('-1', 'CNY')).toBeNull();
    expect(priceMinorOf('500', 'JPY')).toBe(500);
    expect(priceMinorOf('5.5', 'JPY')).toBeNull();
  });

  test('it starts in the future, ends after it starts, and runs at most seven days', () => {
    expect(flashSaleProblems({ ...good, startsAt: '2026-11-27T10:00' }, NOW).startsAt).toBe('past');
    expect(flashSaleProblems({ ...good, endsAt: '2026-11-28T10:00' }, NOW).endsAt).toBe('order');
    expect(flashSaleProblems({ ...good, endsAt: '2026-12-05T10:00' }, NOW).endsAt).toBeUndefined();
    expect(flashSaleProblems({ ...good, endsAt: '2026-12-05T10:01' }, NOW).endsAt).toBe('tooLong');
  });

  test('stock\'s refusals land at the field they are about', () => {
    const invalid = new ApiError(400, 'Invalid input', 'The request has invalid fields.', 'https://quarkmall.io/problems/invalid-input',
      [{ field: 'amountMinor', message: 'must be greater than or equal to 0' }, { field: 'perShopperLimit', message: 'must be greater than 0' }]);
    expect(serverProblems(invalid)).toEqual({ fields: { price: 'must be greater than or equal to 0', perShopperLimit: 'must be greater than 0' }, general: false });
    const rule = (type: string, detail: string) => new ApiError(409, 'Conflict', detail, `https://quarkmall.io/problems/${type}`);
    expect(serverProblems(rule('flash-sale-starts-in-the-past', 'A flash sale must start in the future')))
      .toEqual({ fields: { startsAt: 'A flash sale must start in the future' }, general: false });
    expect(serverProblems(rule('flash-sale-too-long', 'at most 7 days')).fields).toEqual({ endsAt: 'at most 7 days' });
    expect(serverProblems(rule('flash-sale-too-far-ahead', 'at most 90 days ahead')).fields).toEqual({ startsAt: 'at most 90 days ahead' });
    expect(serverProblems(rule('not-enough-stock', 'No warehouse has 100 of TEA-1 available')).fields)
      .toEqual({ quantity: 'No warehouse has 100 of TEA-1 available' });
    expect(serverProblems(new ApiError(404, 'Not found', 'Stock for SKU TEA-9 was not found', '')).fields).toEqual({ sku: 'Stock for SKU TEA-9 was not found' });
  });

  test('a refusal about no field is shown whole', () => {
    expect(serverProblems(new ApiError(409, 'Conflict', 'Already used', 'https://quarkmall.io/problems/idempotency-key-in-use'))).toEqual({ fields: {}, general: true });
    expect(serverProblems(new ApiError(0, 'Network error', '', 'network'))).toEqual({ fields: {}, general: true });
    expect(serverProblems(new ApiError(400, 'Invalid input', '', '', [{ field: 'body', message: 'must not be null' }])).general).toBe(true);
  });
});

describe('receipts, transfers and counts', () => {
  test('a receipt needs a warehouse and a positive whole number of units', () => {
    expect(receiptProblems({ warehouse: 'DEFAULT', quantity: '5', reference: '' })).toEqual({});
    expect(receiptProblems({ warehouse: '', quantity: '0', reference: '' })).toEqual({ warehouse: 'required', quantity: 'quantity' });
  });

  test('a transfer goes between two different warehouses', () => {
    expect(transferProblems({ from: 'A', to: 'B', quantity: '3', reference: '' })).toEqual({});
    expect(transferProblems({ from: 'A', to: 'A', quantity: '3', reference: '' })).toEqual({ to: 'same' });
    expect(transferProblems({ from: '', to: '', quantity: 'x', reference: '' })).toEqual({ from: 'required', to: 'required', quantity: 'quantity' });
  });

  test('counts and thresholds are whole numbers from zero', () => {
    expect(nonNegative('0')).toBe(0);
    expect(nonNegative(' 12 ')).toBe(12);
    expect(nonNegative('-1')).toBeNull();
    expect(nonNegative('1.5')).toBeNull();
    expect(nonNegative('')).toBeNull();
  });

  test('a transfer offers the steps its status allows', () => {
    expect(transferActions('REQUESTED')).toEqual(['dispatch', 'cancel']);
    expect(transferActions('IN_TRANSIT')).toEqual(['receive']);
    expect(transferActions('RECEIVED')).toEqual([]);
    expect(transferActions('CANCELLED')).toEqual([]);
  });
});

test('every stock text has a Chinese translation with the same placeholders', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(stockEn) as StockKey[]) {
    expect(stockZh[key], key).toBeTruthy();
    expect(placeholders(stockZh[key]), key).toEqual(placeholders(stockEn[key]));
  }
  expect(Object.keys(stockZh).sort()).toEqual(Object.keys(stockEn).sort());
});
