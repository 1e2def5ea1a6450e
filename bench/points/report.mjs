// What one phase achieved and how it is printed: requests a second, p50/p95/p99/max latency,
// errors by kind, and the CPU-seconds of loyalty, the database and the rest of the mall.
import { percentile } from '../checkout/report.mjs';

/** An open-model phase keeps up when it answers this share of the arrival rate, with no error. */
const KEEPS_UP = 0.95;
/** The target: check-ins at this share of the bare ceiling or more, with p99 at most P99_MS. */
export const TARGET = { share: 0.3, p99Ms: 100 };

function errorsOf(results) {
  const errors = new Map();
  for (const r of results.filter((x) => !x.ok)) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
  return errors;
}

function latencyOf(results) {
  const ms = results.filter((r) => r.ok).map((r) => r.ms);
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: ms.length ? Math.max(...ms) : NaN };
}

/** Requests that were due in the window, and the successful answers that arrived in it. */
export function summarizeOpen({ results, window, lateBy, cpu }, { name, rate, duration }) {
  const measured = results.filter((r) => r.dueAt >= window.start && r.dueAt < window.end);
  const answered = results.filter((r) => r.ok && r.doneAt >= window.start && r.doneAt < window.end).length;
  const errors = errorsOf(measured);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const achieved = answered / duration;
  return {
    name, rate, duration, arrived: measured.length, achieved, errors, errorCount, latency: latencyOf(measured), lateBy, cpu,
    keepsUp: achieved >= KEEPS_UP * rate && errorCount === 0,
  };
}

/** Requests that ended in the window. */
export function summarizeClosed({ results, cpu }, { name, concurrency, duration }) {
  const errors = errorsOf(results);
  return {
    name, concurrency, duration, arrived: results.length, achieved: results.filter((r) => r.ok).length / duration, errors,
    errorCount: [...errors.values()].reduce((a, b) => a + b, 0), latency: latencyOf(results), cpu,
  };
}

/** Whether a check-in phase meets the target against the ceiling. */
export function verdict(checkIns, ceiling) {
  const ratio = checkIns.achieved / ceiling.achieved;
  return { ratio, met: ratio >= TARGET.share && checkIns.latency.p99 <= TARGET.p99Ms && checkIns.keepsUp };
}

const ms = (v) => (Number.isNaN(v) ? '-' : v.toFixed(1)).padStart(8);
const SHOWN_CPU = ['loyalty', 'postgres', 'edge (apps supervisor JVM)', 'redis', 'kafka'];

export function printPhase(s) {
  const { duration } = s;
  const per = s.rate === undefined ? `${s.concurrency} callers` : `arrival rate ${s.rate}/s, ${s.arrived} due in the window`;
  console.log(`  ${s.achieved.toFixed(1)} answered/s (${per})`
    + (s.lateBy ? `; generator start lag p99 ${percentile(s.lateBy, 99).toFixed(1)} ms` : ''));
  console.log(`  latency, ms (answered as expected): n ${s.latency.n}, p50${ms(s.latency.p50)}, p95${ms(s.latency.p95)}, `
    + `p99${ms(s.latency.p99)}, max${ms(s.latency.max)}`);
  if (s.errorCount === 0) console.log('  errors: none');
  else {
    console.log(`  errors: ${s.errorCount}, by kind:`);
    [...s.errors].sort((a, b) => b[1] - a[1]).forEach(([kind, n]) => console.log(`    ${String(n).padStart(7)}  ${kind}`));
  }
  const answered = s.achieved * duration;
  const perRequest = (seconds) => (answered ? `${((seconds * 1000) / answered).toFixed(2)} CPU-ms per answer` : '');
  const parts = SHOWN_CPU.map((name) => s.cpu.servers.find((x) => x.name === name)).filter((x) => x && x.seconds !== null);
  console.log(`  CPU-seconds in the ${duration} s window (1.0 = one core for a second):`);
  for (const p of parts) console.log(`    ${p.name.padEnd(30)}${p.seconds.toFixed(2).padStart(7)}   ${perRequest(p.seconds)}`);
  console.log(`    ${'whole mall'.padEnd(30)}${s.cpu.mall.toFixed(2).padStart(7)}   ${perRequest(s.cpu.mall)}`);
  console.log(`    ${'this load generator'.padEnd(30)}${s.cpu.generator.toFixed(2).padStart(7)}`);
  console.log(`    ${'everything else on the machine'.padEnd(30)}${s.cpu.others.toFixed(2).padStart(7)}   (figures are noisy unless near 0)`);
}

/** One line per phase, for the closing table. */
export function printSummary(rows) {
  console.log(`  ${'phase'.padEnd(30)}${'answered/s'.padStart(11)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}`
    + `${'errors'.padStart(8)}${'loyalty'.padStart(9)}${'postgres'.padStart(9)}  (CPU-ms per answer)`);
  for (const [label, s] of rows) {
    const answered = s.achieved * s.duration;
    const cpuOf = (name) => {
      const p = s.cpu.servers.find((x) => x.name === name);
      return p && p.seconds !== null && answered ? ((p.seconds * 1000) / answered).toFixed(2) : '-';
    };
    console.log(`  ${label.padEnd(30)}${s.achieved.toFixed(1).padStart(11)}${ms(s.latency.p50)}${ms(s.latency.p95)}`
      + `${ms(s.latency.p99)}${String(s.errorCount).padStart(8)}${cpuOf('loyalty').padStart(9)}${cpuOf('postgres').padStart(9)}`);
  }
}
