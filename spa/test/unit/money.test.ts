import { describe, expect, test } from 'vitest';
import { amountText, formatMoney, parseAmount } from '../../src/money';

describe('money', () => {
  test('amounts typed by a merchant become minor units without float rounding', () => {
    expect(parseAmount('128.5', 'CNY')).toBe(12850);
    expect(parseAmount('0.29', 'CNY')).toBe(29);
    expect(parseAmount('19.99', 'USD')).toBe(1999);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
  });

  test('what is not a positive amount of the currency is refused', () => {
    expect(parseAmount('0', 'CNY')).toBeNull();
    expect(parseAmount('1.234', 'CNY')).toBeNull();
    expect(parseAmount('1.5', 'JPY')).toBeNull();
    expect(parseAmount('1.5.8', 'CNY')).toBeNull();
    expect(parseAmount('-3', 'CNY')).toBeNull();
    expect(parseAmount('', 'CNY')).toBeNull();
  });

  test('minor units go back to the text a merchant edits', () => {
    expect(amountText(12850, 'CNY')).toBe('128.50');
    expect(amountText(5, 'CNY')).toBe('0.05');
    expect(amountText(1500, 'JPY')).toBe('1500');
  });

  test('amounts are shown in the currency and the reader’s language', () => {
    expect(formatMoney({ amountMinor: 12800, currency: 'CNY' }, 'zh-CN')).toBe('¥128.00');
    expect(formatMoney({ amountMinor: 1999, currency: 'USD' }, 'en')).toBe('$19.99');
  });
});
