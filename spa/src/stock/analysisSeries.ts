import type { SkuAnalysis } from '../api';

/** The history-and-forecast chart's data: one label a day, each series null on days it does not cover. */
export interface DemandSeries {
  labels: string[];
  /** Units sold each day of the history. */
  sold: (number | null)[];
  /** The forecast's one-step-ahead prediction of each day of the history (what it would have said the day before). */
  predicted: (number | null)[];
  /** Units a day the forecast expects from its first day on. */
  forecast: (number | null)[];
}

const DAY_MS = 86_400_000;

/** "2026-11-27" plus {@code days} days, as a date of the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from {@code a} to {@code b} (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

const rounded = (n: number) => Math.round(n * 100) / 100;

/**
 * The days of the history, then the forecast's days (any day between them left empty), with the
 * units sold and predicted on the history's days and the forecast on its own.
 */
export function demandSeries(view: Pick<SkuAnalysis, 'history' | 'forecast'>): DemandSeries {
  const { history, forecast } = view;
  const first = history[0]?.date ?? forecast.firstDay;
  const lastForecast = addDays(forecast.firstDay, forecast.daily.length - 1);
  const lastHistory = history.at(-1)?.date ?? first;
  const last = daysBetween(lastHistory, lastForecast) > 0 ? lastForecast : lastHistory;
  const length = daysBetween(first, last) + 1;
  const labels = Array.from({ length }, (_, i) => addDays(first, i));
  const sold: (number | null)[] = new Array(length).fill(null);
  const predicted: (number | null)[] = new Array(length).fill(null);
  const expected: (number | null)[] = new Array(length).fill(null);
  history.forEach((day, i) => {
    const at = daysBetween(first, day.date);
    sold[at] = day.units;
    const prediction = forecast.oneStepAhead[i];
    if (prediction !== undefined) predicted[at] = rounded(prediction);
  });
  forecast.daily.forEach((units, i) => {
    const at = daysBetween(first, forecast.firstDay) + i;
    if (at >= 0 && at < length) expected[at] = rounded(units);
  });
  return { labels, sold, predicted, forecast: expected };
}

/** Sell-through as the doughnut shows it: units sold and units left, and the rate as a whole percentage (null when none). */
export function sellThroughParts(sellThrough: SkuAnalysis['sellThrough']): { sold: number; left: number; percent: number | null } {
  const rate = sellThrough.rate;
  return {
    sold: sellThrough.unitsSold,
    left: sellThrough.endingOnHand,
    percent: rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10,
  };
}
