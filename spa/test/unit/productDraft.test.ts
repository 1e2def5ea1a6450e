import { describe, expect, test } from 'vitest';
import { attributesOf, draftOf, emptySku, problemsOf, requestOf } from '../../src/pages/console/productDraft';

describe('the product form', () => {
  const valid = {
    names: { 'zh-CN': '龙井', en: 'Longjing', ja: '' },
    skus: [{ code: 'TEA-1', attributes: 'size=250g, grade=A', price: '128', currency: 'CNY', points: '1280', cash: '', limit: '', weight: '' }],
  };

  test('a valid draft becomes the catalog request, names in order and empty ones left out', () => {
    expect(problemsOf(valid)).toEqual({});
    expect(requestOf(valid)).toEqual({
      names: { 'zh-CN': '龙井', en: 'Longjing' },
      skus: [{ sku: 'TEA-1', attributes: { size: '250g', grade: 'A' }, price: { amountMinor: 12800, currency: 'CNY' }, pointsPrice: 1280,
        pointsCash: null, redeemLimitPerShopper: null, weightGrams: null }],
    });
    expect(Object.keys(requestOf(valid).names)).toEqual(['zh-CN', 'en']);
  });

  test('each bad field is named', () => {
    const bad = { names: { 'zh-CN': ' ', en: '', ja: '' }, skus: [{ ...emptySku(), code: 'bad code', price: '1.234', points: 'x', attributes: 'size' }] };
    expect(problemsOf(bad)).toEqual({
      'name-zh-CN': 'required', 'sku-0-code': 'sku', 'sku-0-price': 'price', 'sku-0-points': 'points', 'sku-0-attributes': 'attributes',
    });
  });

  test('attributes accept Chinese commas and refuse parts without a value', () => {
    expect(attributesOf('颜色=红，尺码=M')).toEqual({ 颜色: '红', 尺码: 'M' });
    expect(attributesOf('colour=')).toBeNull();
    expect(attributesOf('')).toEqual({});
  });

  test('a product read back fills the form with the text it was typed as', () => {
    const draft = draftOf({
      id: 1, name: '龙井', names: { 'zh-CN': '龙井' }, status: 'LISTED', createdAt: '',
      skus: [{ sku: 'TEA-1', attributes: { size: '250g' }, price: { amountMinor: 12850, currency: 'CNY' }, pointsPrice: null,
        pointsCash: null, redeemLimitPerShopper: null, weightGrams: 750 }],
    });
    expect(draft.skus[0]).toEqual({ code: 'TEA-1', attributes: 'size=250g', price: '128.50', currency: 'CNY', points: '', cash: '', limit: '',
      weight: '750' });
    expect(draft.names).toEqual({ 'zh-CN': '龙井', en: '', ja: '' });
  });

  test('points-mall terms: points plus money (nothing at all is 0) and a limit, both only with a points price', () => {
    const sku = { ...valid.skus[0], cash: '9.90', limit: '2' };
    expect(requestOf({ ...valid, skus: [sku] }).skus[0]).toMatchObject({ pointsPrice: 1280, pointsCash: { amountMinor: 990, currency: 'CNY' },
      redeemLimitPerShopper: 2 });
    expect(requestOf({ ...valid, skus: [{ ...sku, cash: '0' }] }).skus[0].pointsCash).toEqual({ amountMinor: 0, currency: 'CNY' });
    expect(problemsOf({ ...valid, skus: [{ ...sku, points: '' }] })).toEqual({ 'sku-0-cash': 'cash', 'sku-0-limit': 'limit' });
    expect(problemsOf({ ...valid, skus: [{ ...sku, cash: '1.234', limit: '0' }] })).toEqual({ 'sku-0-cash': 'cash', 'sku-0-limit': 'limit' });
    expect(draftOf({ id: 1, name: 'x', names: {}, status: 'LISTED', createdAt: '', skus: [{ sku: 'MUG-1', attributes: {},
      price: { amountMinor: 5000, currency: 'CNY' }, pointsPrice: 3000, pointsCash: { amountMinor: 500, currency: 'CNY' }, redeemLimitPerShopper: 1,
      weightGrams: null }] })
      .skus[0]).toMatchObject({ points: '3000', cash: '5.00', limit: '1' });
  });

  test('a packed weight is whole grams up to 100 kg, and optional', () => {
    expect(requestOf({ ...valid, skus: [{ ...valid.skus[0], weight: ' 1200 ' }] }).skus[0].weightGrams).toBe(1200);
    for (const weight of ['0', '1.5', '-3', 'heavy', '100001']) {
      expect(problemsOf({ ...valid, skus: [{ ...valid.skus[0], weight }] })).toEqual({ 'sku-0-weight': 'weight' });
    }
    expect(problemsOf({ ...valid, skus: [{ ...valid.skus[0], weight: '100000' }] })).toEqual({});
  });
});
