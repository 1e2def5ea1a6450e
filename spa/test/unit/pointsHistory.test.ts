import { expect, test } from 'vitest';
import type { PointsAccount, PointsEntry } from '../../src/api';
import { HISTORY_PAGE, historyOf, nextHistoryPage, signedPoints } from '../../src/points/history';

const entry = (id: number, points = 10): PointsEntry =>
  ({ id, points, reason: 'EARNED_FOR_ORDER', reference: `order:${id}`, orderId: id, createdAt: '2026-11-27T10:00:00Z' });
const page = (ids: number[]): PointsAccount =>
  ({ balance: 100, held: 0, expiringSoon: { points: 0, before: '2026-12-27T10:00:00Z' }, entries: ids.map((id) => entry(id)) });
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from - i);

test('older entries are offered while the last page came back full, and not after a short one', () => {
  const full = page(ids(100, HISTORY_PAGE));
  expect(nextHistoryPage(full, [full])).toBe(1);
  const second = page(ids(80, HISTORY_PAGE));
  expect(nextHistoryPage(second, [full, second])).toBe(2);
  const short = page(ids(60, 3));
  expect(nextHistoryPage(short, [full, second, short])).toBeUndefined();
  expect(nextHistoryPage(page([]), [page([])])).toBeUndefined();
});

test('an entry pushed onto the next page by a newer one is shown once, in order', () => {
  // Entry 81 was first on page 0; a new entry (101) arrived before page 1 was read, so page 1 starts with 81 again.
  const first = page(ids(100, HISTORY_PAGE));
  const second = page(ids(81, HISTORY_PAGE));
  const shown = historyOf([first, second]).map((e) => e.id);
  expect(shown).toEqual(ids(100, HISTORY_PAGE * 2 - 1));
  expect(new Set(shown).size).toBe(shown.length);
});

test('points carry their sign, a true minus for debits, digits grouped in the reader’s language', () => {
  expect(signedPoints(158, 'en')).toBe('+158');
  expect(signedPoints(-1500, 'en')).toBe('\u22121,500');
  expect(signedPoints(0, 'zh-CN')).toBe('+0');
});
