// Checkout under load, open model: journeys (cart, checkout, wait for the stock hold, pay, wait
// for PAID) arrive at a constant rate against the running mall, with real tokens; prints PAID
// orders a second, latency per step, errors by kind, the mall's CPU by process, and how to
// reproduce the run. With --ceiling, steps the rate up until the mall stops keeping up.
//
//   ./mall up && node bench/checkout/checkout.mjs --rate 10 --duration 60 --warmup 15
//   ./mall up && node bench/checkout/checkout.mjs --ceiling --rate 10 --step 5
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { findMall } from './cpu.mjs';
import { runLoad, ShopperPool } from './load.mjs';
import { bypassEdge, delist, EDGE, emptyCart, ensureShoppers, inBatches, listBenchProduct, mallVersion, MERCHANT, shopperName, signIn } from './mall.mjs';
import { percentile, printStep, summarize } from './report.mjs';

const OPTIONS = {
  rate: { type: 'string', default: '10' }, // journeys arriving per second (the first step with --ceiling)
  duration: { type: 'string', default: '60' }, // seconds measured (per step)
  warmup: { type: 'string', default: '15' }, // seconds of load before the window (per step)
  ceiling: { type: 'boolean', default: false },
  step: { type: 'string', default: '5' }, // --ceiling: rate added per step
  'max-rate': { type: 'string', default: '200' }, // --ceiling: the last step tried
  shoppers: { type: 'string' }, // default: enough for 20 s of arrivals at the step's rate
  poll: { type: 'string', default: '200' }, // ms between reads of the order while waiting
  timeout: { type: 'string', default: '30' }, // seconds a journey may take from its arrival
  direct: { type: 'boolean', default: false }, // straight to each service's port, bypassing the edge
};
/** Each shopper has one journey at a time; with this many seconds of arrivals in shoppers, a shopper's next journey comes 20 s later. */
const SHOPPER_SECONDS = 20;

const { values } = parseArgs({ options: OPTIONS, strict: true });
const opts = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? Number(v) : v]));
if (opts.poll < 100) throw new Error('--poll below 100 ms would take a shopper past the 1200 requests a minute a user may make');
const shoppersFor = (rate) => opts.shoppers ?? Math.max(10, Math.ceil(rate * SHOPPER_SECONDS));
const rates = [opts.rate];
while (opts.ceiling && rates.at(-1) + opts.step <= opts['max-rate']) rates.push(rates.at(-1) + opts.step);

const mall = findMall();
if (!mall.servers.some((s) => s.name.startsWith('edge'))) {
  console.error(`No mall answers on ${EDGE}: start it first (./mall up).`);
  process.exit(1);
}
if (opts.direct) bypassEdge();
const route = opts.direct ? 'straight to each service (127.0.0.1:8081-8086, bypassing the edge)' : `through the edge, ${EDGE}`;
console.log(`bench/checkout: checkout journeys arriving at a constant rate (open model) ${route}; mall at ${mallVersion()}`);
console.log(`  machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} at the start`);
if (mall.missing.length) console.log(`  not running (no CPU figures): ${mall.missing.join(', ')}`);

const shoppers = [];
let product;
try {
  const summaries = [];
  for (const rate of rates) {
    await prepareShoppers(shoppersFor(rate), opts.warmup + opts.duration + opts.timeout + 60);
    product ??= await listBenchProduct(shoppers[0].token);
    const pool = new ShopperPool(shoppers.slice(0, shoppersFor(rate)));
    console.log(`\n${rate} journeys/s for ${opts.duration} s after ${opts.warmup} s of warm-up: product ${product.sku} `
      + `of ${MERCHANT}, ${pool.idle.length} shoppers in the pool (${shopperName(1)} …)`);
    const run = await runLoad({ ...opts, rate, sku: product.sku, pool, mall });
    const summary = summarize(run, { rate, duration: opts.duration });
    console.log(`  shoppers: ${pool.used.size} used, each with one journey at a time`);
    printStep(summary, opts);
    summaries.push(summary);
    if (opts.ceiling && !summary.keepsUp) break;
  }
  if (opts.ceiling) printCeiling(summaries);
} finally {
  if (product) await delist(product);
}
console.log(`\nreproduce: ./mall up && node bench/checkout/checkout.mjs ${reproduceArgs()}`);

/** Shoppers 1 … count exist in Keycloak, hold tokens good for at least `seconds` more, and start with an empty cart. */
async function prepareShoppers(count, seconds) {
  const created = await ensureShoppers(count);
  if (created) console.log(`  created ${created} shoppers in Keycloak (kept for later runs)`);
  while (shoppers.length < count) shoppers.push({ name: shopperName(shoppers.length + 1), validUntil: 0 });
  const stale = shoppers.slice(0, count).filter((s) => s.validUntil < Date.now() + seconds * 1000);
  await inBatches(stale, 4, async (s) => {
    Object.assign(s, await signIn(s.name));
    await emptyCart(s.token);
  });
}

function printCeiling(summaries) {
  console.log('\nceiling search (a step keeps up when PAID/s >= 95 % of the arrival rate, with no error or timeout):');
  console.log(`  ${'rate/s'.padStart(7)}${'PAID/s'.padStart(8)}${'errors'.padStart(8)}${'e2e p50'.padStart(9)}${'e2e p99'.padStart(9)}`
    + `${'CPU-ms/PAID'.padStart(13)}  verdict`);
  for (const s of summaries) {
    const e2e = s.latency.at(-1)[1];
    const perOrder = s.paid ? ((s.cpu.mall * 1000) / s.paid).toFixed(0) : '-';
    console.log(`  ${String(s.rate).padStart(7)}${s.paidRate.toFixed(2).padStart(8)}${String(s.errorCount).padStart(8)}`
      + `${percentile(e2e, 50).toFixed(0).padStart(9)}${percentile(e2e, 99).toFixed(0).padStart(9)}${perOrder.padStart(13)}`
      + `  ${s.keepsUp ? 'keeps up' : 'does not keep up'}`);
  }
  const kept = summaries.filter((s) => s.keepsUp);
  const last = summaries.at(-1);
  if (!kept.length) console.log(`ceiling: below ${opts.rate} orders/s (the first step did not keep up); try a lower --rate`);
  else if (last.keepsUp) console.log(`ceiling: at least ${last.rate} orders/s (every step up to --max-rate kept up)`);
  else console.log(`ceiling: ${kept.at(-1).rate} PAID orders/s (${last.rate}/s did not keep up)`);
}


function reproduceArgs() {
  const names = opts.ceiling ? ['ceiling', 'rate', 'step', 'max-rate'] : ['rate'];
  names.push('duration', 'warmup', ...(opts.shoppers ? ['shoppers'] : []), 'poll', 'timeout', ...(opts.direct ? ['direct'] : []));
  return names.map((n) => (typeof opts[n] === 'boolean' ? `--${n}` : `--${n} ${opts[n]}`)).join(' ');
}
