import { expect, test } from 'vitest';
import { en, zhCN, type MessageKey } from '../../src/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every text has a Chinese translation with the same placeholders', () => {
  for (const key of Object.keys(en) as MessageKey[]) {
    expect(zhCN[key], key).toBeTruthy();
    expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
  }
  expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
});
