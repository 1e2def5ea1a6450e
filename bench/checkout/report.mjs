// What a load step achieved, and how it is printed: PAID orders a second, latency per step and end
// to end, errors by kind, CPU-seconds per process of the mall in the measured window.
import { STEPS } from './journey.mjs';

/** A step keeps up when its PAID rate follows the arrival rate this closely, with no error or timeout. */
const KEEPS_UP = 0.95;

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Figures of one step: journeys that arrived in the window, PAID orders completed in it. */
export function summarize({ results, window, lateBy, cpu }, { rate, duration }) {
  const inWindow = (t) => t !== null && t >= window.start && t < window.end;
  const measured = results.filter((r) => inWindow(r.scheduledAt));
  const paid = results.filter((r) => inWindow(r.paidAt)).length;
  const errors = new Map();
  for (const r of measured.filter((m) => m.error)) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
  const latency = STEPS.map((step) => [step, measured.map((r) => r.steps[step]).filter((v) => v !== undefined)]);
  latency.push(['end to end', measured.map((r) => r.endToEnd).filter((v) => v !== null)]);
  const completed = measured.filter((r) => r.endToEnd !== null);
  const paidRate = paid / duration;
  const errorCount = measured.length - completed.length;
  return {
    rate, arrived: measured.length, paid, paidRate, errors, errorCount, latency, lateBy, cpu,
    requestsPerOrder: completed.reduce((sum, r) => sum + r.requests, 0) / (completed.length || 1),
    keepsUp: paidRate >= KEEPS_UP * rate && errorCount === 0,
  };
}

const ms = (v) => (Number.isNaN(v) ? '-' : v.toFixed(0)).padStart(7);

export function printStep(s, { duration, poll, timeout }) {
  console.log(`  arrivals: ${s.arrived} journeys arrived in the window (${(s.arrived / duration).toFixed(2)}/s); `
    + `generator start lag p99 ${percentile(s.lateBy, 99).toFixed(1)} ms, max ${Math.max(...s.lateBy).toFixed(1)} ms`);
  console.log(`  PAID: ${s.paid} orders became PAID in the window = ${s.paidRate.toFixed(2)} PAID orders/s `
    + `(arrival rate ${s.rate}/s; ${s.requestsPerOrder.toFixed(1)} HTTP requests per PAID journey)`);
  if (s.errorCount === 0) {
    console.log('  errors: none');
  } else {
    console.log(`  errors: ${s.errorCount} of ${s.arrived} journeys ended without PAID, by kind (step: what happened):`);
    [...s.errors].sort((a, b) => b[1] - a[1]).forEach(([kind, n]) => console.log(`    ${String(n).padStart(6)}  ${kind}`));
  }
  console.log(`  latency, ms (journeys that arrived in the window; waits read the order every ${poll} ms, journey timeout ${timeout} s)`);
  console.log(`    ${'step'.padEnd(16)}${'n'.padStart(7)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'p99'.padStart(7)}${'max'.padStart(7)}`);
  for (const [step, values] of s.latency) {
    console.log(`    ${step.padEnd(16)}${String(values.length).padStart(7)}${ms(percentile(values, 50))}`
      + `${ms(percentile(values, 95))}${ms(percentile(values, 99))}${ms(values.length ? Math.max(...values) : NaN)}`);
  }
  printCpu(s, duration);
}

function printCpu({ cpu, paid }, duration) {
  const perOrder = (seconds) => (paid ? `${((seconds * 1000) / paid).toFixed(0)} CPU-ms per PAID order` : 'no PAID order');
  console.log(`  CPU-seconds in the ${duration} s window (from /proc/<pid>/stat utime+stime; 1.0 = one core busy for a second)`);
  for (const s of [...cpu.servers].sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0))) {
    const what = s.seconds === null ? 'stopped during the window' : s.seconds.toFixed(2).padStart(8);
    const processes = s.processes > 1 ? ` (${s.processes} processes)` : '';
    console.log(`    ${s.name.padEnd(44)}${what}   pid ${s.root}${processes}`);
  }
  console.log(`    ${'mall, all of the above'.padEnd(44)}${cpu.mall.toFixed(2).padStart(8)}   = ${perOrder(cpu.mall)}`);
  console.log(`    ${'this load generator'.padEnd(44)}${cpu.generator.toFixed(2).padStart(8)}`);
  console.log(`    ${'everything else on the machine'.padEnd(44)}${cpu.others.toFixed(2).padStart(8)}   `
    + '(other work competing for the cores: figures are noisy unless this is near 0)');
}
