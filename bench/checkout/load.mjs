// The open model: journeys arrive at a constant rate, each on its own schedule, whether or not
// earlier ones have finished, so a slow mall shows as latency and errors, never as fewer
// arrivals. Each journey takes a shopper who has no journey running (their cart is their own),
// the one idle longest. A run is a warm-up, then the measured window; journeys that arrived in
// the window are followed to their end (at most the journey timeout) after it closes.
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuBetween, cpuSnapshot } from './cpu.mjs';
import { journey } from './journey.mjs';

/** Shoppers without a journey in progress, longest idle first. */
export class ShopperPool {
  constructor(shoppers) {
    this.idle = [...shoppers];
    this.used = new Set();
  }

  take() {
    const shopper = this.idle.shift() ?? null;
    if (shopper) this.used.add(shopper.name);
    return shopper;
  }

  giveBack(shopper) {
    this.idle.push(shopper);
  }
}

/**
 * One load step: `rate` arrivals a second for warmup + duration seconds. Returns every journey's
 * result, the window's bounds, how late arrivals were started, and the CPU used in the window.
 */
export async function runLoad({ rate, warmup, duration, timeout, poll, sku, pool, mall }) {
  const gap = 1000 / rate;
  const arrivals = Math.round(rate * (warmup + duration));
  const first = performance.now() + 200;
  const window = { start: first + warmup * 1000, end: first + (warmup + duration) * 1000 };
  const cpu = {};
  const at = (time) => sleep(Math.max(0, time - performance.now()));
  const snapshots = [
    at(window.start).then(() => { cpu.before = cpuSnapshot(mall); }),
    at(window.end).then(() => { cpu.after = cpuSnapshot(mall); }),
  ];
  const results = [];
  const running = [];
  const lateBy = [];
  for (let i = 0; i < arrivals; i++) {
    const due = first + i * gap;
    await at(due);
    lateBy.push(performance.now() - due);
    const shopper = pool.take();
    if (!shopper) {
      results.push({ scheduledAt: due, steps: {}, requests: 0, paidAt: null, endToEnd: null,
        error: 'generator: no idle shopper (raise --shoppers)' });
      continue;
    }
    running.push(journey({ shopper, sku, scheduledAt: due, deadline: due + timeout * 1000, pollMs: poll })
      .then((result) => {
        pool.giveBack(shopper);
        results.push(result);
      }));
  }
  await Promise.all(snapshots);
  await Promise.all(running);
  return { results, window, lateBy, cpu: cpuBetween(cpu.before, cpu.after) };
}
