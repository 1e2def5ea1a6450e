import { describe, expect, test } from 'vitest';
import { chosenShipping } from '../../src/addresses/shipping';
import type { ShippingOptionView } from '../../src/api';

const option = (name: 'STANDARD' | 'EXPRESS', feeMinor: number): ShippingOptionView => ({
  option: name, zone: 'MAINLAND', weightGrams: 500, fee: { amountMinor: feeMinor, currency: 'CNY' }, freeFrom: null, minDays: 1, maxDays: 2,
});

describe('the delivery service checkout sends', () => {
  test('is the one picked while the address is served by it', () => {
    expect(chosenShipping([option('STANDARD', 0), option('EXPRESS', 1500)], 'EXPRESS')).toBe('EXPRESS');
  });

  test('falls back to the cheapest offered when the address is not served by the one picked', () => {
    expect(chosenShipping([option('EXPRESS', 18000)], 'STANDARD')).toBe('EXPRESS');
  });

  test('stays as picked while the options are not known yet', () => {
    expect(chosenShipping(undefined, 'EXPRESS')).toBe('EXPRESS');
    expect(chosenShipping([], 'STANDARD')).toBe('STANDARD');
  });
});
