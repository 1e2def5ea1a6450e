// The two ways bench/points loads loyalty. The open model: requests arrive at a constant rate,
// whether or not earlier ones have answered, and each is timed from the moment it was due, so a
// slow service (or a late generator) shows as latency, never as fewer arrivals. The closed loop:
// a fixed number of callers, each sending its next request as soon as the last one answered, which
// finds how many requests a second the service can answer at all.
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuBetween, cpuSnapshot } from '../checkout/cpu.mjs';

/**
 * When each request is due, in ms from the start: during the warm-up the rate rises evenly from a
 * tenth of `rate` to `rate` (a cold service meets its full rate only once its code is compiled,
 * instead of starting the window with a queue it cannot work off), then `rate` for `duration` s.
 */
export function arrivals(rate, warmup, duration) {
  const due = [];
  for (let t = 0; t < warmup * 1000;) {
    due.push(t);
    t += 1000 / (rate * (0.1 + (0.9 * t) / (warmup * 1000)));
  }
  const start = warmup * 1000;
  for (let i = 0; i < Math.round(rate * duration); i++) due.push(start + (i * 1000) / rate);
  return due;
}

/**
 * The `arrivals(rate, warmup, duration)`; `send(i)` makes the i-th request and resolves to
 * { ok, error } (error: a kind, e.g. `HTTP 409 already-checked-in`), never rejects. Returns every
 * request's { dueAt, doneAt, ms, ok, error }, the window, how late the generator started
 * requests, and the CPU used in the window.
 */
export async function openLoop({ rate, warmup, duration, mall, send }) {
  const schedule = arrivals(rate, warmup, duration);
  const first = performance.now() + 200;
  const window = { start: first + warmup * 1000, end: first + (warmup + duration) * 1000 };
  const at = (time) => sleep(Math.max(0, time - performance.now()));
  const cpu = {};
  const snapshots = [
    at(window.start).then(() => { cpu.before = cpuSnapshot(mall); }),
    at(window.end).then(() => { cpu.after = cpuSnapshot(mall); }),
  ];
  const results = [];
  const running = [];
  const lateBy = [];
  for (let i = 0; i < schedule.length; i++) {
    const dueAt = first + schedule[i];
    await at(dueAt);
    lateBy.push(performance.now() - dueAt);
    running.push(send(i).then(({ ok, error }) => {
      const doneAt = performance.now();
      results.push({ dueAt, doneAt, ms: doneAt - dueAt, ok, error });
    }));
  }
  await Promise.all(snapshots);
  await Promise.all(running);
  return { results, window, lateBy, cpu: cpuBetween(cpu.before, cpu.after) };
}

/**
 * `concurrency` callers, each sending `send()` again the moment it answers, for warmup + duration
 * seconds. Returns the requests that ended in the window (timed from their start), the window and
 * the CPU used in it.
 */
export async function closedLoop({ concurrency, warmup, duration, mall, send }) {
  const start = performance.now();
  const window = { start: start + warmup * 1000, end: start + (warmup + duration) * 1000 };
  const cpu = {};
  const snapshots = [
    sleep(warmup * 1000).then(() => { cpu.before = cpuSnapshot(mall); }),
    sleep((warmup + duration) * 1000).then(() => { cpu.after = cpuSnapshot(mall); }),
  ];
  const results = [];
  const caller = async () => {
    while (performance.now() < window.end) {
      const began = performance.now();
      const { ok, error } = await send();
      const doneAt = performance.now();
      if (doneAt >= window.start && doneAt < window.end) results.push({ doneAt, ms: doneAt - began, ok, error });
    }
  };
  await Promise.all([...snapshots, ...Array.from({ length: concurrency }, caller)]);
  return { results, window, cpu: cpuBetween(cpu.before, cpu.after) };
}
