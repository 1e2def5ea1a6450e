// The points mall under load, against the running mall with real tokens: loyalty's bare HTTP
// ceiling (closed loop, more callers until the answers a second stop growing), then check-ins and
// then redemptions of a 1-point voucher, each arriving at a constant rate (open model); per phase
// answers a second, p50/p95/p99, errors by kind and the CPU of loyalty and the database; then
// check-ins a second as a share of the ceiling against the issue's target (>= 30 %, p99 <= 100 ms).
//
//   ./mall up && node bench/points/points.mjs --rate 150
//   ./mall up && node bench/points/points.mjs --find --rate 150 --step 25   # the highest check-in rate with p99 <= 100 ms
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { findMall } from '../checkout/cpu.mjs';
import { api, bypassEdge, EDGE, mallVersion } from '../checkout/mall.mjs';
import { arrivals, closedLoop, openLoop } from './load.mjs';
import { printPhase, printSummary, summarizeClosed, summarizeOpen, TARGET, verdict } from './report.mjs';
import { endVoucher, offerVoucher, RunShoppers } from './shoppers.mjs';

const OPTIONS = {
  rate: { type: 'string', default: '150' }, // check-ins arriving a second (with --find: the first step)
  'redeem-rate': { type: 'string' }, // redemptions arriving a second; default: --rate
  duration: { type: 'string', default: '15' }, // seconds measured per check-in and redemption phase
  warmup: { type: 'string', default: '5' }, // seconds of load rising to the rate before each of those windows
  find: { type: 'boolean', default: false }, // step the check-in rate up until p99 > 100 ms or it does not keep up
  step: { type: 'string', default: '25' }, // --find: check-ins a second added per step
  'max-rate': { type: 'string', default: '1000' }, // --find: the last step tried
  'ceiling-duration': { type: 'string', default: '10' }, // seconds measured per ceiling step
  'max-concurrency': { type: 'string', default: '256' }, // the ceiling's last step
  direct: { type: 'boolean', default: false }, // straight to loyalty's port, bypassing the edge
  timeout: { type: 'string', default: '10' }, // seconds a request may take
  prewarm: { type: 'string', default: '30' }, // seconds of unmeasured check-ins (then redemptions) before everything else
};
/** The cheapest request loyalty answers to a signed-in shopper: see bench/README.md (points). */
const BARE = { method: 'GET', path: '/api/loyalty/accounts/me?size=0', status: 400 };
const CHECK_IN = '/api/loyalty/check-ins';
/** The ceiling's callers use this many shoppers' tokens in turn, so no one nears the 1200 requests a minute a user may make. */
const CEILING_SHOPPERS = 300;
const CEILING_WARMUP = 3;
/** Quiet seconds between phases, so the outbox relay and Keycloak are done with the last one. */
const PAUSE = 5;

const { values } = parseArgs({ options: OPTIONS, strict: true });
const opts = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? Number(v) : v]));
opts['redeem-rate'] ??= opts.rate;
const rates = [opts.rate];
while (opts.find && rates.at(-1) + opts.step <= opts['max-rate']) rates.push(rates.at(-1) + opts.step);
const perPhase = (rate) => arrivals(rate, opts.warmup, opts.duration).length;

const mall = findMall();
if (!['edge (apps supervisor JVM)', 'loyalty'].every((name) => mall.servers.some((s) => s.name === name))) {
  console.error(`No mall answers on ${EDGE} with loyalty on :8085: start it first (./mall up).`);
  process.exit(1);
}
if (opts.direct) bypassEdge();
const route = opts.direct ? 'straight to loyalty (127.0.0.1:8085, bypassing the edge)' : `through the edge, ${EDGE}`;
console.log(`bench/points: loyalty's bare ceiling, check-ins and redemptions ${route}; mall at ${mallVersion()}`);
console.log(`  machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start`);

const shoppers = new RunShoppers();
let voucher;
try {
  voucher = await offerVoucher({ stock: 10_000_000, perShopperLimit: 1000 });
  const warmers = opts.prewarm > 0 ? await shoppers.add(arrivals(opts.rate / 2, opts.prewarm, 0).length) : [];
  if (warmers.length > 0) await prewarm(warmers);
  const first = await shoppers.add(Math.max(CEILING_SHOPPERS, perPhase(rates[0])));
  const ceiling = await measureCeiling(first.slice(0, CEILING_SHOPPERS));
  const checkIns = [];
  let used = warmers.length; // the warmers have checked in today: each phase takes shoppers who have not
  for (const rate of rates) {
    const missing = used + perPhase(rate) - shoppers.all.length;
    if (missing > 0) await shoppers.add(missing);
    const phase = shoppers.all.slice(used, used + perPhase(rate));
    used += phase.length;
    await shoppers.refresh(phase, opts.warmup + opts.duration + opts.timeout + 60);
    await sleep(PAUSE * 1000);
    checkIns.push(await measureCheckIns(phase, rate));
    const last = checkIns.at(-1);
    if (opts.find && !(last.keepsUp && last.latency.p99 <= TARGET.p99Ms)) break;
  }
  await sleep(PAUSE * 1000);
  const redemptions = await measureRedemptions(shoppers.all.filter((s) => s.points > 0), opts['redeem-rate']);
  printConclusion(ceiling, checkIns, redemptions);
} finally {
  const ended = voucher ? await endVoucher(voucher) : false;
  const deleted = await shoppers.delete();
  console.log(`\ncleaned up: deleted this run's ${deleted} shoppers (${shoppers.prefix}*) from Keycloak`
    + `${ended ? `, ended voucher ${voucher.id}` : ''}; loyalty keeps their accounts, check-ins, ledger entries, lots, `
    + 'redemptions, idempotency keys and outbox events');
}
console.log(`reproduce: ./mall up && node bench/points/points.mjs ${reproduceArgs()}`);

/** One request, never retried; { ok, json } when the answer has the expected status, else { ok: false, error: kind }. */
async function call(method, path, { token, key, status }) {
  try {
    const answer = await api(method, path, { token, key, signal: AbortSignal.timeout(opts.timeout * 1000) });
    if (answer.status === status) return { ok: true, json: answer.json };
    const type = answer.json?.type ? ` ${String(answer.json.type).split('/').pop()}` : '';
    return { ok: false, error: `HTTP ${answer.status}${type}` };
  } catch (e) {
    return { ok: false, error: e.name === 'TimeoutError' ? `timed out (${opts.timeout} s)` : String(e.cause?.code ?? e.name) };
  }
}

/** Closed loop at 1, 2, 4 ... callers until a step answers less than 5 % more than the best before it. */
async function measureCeiling(callers) {
  const probe = await api(BARE.method, BARE.path, { token: callers[0].token });
  if (probe.status !== BARE.status) throw new Error(`${BARE.method} ${BARE.path} answered ${probe.status}, not ${BARE.status}`);
  console.log(`\nceiling: ${BARE.method} ${BARE.path} as a shopper (answered ${probe.status} ${probe.json?.type ?? ''}: `
    + 'token verified, request counted against the rate limit, role checked, parameters validated; no database), '
    + `${CEILING_SHOPPERS} shoppers' tokens in turn, ${opts['ceiling-duration']} s measured after ${CEILING_WARMUP} s per step`);
  let next = 0;
  const send = () => call(BARE.method, BARE.path, { token: callers[next++ % callers.length].token, status: BARE.status });
  const steps = [];
  let stoppedGrowing = false;
  for (let concurrency = 1; concurrency <= opts['max-concurrency'] && !stoppedGrowing; concurrency *= 2) {
    const run = await closedLoop({ concurrency, warmup: CEILING_WARMUP, duration: opts['ceiling-duration'], mall, send });
    const step = summarizeClosed(run, { name: `ceiling, ${concurrency} callers`, concurrency, duration: opts['ceiling-duration'] });
    console.log(`\n${concurrency} callers:`);
    printPhase(step);
    const best = steps.reduce((b, s) => (s.achieved > b.achieved ? s : b), { achieved: 0 });
    steps.push(step);
    stoppedGrowing = step.achieved < best.achieved * 1.05;
  }
  const best = { ...steps.reduce((b, s) => (s.achieved > b.achieved ? s : b)), lowerBound: !stoppedGrowing };
  console.log(`\nceiling: ${best.lowerBound ? 'at least ' : ''}${best.achieved.toFixed(1)} answers/s at ${best.concurrency} callers`
    + ` (${steps.map((s) => `${s.concurrency}: ${s.achieved.toFixed(0)}`).join(', ')})`
    + `${best.lowerBound ? `; still growing at --max-concurrency ${opts['max-concurrency']}` : ''}`);
  return best;
}

/**
 * Check-ins rising to half of --rate, then redemptions, none of them measured: a freshly started
 * loyalty compiles these paths and its pooled connections prepare their statements (after five
 * uses each) before the measured phases, which otherwise begin on a cold service.
 */
async function prewarm(warmers) {
  const began = performance.now();
  const checkIns = await openLoop({ rate: opts.rate / 2, warmup: opts.prewarm, duration: 0, mall, send: checkInOf(warmers) });
  const funded = warmers.filter((s) => s.points > 0);
  const redemptions = await openLoop({ rate: opts.rate / 4, warmup: opts.prewarm / 2, duration: 0, mall, send: redemptionOf(funded) });
  const failed = [...checkIns.results, ...redemptions.results].filter((r) => !r.ok).length;
  console.log(`\nwarm-up (not measured): ${checkIns.results.length} check-ins and ${redemptions.results.length} redemptions`
    + ` in ${((performance.now() - began) / 1000).toFixed(0)} s, ${failed} failed`);
}

/** Each arrival is a fresh shopper's first check-in of the day: 201 with the points. */
async function measureCheckIns(phase, rate) {
  console.log(`\ncheck-ins: POST ${CHECK_IN}, ${rate}/s for ${opts.duration} s after ${opts.warmup} s of warm-up, `
    + `each by a shopper who has not checked in today (${phase[0].name} …)`);
  const run = await openLoop({ rate, warmup: opts.warmup, duration: opts.duration, mall, send: checkInOf(phase) });
  const summary = summarizeOpen(run, { name: `check-ins at ${rate}/s`, rate, duration: opts.duration });
  printPhase(summary);
  return summary;
}

/** Redemptions of the 1-point voucher, the shoppers with points taking turns. */
async function measureRedemptions(funded, rate) {
  const path = `/api/loyalty/rewards/${voucher.id}/redemptions`;
  console.log(`\nredemptions: POST ${path} (a 1-point voucher, handed over at once), ${rate}/s for ${opts.duration} s `
    + `after ${opts.warmup} s of warm-up, ${funded.length} shoppers with ${funded.reduce((a, s) => a + s.points, 0)} points taking turns`);
  await shoppers.refresh(funded, opts.warmup + opts.duration + opts.timeout + 60);
  const run = await openLoop({ rate, warmup: opts.warmup, duration: opts.duration, mall, send: redemptionOf(funded) });
  const summary = summarizeOpen(run, { name: `redemptions at ${rate}/s`, rate, duration: opts.duration });
  printPhase(summary);
  return summary;
}

/** The i-th arrival checks in shopper i, who gets the points in the answer. */
function checkInOf(phase) {
  return async (i) => {
    const answer = await call('POST', CHECK_IN, { token: phase[i].token, key: randomUUID(), status: 201 });
    if (answer.ok) phase[i].points += answer.json.points;
    return answer;
  };
}

/** Each arrival redeems the voucher for the next shopper with a point left, in turn. */
function redemptionOf(funded) {
  const path = `/api/loyalty/rewards/${voucher.id}/redemptions`;
  let next = 0;
  return async () => {
    for (let tried = 0; tried < funded.length; tried++) {
      const shopper = funded[next++ % funded.length];
      if (shopper.points < voucher.pointsCost) continue;
      shopper.points -= voucher.pointsCost;
      return call('POST', path, { token: shopper.token, key: randomUUID(), status: 201 });
    }
    return { ok: false, error: 'generator: no shopper has points left (lower --redeem-rate)' };
  };
}

function printConclusion(ceiling, checkIns, redemptions) {
  const passing = checkIns.filter((s) => s.keepsUp && s.latency.p99 <= TARGET.p99Ms);
  const judged = opts.find ? passing.at(-1) ?? checkIns[0] : checkIns[0];
  const { ratio, met } = verdict(judged, ceiling);
  console.log('\nsummary:');
  printSummary([[`ceiling (${ceiling.concurrency} callers)`, ceiling], ...checkIns.map((s) => [s.name, s]), [redemptions.name, redemptions]]);
  if (opts.find) {
    console.log(passing.length ? `highest check-in rate with p99 <= ${TARGET.p99Ms} ms and keeping up: ${passing.at(-1).rate}/s`
      : `no check-in rate tried kept up with p99 <= ${TARGET.p99Ms} ms; try a lower --rate`);
  }
  console.log(`ratio: check-ins ${judged.achieved.toFixed(1)}/s ÷ ceiling ${ceiling.lowerBound ? '>= ' : ''}${ceiling.achieved.toFixed(1)}/s ${ceiling.lowerBound ? "<=" : "="} ${(ratio * 100).toFixed(1)} %`
    + ` with check-in p99 ${judged.latency.p99.toFixed(1)} ms${judged.keepsUp ? '' : ', not keeping up'}`);
  console.log(`target (check-ins >= ${TARGET.share * 100} % of the ceiling, p99 <= ${TARGET.p99Ms} ms): `
    + (ceiling.lowerBound ? 'not judged: the ceiling is only a lower bound (raise --max-concurrency)' : met ? 'met' : 'NOT met'));
}


function reproduceArgs() {
  const names = opts.find ? ['find', 'rate', 'step', 'max-rate'] : ['rate'];
  names.push('redeem-rate', 'duration', 'warmup', 'prewarm', 'ceiling-duration', 'max-concurrency', 'timeout', ...(opts.direct ? ['direct'] : []));
  return names.map((n) => (typeof opts[n] === 'boolean' ? `--${n}` : `--${n} ${opts[n]}`)).join(' ');
}
