import type { PointsAccount, PointsEntry } from '../api';

/** Entries asked for at a time: the account's first page, then older ones on request. */
export const HISTORY_PAGE = 20;

/** The next page of the history to ask for, or undefined when the last one was not full (nothing older). */
export function nextHistoryPage(last: PointsAccount, pages: PointsAccount[]): number | undefined {
  return last.entries.length < HISTORY_PAGE ? undefined : pages.length;
}

/**
 * The pages' entries in order, newest first, each once: an entry written while older pages are
 * read shifts every page by one, so the same entry can come back at the top of the next page.
 */
export function historyOf(pages: PointsAccount[]): PointsEntry[] {
  const byId = new Map<number, PointsEntry>();
  for (const entry of pages.flatMap((p) => p.entries)) {
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
  }
  return [...byId.values()];
}

/** The points shown with their sign: +158, −300 (a true minus sign, read as "minus" by screen readers). */
export function signedPoints(points: number, lang: string): string {
  const digits = Math.abs(points).toLocaleString(lang);
  return points >= 0 ? `+${digits}` : `\u2212${digits}`;
}
