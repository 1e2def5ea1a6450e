import { describe, expect, test } from 'vitest';
import { clockOffset, clockText, countdown, phaseAt, synced, tokenWindowOpen } from '../../src/flash/clock';

const at = (iso: string) => Date.parse(iso);
const sale = { startsAt: '2026-11-27T20:00:00Z', endsAt: '2026-11-27T20:10:00Z' };

describe("the server's clock, measured from one answer", () => {
  test('a clock in step with the server, over a 200 ms round trip, is 0 ms off: the server read its clock halfway', () => {
    // Sent at 19:59:00.000 local, answered at 19:59:00.200 local, the server read 19:59:00.100.
    expect(clockOffset({ serverTime: '2026-11-27T19:59:00.100Z', sentAt: at('2026-11-27T19:59:00.000Z'),
      receivedAt: at('2026-11-27T19:59:00.200Z') })).toBe(0);
  });

  test('a client clock 3 minutes fast: the offset is minus 3 minutes, and the countdown still reaches zero at the server\'s start', () => {
    const fast = 3 * 60_000;
    const serverSent = at('2026-11-27T19:59:00.000Z');
    const offset = clockOffset({ serverTime: new Date(serverSent + 40).toISOString(), sentAt: serverSent + fast,
      receivedAt: serverSent + fast + 80 });
    expect(offset).toBe(-fast);
    // At the server's 20:00:00 the client's own clock reads 20:03:00; with the offset, the sale opens then, not 3 minutes early.
    const localAtStart = at(sale.startsAt) + fast;
    expect(phaseAt(sale, localAtStart - 1 + offset)).toBe('UPCOMING');
    expect(phaseAt(sale, localAtStart + offset)).toBe('LIVE');
    // Three minutes before the server's start the client's own clock already reads the start: trusted alone,
    // it would unlock the button 3 minutes early; with the offset, the sale is still upcoming.
    const localThreeMinutesEarly = at(sale.startsAt);
    expect(phaseAt(sale, localThreeMinutesEarly)).toBe('LIVE');
    expect(phaseAt(sale, localThreeMinutesEarly + offset)).toBe('UPCOMING');
    expect(clockText(countdown(at(sale.startsAt) - (localThreeMinutesEarly + offset))).time).toBe('00:03:00');
  });

  test('a client clock 5 minutes slow: the offset is plus 5 minutes, to the round trip\'s half', () => {
    const slow = 5 * 60_000;
    const sentAt = at('2026-11-27T19:00:00.000Z') - slow;
    const offset = clockOffset({ serverTime: '2026-11-27T19:00:00.250Z', sentAt, receivedAt: sentAt + 500 });
    expect(offset).toBe(slow);
  });

  test('a slow answer leaves at most half its round trip of error, whenever the server read its clock', () => {
    const sentAt = 1_000_000;
    const receivedAt = sentAt + 2_000;
    for (const readAfter of [0, 500, 1_000, 1_500, 2_000]) {
      const trueOffset = 42_000;
      const serverTime = new Date(sentAt + readAfter + trueOffset).toISOString();
      expect(Math.abs(clockOffset({ serverTime, sentAt, receivedAt }) - trueOffset)).toBeLessThanOrEqual(1_000);
    }
  });

  test("the services' instants with microseconds are read to the millisecond", () => {
    expect(clockOffset({ serverTime: '2026-11-27T19:00:00.123456Z', sentAt: at('2026-11-27T19:00:00.000Z'),
      receivedAt: at('2026-11-27T19:00:00.000Z') })).toBe(123);
  });

  test('a time that is not one is refused, not taken as 0', () => {
    expect(() => clockOffset({ serverTime: 'soon', sentAt: 0, receivedAt: 0 })).toThrow(/not a time/);
  });

  test('each answer measures the clock again: an answer 2 minutes later on a clock that drifted gives the new offset', async () => {
    let local = at('2026-11-27T19:00:00.000Z');
    const tick = (ms: number) => () => { const now = local; local += ms; return now; };
    const first = await synced(async () => ({ serverTime: '2026-11-27T19:00:00.050Z' }), (d) => d.serverTime, tick(100));
    expect(first.offsetMs).toBe(0);
    local = at('2026-11-27T19:02:00.000Z') + 7_000;
    const second = await synced(async () => ({ serverTime: '2026-11-27T19:02:00.050Z' }), (d) => d.serverTime, tick(100));
    expect(second.offsetMs).toBe(-7_000);
    expect(second.data).toEqual({ serverTime: '2026-11-27T19:02:00.050Z' });
  });

  test('an empty list carries no server time: the offset is 0 and nothing counts down', async () => {
    expect((await synced(async () => [] as { serverTime: string }[], (list) => list[0]?.serverTime)).offsetMs).toBe(0);
  });
});

describe('the phase, the token window and the countdown on the server\'s clock', () => {
  test('live from the start, included, to the end, excluded', () => {
    expect(phaseAt(sale, at(sale.startsAt) - 1)).toBe('UPCOMING');
    expect(phaseAt(sale, at(sale.startsAt))).toBe('LIVE');
    expect(phaseAt(sale, at(sale.endsAt) - 1)).toBe('LIVE');
    expect(phaseAt(sale, at(sale.endsAt))).toBe('ENDED');
  });

  test('the sale token is asked for from 60 s before the start, as stock issues it', () => {
    expect(tokenWindowOpen(sale, at(sale.startsAt) - 60_001)).toBe(false);
    expect(tokenWindowOpen(sale, at(sale.startsAt) - 60_000)).toBe(true);
    expect(tokenWindowOpen(sale, at(sale.startsAt) + 5_000)).toBe(true);
    expect(tokenWindowOpen(sale, at(sale.startsAt) - 30_001, 30_000)).toBe(false);
  });

  test('whole seconds rounded up: one millisecond before the start still reads 00:00:01, the start itself 00:00:00', () => {
    expect(clockText(countdown(1))).toEqual({ days: 0, time: '00:00:01' });
    expect(clockText(countdown(1_000))).toEqual({ days: 0, time: '00:00:01' });
    expect(clockText(countdown(1_001))).toEqual({ days: 0, time: '00:00:02' });
    expect(clockText(countdown(0))).toEqual({ days: 0, time: '00:00:00' });
    expect(clockText(countdown(-5_000))).toEqual({ days: 0, time: '00:00:00' });
  });

  test('minutes, hours and days apart', () => {
    expect(countdown(75_000)).toEqual({ days: 0, hours: 0, minutes: 1, seconds: 15 });
    expect(clockText(countdown(((2 * 24 + 4) * 3600 + 5 * 60 + 6) * 1000))).toEqual({ days: 2, time: '04:05:06' });
    expect(clockText(countdown(24 * 3600 * 1000 - 1))).toEqual({ days: 1, time: '00:00:00' });
  });
});
