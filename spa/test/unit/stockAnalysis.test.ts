import { describe, expect, test } from 'vitest';
import type { RankedSku, SkuAnalysis } from '../../src/api';
import { abcXyzMatrix, pareto } from '../../src/stock/abc';
import { addDays, daysBetween, demandSeries, sellThroughParts } from '../../src/stock/analysisSeries';

const day = (date: string, units: number) => ({ date, units, revenue: { amountMinor: units * 100, currency: 'CNY' } });
const forecast = (firstDay: string, daily: number[], oneStepAhead: number[]) =>
  ({ method: 'HOLT_WINTERS', alpha: 0.3, beta: 0.1, gamma: 0.2, firstDay, daily, oneStepAhead, residualSd: 1.5 });

describe('the history and forecast series', () => {
  test('calendar days are added across months and years without time zones', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-25', '2026-12-02')).toBe(7);
    expect(daysBetween('2026-12-02', '2026-11-25')).toBe(-7);
  });

  test('the history comes first with its one-step predictions, then the forecast from the day after', () => {
    const series = demandSeries({
      history: [day('2026-11-24', 3), day('2026-11-25', 0), day('2026-11-26', 5)],
      forecast: forecast('2026-11-27', [4.123, 4.5], [2.5, 3.25, 1.004]),
    });
    expect(series.labels).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(series.sold).toEqual([3, 0, 5, null, null]);
    expect(series.predicted).toEqual([2.5, 3.25, 1, null, null]);
    expect(series.forecast).toEqual([null, null, null, 4.12, 4.5]);
  });

  test('a day between the history and the forecast is left empty in every series', () => {
    const series = demandSeries({ history: [day('2026-11-25', 2)], forecast: forecast('2026-11-27', [1], [2]) });
    expect(series.labels).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
    expect(series.sold).toEqual([2, null, null]);
    expect(series.forecast).toEqual([null, null, 1]);
  });

  test('sell-through is a percentage with one decimal, and none when nothing sold and nothing is left', () => {
    expect(sellThroughParts({ unitsSold: 2, endingOnHand: 1, rate: 2 / 3 })).toEqual({ sold: 2, left: 1, percent: 66.7 });
    expect(sellThroughParts({ unitsSold: 0, endingOnHand: 0, rate: null } as SkuAnalysis['sellThrough'])).toEqual({ sold: 0, left: 0, percent: null });
  });
});

const ranked = (sku: string, fen: number, abcClass: RankedSku['abcClass'], xyzClass: RankedSku['xyzClass']): RankedSku =>
  ({ sku, units: fen / 100, revenue: { amountMinor: fen, currency: 'CNY' }, abcClass, xyzClass });

describe('the ABC and XYZ classes', () => {
  test('the Pareto bars run best seller first with their share and the cumulative share of revenue', () => {
    const { bars, totalMinor, currency } = pareto([ranked('C-1', 500, 'C', 'Z'), ranked('A-1', 8000, 'A', 'X'), ranked('B-1', 1500, 'B', 'Y')]);
    expect(totalMinor).toBe(10_000);
    expect(currency).toBe('CNY');
    expect(bars.map((b) => [b.sku, b.share, b.cumulative, b.abcClass])).toEqual([
      ['A-1', 80, 80, 'A'], ['B-1', 15, 95, 'B'], ['C-1', 5, 100, 'C'],
    ]);
  });

  test('with no revenue at all there are no shares to show', () => {
    const { bars, totalMinor } = pareto([ranked('N-2', 0, 'C', 'Z'), ranked('N-1', 0, 'C', 'Z')]);
    expect(totalMinor).toBe(0);
    expect(bars.map((b) => [b.sku, b.share, b.cumulative])).toEqual([['N-1', null, null], ['N-2', null, null]]);
  });

  test('the matrix has all nine cells, row by row, with the SKUs and revenue of each', () => {
    const cells = abcXyzMatrix([ranked('A-1', 8000, 'A', 'X'), ranked('A-2', 1000, 'A', 'X'), ranked('C-1', 500, 'C', 'Z')]);
    expect(cells.map((c) => `${c.abc}${c.xyz}`)).toEqual(['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']);
    expect(cells[0]).toEqual({ abc: 'A', xyz: 'X', skus: ['A-1', 'A-2'], revenueMinor: 9000 });
    expect(cells[8]).toEqual({ abc: 'C', xyz: 'Z', skus: ['C-1'], revenueMinor: 500 });
    expect(cells.filter((c) => c.skus.length === 0)).toHaveLength(7);
  });
});
