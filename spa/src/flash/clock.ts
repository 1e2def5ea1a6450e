/**
 * A flash sale's countdown on the server's clock, not the shopper's: a phone whose clock is minutes
 * wrong still sees the sale open when the server opens it. Every answer of stock's flash-sale API
 * carries `serverTime`; with when the request left and when its answer came, it gives how far the
 * server's clock is ahead of this one. Pure arithmetic on milliseconds, so it is tested without a clock.
 */

/** Sale tokens are issued from this long before the start (stock's `quarkmall.flash-sale.token-window`). */
export const TOKEN_WINDOW_MS = 60_000;

/** What the server said its clock read, and when (this clock, ms) the request left and its answer came. */
export interface ClockReading {
  serverTime: string;
  sentAt: number;
  receivedAt: number;
}

/**
 * How far the server's clock is ahead of this one, in ms (negative when behind). The server read its
 * clock somewhere during the round trip; halfway is the best guess, so the answer's time is corrected
 * by half the round trip, and the error is at most half of it.
 */
export function clockOffset({ serverTime, sentAt, receivedAt }: ClockReading): number {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) throw new Error(`not a time: ${serverTime}`);
  const roundTrip = Math.max(0, receivedAt - sentAt);
  return server - (receivedAt - roundTrip / 2);
}

/** An answer and the offset of the server's clock measured with it. */
export interface Synced<T> {
  data: T;
  offsetMs: number;
}

/**
 * Asks {@code fetch} and measures the server's clock on the way: {@code serverTimeOf} finds the
 * time in the answer (none in an empty list: the offset is then 0, and nothing needs it).
 */
export async function synced<T>(fetch: () => Promise<T>, serverTimeOf: (data: T) => string | undefined,
  now: () => number = Date.now): Promise<Synced<T>> {
  const sentAt = now();
  const data = await fetch();
  const receivedAt = now();
  const serverTime = serverTimeOf(data);
  return { data, offsetMs: serverTime === undefined ? 0 : clockOffset({ serverTime, sentAt, receivedAt }) };
}

/** Where a sale stands at a moment of the server's clock. */
export type SalePhase = 'UPCOMING' | 'LIVE' | 'ENDED';

export interface SaleWindow {
  startsAt: string;
  endsAt: string;
}

/** The phase at {@code serverNow} (ms), as stock decides it: live from the start (included) to the end (excluded). */
export function phaseAt(sale: SaleWindow, serverNow: number): SalePhase {
  if (serverNow < Date.parse(sale.startsAt)) return 'UPCOMING';
  return serverNow < Date.parse(sale.endsAt) ? 'LIVE' : 'ENDED';
}

/** Whether stock issues sale tokens at {@code serverNow}: from {@code windowMs} before the start on. */
export function tokenWindowOpen(sale: SaleWindow, serverNow: number, windowMs: number = TOKEN_WINDOW_MS): boolean {
  return serverNow >= Date.parse(sale.startsAt) - windowMs;
}

/** A span of time as a countdown shows it. */
export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * What is left of {@code ms} in whole seconds, rounded up: a countdown reads 00:00:01 until the last
 * millisecond and 00:00:00 only at the moment itself (never negative).
 */
export function countdown(ms: number): Countdown {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor(total / 3_600) % 24,
    minutes: Math.floor(total / 60) % 60,
    seconds: total % 60,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "01:02:03", or the days apart ("2", "04:05:06") for a sale days away. */
export function clockText(left: Countdown): { days: number; time: string } {
  return { days: left.days, time: `${two(left.hours)}:${two(left.minutes)}:${two(left.seconds)}` };
}
