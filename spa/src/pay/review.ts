import type { Money } from '../money';

/** A rule that found something in a held payment, as risk control explains it. */
export interface Hit { rule: string; points: number; explanation: string }

/**
 * The rules behind a score, the heaviest first, each with its share of the score (0 to 1) so the
 * console can show what weighed most; rules that added nothing are left out.
 */
export function hitsByWeight(hits: Hit[], score: number): (Hit & { share: number })[] {
  return hits.filter((h) => h.points > 0)
    .map((h) => ({ ...h, share: score > 0 ? Math.min(1, h.points / score) : 0 }))
    .sort((a, b) => b.points - a.points || a.rule.localeCompare(b.rule));
}

export type DayProblem = 'day' | 'future' | 'order';

/** A day as yyyy-mm-dd that exists on the calendar. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A day to reconcile: a real date, not after {@code today} (China's date, as pay counts days). */
export function reconciliationDay(text: string, today: string): { day: string } | { problem: DayProblem } {
  const day = text.trim();
  if (!isDay(day)) return { problem: 'day' };
  return day > today ? { problem: 'future' } : { day };
}

/** The report listing's days: either may be left empty (pay's default: the last 30 days), and from is not after to. */
export function reportRange(from: string, to: string): { from: string; to: string } | { problem: DayProblem } {
  if ((from && !isDay(from)) || (to && !isDay(to))) return { problem: 'day' };
  return from && to && from > to ? { problem: 'order' } : { from, to };
}

/** Today's date in China (pay's statements and reconciliation count days there), as yyyy-mm-dd. */
export function chinaToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** How a mismatch's two amounts differ (the channel's less ours), when both sides have the line. */
export function difference(ours: Money | null, theirs: Money | null): Money | null {
  if (!ours || !theirs || ours.currency !== theirs.currency) return null;
  return { amountMinor: theirs.amountMinor - ours.amountMinor, currency: ours.currency };
}

/** How many mismatches of each kind a report found, the commonest first. */
export function mismatchCounts(mismatches: { kind: string }[]): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of mismatches) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
