// Payments under load, open model, through the sandbox channels (card, Alipay, WeChat Pay) with the
// duplicate-notification storm running: prepared orders are paid at a constant rate through the
// edge with real tokens; prints per channel settled payments a second, p50/p95/p99 of the POST and
// of start to CAPTURED, errors by kind, the duplicates sent, the double charges found afterwards in
// pay's admin API, the mall's CPU per payment, and how to reproduce the run.
//
//   ./mall up && node bench/pay/pay.mjs --rate 20 --seconds 30
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuBetween, cpuSnapshot, findMall } from '../checkout/cpu.mjs';
import { delist, EDGE, listBenchProduct, mallVersion, MERCHANT } from '../checkout/mall.mjs';
import { percentile } from '../checkout/report.mjs';
import { RunShoppers } from '../points/shoppers.mjs';
import { cancelOrder, prepareOrders } from './orders.mjs';
import { pay, STEPS } from './payment.mjs';
import { alipayDeliveries, checkCharges, Storm } from './storm.mjs';

const OPTIONS = {
  rate: { type: 'string', default: '20' }, // payments arriving a second (all channels together)
  seconds: { type: 'string', default: '30' }, // seconds measured
  warmup: { type: 'string', default: '5' }, // seconds of payments before the window, not measured
  channels: { type: 'string', default: 'card,alipay,wechat' }, // arrivals take them in turn
  'dup-rate': { type: 'string', default: '20' }, // replayed Alipay notifications a second; 0: no storm at all
  poll: { type: 'string', default: '100' }, // ms between reads of a pending payment
  timeout: { type: 'string', default: '30' }, // seconds a payment may take from its arrival
  'per-shopper': { type: 'string', default: '3' }, // orders (payments) per shopper
};
const CHANNELS = ['card', 'alipay', 'wechat'];
const ms = (v) => (Number.isNaN(v) ? '-' : v.toFixed(0)).padStart(7);

const { values } = parseArgs({ options: OPTIONS, strict: true });
const opts = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, k === 'channels' ? v : Number(v)]));
const channels = opts.channels.split(',').map((c) => c.trim()).filter(Boolean);
if (!channels.length || channels.some((c) => !CHANNELS.includes(c))) throw new Error(`--channels takes ${CHANNELS.join(',')}`);
// Risk control adds points from the 4th attempt of a shopper in 10 minutes; at the 11th in an hour a payment is held for review.
if (opts['per-shopper'] < 1 || opts['per-shopper'] > 3) throw new Error('--per-shopper is 1 to 3 (risk control counts a shopper\'s attempts)');

const mall = findMall();
if (!mall.servers.some((s) => s.name.startsWith('edge'))) {
  console.error(`No mall answers on ${EDGE}: start it first (./mall up).`);
  process.exit(1);
}
console.log(`bench/pay: payments arriving at a constant rate (open model) through the edge, ${EDGE}; mall at ${mallVersion()}`);
console.log(`  machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} at the start`);
if (mall.missing.length) console.log(`  not running (no CPU figures): ${mall.missing.join(', ')}`);

const count = Math.round(opts.rate * (opts.warmup + opts.seconds));
const shoppers = new RunShoppers('pay');
let product;
let orders = [];
const results = [];
try {
  console.log(`\npreparing ${count} orders awaiting payment (${opts['per-shopper']} a shopper), not measured:`);
  await shoppers.add(Math.ceil(count / opts['per-shopper']));
  product = await listBenchProduct(shoppers.all[0].token);
  ({ orders } = await prepareOrders({
    shoppers: shoppers.all, count, perShopper: opts['per-shopper'], channels, sku: product.sku, duplicates: opts['dup-rate'] > 0,
  }));
  await shoppers.refresh(shoppers.all, opts.warmup + opts.seconds + opts.timeout + 120);

  console.log(`\n${opts.rate} payments/s (${channels.join(', ')} in turn) for ${opts.seconds} s after ${opts.warmup} s of warm-up; `
    + `${opts['dup-rate'] ? `duplicate notifications: ${opts['dup-rate']}/s replayed Alipay ones, and every wallet trade notified twice by its sandbox` : 'no duplicate notifications'}`);
  const run = await runLoad();
  report(run);
} finally {
  const unpaid = orders.filter((o) => !results.some((r) => r.orderId === o.orderId && r.capturedAt !== null));
  for (let i = 0; i < unpaid.length; i += 8) await Promise.all(unpaid.slice(i, i + 8).map(cancelOrder));
  if (product) await delist(product);
  await shoppers.delete();
}
console.log(`\nreproduce: ./mall up && node bench/pay/pay.mjs ${Object.keys(OPTIONS).map((n) => `--${n} ${opts[n]}`).join(' ')}`);

/** The open model: payments arrive every 1/rate s whether or not earlier ones have finished; the storm runs through the window. */
async function runLoad() {
  const gap = 1000 / opts.rate;
  const first = performance.now() + 200;
  const since = Date.now() - 1000;
  const window = { start: first + opts.warmup * 1000, end: first + (opts.warmup + opts.seconds) * 1000 };
  const at = (time) => sleep(Math.max(0, time - performance.now()));
  const cpu = {};
  const paidAlipay = [];
  const storm = new Storm(paidAlipay);
  const background = [
    at(window.start).then(() => { cpu.before = cpuSnapshot(mall); }),
    at(window.end).then(() => { cpu.after = cpuSnapshot(mall); }),
    opts['dup-rate'] > 0 && channels.includes('alipay') ? storm.run({ rate: opts['dup-rate'], ...window }) : null,
  ];
  const running = [];
  const lateBy = [];
  for (let i = 0; i < count; i++) {
    const due = first + i * gap;
    await at(due);
    lateBy.push(performance.now() - due);
    const order = orders[i];
    if (!order) {
      results.push({ channel: channels[i % channels.length], scheduledAt: due, steps: {}, capturedAt: null, error: 'generator: no prepared order' });
      continue;
    }
    running.push(pay({ order, scheduledAt: due, deadline: due + opts.timeout * 1000, pollMs: opts.poll }).then((r) => {
      results.push(r);
      if (r.capturedAt !== null && r.channel === 'alipay') paidAlipay.push(r);
    }));
  }
  await Promise.all(background);
  await Promise.all(running);
  const used = new Set(orders.slice(0, count).map((o) => o.orderId));
  const verdict = await checkCharges(used, { since });
  const deliveries = await alipayDeliveries(results.filter((r) => r.channel === 'alipay' && r.capturedAt !== null).map((r) => r.orderId));
  return { window, lateBy, cpu: cpuBetween(cpu.before, cpu.after), storm, verdict, deliveries };
}

function report({ window, lateBy, cpu, storm, verdict, deliveries }) {
  const inWindow = (t) => t !== null && t !== undefined && t >= window.start && t < window.end;
  const measured = results.filter((r) => inWindow(r.scheduledAt));
  console.log(`  arrivals: ${measured.length} payments arrived in the window (${(measured.length / opts.seconds).toFixed(2)}/s); `
    + `generator start lag p99 ${percentile(lateBy, 99).toFixed(1)} ms, max ${Math.max(...lateBy).toFixed(1)} ms`);
  let settledAll = 0;
  for (const channel of channels) {
    const mine = measured.filter((r) => r.channel === channel);
    const settled = results.filter((r) => r.channel === channel && inWindow(r.capturedAt)).length;
    settledAll += settled;
    console.log(`\n  ${channel}: ${mine.length} arrived; ${settled} became CAPTURED in the window = ${(settled / opts.seconds).toFixed(2)} payments/s`);
    const errors = new Map();
    for (const r of mine.filter((m) => m.error)) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
    if (!errors.size) console.log('    errors: none');
    else {
      console.log(`    errors: ${mine.filter((m) => m.error).length} of ${mine.length} ended without CAPTURED, by kind (step: what happened):`);
      [...errors].sort((a, b) => b[1] - a[1]).forEach(([kind, n]) => console.log(`      ${String(n).padStart(6)}  ${kind}`));
    }
    console.log(`    ${'latency, ms'.padEnd(20)}${'n'.padStart(7)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'p99'.padStart(7)}${'max'.padStart(7)}`);
    for (const step of STEPS) {
      const v = mine.map((r) => r.steps[step]).filter((x) => x !== undefined);
      if (!v.length) continue;
      console.log(`    ${step.padEnd(20)}${String(v.length).padStart(7)}${ms(percentile(v, 50))}${ms(percentile(v, 95))}`
        + `${ms(percentile(v, 99))}${ms(Math.max(...v))}`);
    }
  }
  console.log(`\n  all channels: ${settledAll} CAPTURED in the window = ${(settledAll / opts.seconds).toFixed(2)} payments/s (arrival rate ${opts.rate}/s)`);
  console.log('    (post: the POST /api/pay/payments answer; cashier: the wallet sandbox\'s "Pay"; notified: from "Pay" answered '
    + `until the payment reads CAPTURED, read every ${opts.poll} ms; start to CAPTURED: from the arrival's due time)`);

  const scripted = results.filter((r) => r.channel !== 'card' && r.capturedAt !== null).length;
  console.log('\n  duplicate notifications:');
  if (opts['dup-rate'] === 0) console.log('    none (--dup-rate 0)');
  else {
    console.log(`    scripted: ${scripted} paid wallet trades of the run (warm-up included) notified twice at once by their sandbox = ${scripted} duplicates`);
    if (!channels.includes('alipay')) console.log('    replayed: none (only Alipay notifications can be replayed; alipay is not in --channels)');
    else {
      console.log(`    replayed: ${storm.sent} signed Alipay notifications sent again in the window (${(storm.sent / opts.seconds).toFixed(2)}/s, `
        + `${storm.skipped} ticks before any trade was paid), p50 ${ms(percentile(storm.latency, 50)).trim()} / p99 `
        + `${ms(percentile(storm.latency, 99)).trim()} ms; pay answered:`);
      [...storm.answers].sort((a, b) => b[1] - a[1]).forEach(([kind, n]) => console.log(`      ${String(n).padStart(6)}  ${kind}`));
    }
  }

  if (deliveries.trades) {
    console.log(`    the Alipay sandbox's own notifications of the ${deliveries.trades} paid Alipay trades: ${deliveries.notifications} sent, `
      + `${deliveries.tries} tries (a try is repeated until pay answers "success"), ${deliveries.unacknowledged} never acknowledged`);
  }
  console.log(`\n  charges (pay's admin API, ${verdict.orders} orders of the run, warm-up included):`);
  console.log(`    exactly one kept CAPTURED payment and no refund: ${verdict.exactlyOne}`);
  console.log(`    no payment that took money (their payment failed or timed out): ${verdict.unpaid}`);
  console.log(`    double charges (more than one payment took money): ${verdict.doubleCharges}`);
  console.log(`    orders with a refund: ${verdict.refunded}; with a surplus payment: ${verdict.surplus}`);
  verdict.examples.forEach((e) => console.log(`      ${e}`));

  console.log(`\n  CPU-seconds in the ${opts.seconds} s window (from /proc/<pid>/stat; the wallet sandboxes run in the infra supervisor JVM)`);
  for (const s of [...cpu.servers].sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0))) {
    console.log(`    ${s.name.padEnd(44)}${s.seconds === null ? 'stopped during the window' : s.seconds.toFixed(2).padStart(8)}`);
  }
  const perPayment = settledAll ? ` = ${((cpu.mall * 1000) / settledAll).toFixed(0)} CPU-ms per CAPTURED payment (storm included)` : '';
  console.log(`    ${'mall, all of the above'.padEnd(44)}${cpu.mall.toFixed(2).padStart(8)}${perPayment}`);
  console.log(`    ${'this load generator'.padEnd(44)}${cpu.generator.toFixed(2).padStart(8)}`);
  console.log(`    ${'everything else on the machine'.padEnd(44)}${cpu.others.toFixed(2).padStart(8)}`);
}
