// Live order pages under load, against the running mall through the edge with real tokens: N
// shoppers' order pages (one stream each, `GET /api/cart-order/orders/{id}/live`, as the storefront
// opens it) connected at once; then every order is cancelled at a constant rate (open model) and
// each page's CANCELLED step is timed from the moment its cancellation was sent. Prints the
// delivery latency (p50/p95/p99/max) against the target (p99 <= 1 s with 1,000 pages),
// the events missed, and the memory each open stream costs cart-order and the edge (resident
// memory, and cart-order's heap after a full GC, before and after the streams opened).
//
//   ./mall up && node bench/live/live.mjs --streams 1000 --rate 100
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { percentile } from '../checkout/report.mjs';
import { findMall } from '../checkout/cpu.mjs';
import { api, delist, EDGE, emptyCart, inBatches, listBenchProduct, mallVersion } from '../checkout/mall.mjs';
import { RunShoppers } from '../points/shoppers.mjs';

const OPTIONS = {
  streams: { type: 'string', default: '1000' }, // order pages open at once
  rate: { type: 'string', default: '100' }, // cancellations sent a second
  patience: { type: 'string', default: '30' }, // seconds to wait for the last event
};
/** cart-order lets a shopper hold 5 unpaid orders (quarkmall.order.limits.max-unpaid-orders). */
const ORDERS_PER_SHOPPER = 5;
const TARGET_P99_MS = 1000;

const { values } = parseArgs({ options: OPTIONS });
const streams = Number(values.streams);
const rate = Number(values.rate);
const command = `node bench/live/live.mjs --streams ${streams} --rate ${rate}`;

/** Resident memory of a process, in MiB. */
function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

/** cart-order's heap in use after a full GC, in MiB, through the JDK's jcmd (null without one). */
function heapAfterGcMiB(pid) {
  const jcmd = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/jcmd` : 'jcmd';
  try {
    execFileSync(jcmd, [String(pid), 'GC.run'], { stdio: 'ignore' });
    const info = execFileSync(jcmd, [String(pid), 'GC.heap_info']).toString();
    // Every generation's "total …K, used …K" line (Serial, Parallel or G1 alike), summed.
    const used = [...info.matchAll(/total \d+K, used (\d+)K/g)].map((m) => Number(m[1]));
    return used.length ? used.reduce((a, b) => a + b, 0) / 1024 : null;
  } catch {
    return null;
  }
}

function memory(mall) {
  const of = (name) => mall.servers.find((s) => s.name.startsWith(name))?.root;
  const cartOrder = of('cart-order');
  const edge = of('edge');
  return { cartOrderRss: rssMiB(cartOrder), edgeRss: rssMiB(edge), cartOrderHeap: heapAfterGcMiB(cartOrder) };
}

/** An order page's stream: resolves `opened` at its first step, and `cancelled` when the CANCELLED step arrives. */
function follow(order, token) {
  const page = { order, opened: null, cancelledAt: null, events: 0, error: null };
  const abort = new AbortController();
  page.close = () => abort.abort();
  page.ready = new Promise((resolve, reject) => {
    page.done = new Promise((done) => {
      (async () => {
        const response = await fetch(`${EDGE}/api/cart-order/orders/${order}/live`,
          { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: abort.signal });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let pending = '';
        for (;;) {
          const { value, done: ended } = await reader.read();
          if (ended) throw new Error('stream ended');
          pending += value;
          let end;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const block = pending.slice(0, end);
            pending = pending.slice(end + 2);
            if (!block.includes('event: step') && !block.includes('event:step')) continue;
            page.events++;
            if (page.opened === null) {
              page.opened = performance.now();
              resolve(page);
            }
            if (block.includes('"status":"CANCELLED"')) {
              page.cancelledAt = performance.now();
              done(page);
            }
          }
        }
      })().catch((e) => {
        if (!abort.signal.aborted) page.error = e.message;
        reject(e);
        done(page);
      });
    });
  });
  return page;
}

async function main() {
  console.log(`bench/live at ${mallVersion()}, ${new Date().toISOString()}: ${streams} order pages, cancellations at ${rate}/s`);
  console.log(`reproduce: ./mall up && ${command}`);
  const mall = findMall();
  if (mall.missing.includes('cart-order') || mall.missing.some((m) => m.startsWith('edge'))) {
    throw new Error('the mall is not running: ./mall up first');
  }
  const shoppers = new RunShoppers('live');
  const all = await shoppers.add(Math.ceil(streams / ORDERS_PER_SHOPPER));
  const product = await listBenchProduct(all[0].token);
  await emptyCart(all[0].token);
  try {
    const began = performance.now();
    const orders = [];
    await inBatches(all, 10, async (s) => {
      for (let i = 0; i < ORDERS_PER_SHOPPER && orders.length < streams; i++) {
        await api('PUT', `/api/cart-order/cart/lines/${product.sku}`, { token: s.token, body: { quantity: 1 } });
        const placed = await api('POST', '/api/cart-order/checkout', { token: s.token, key: randomUUID() });
        if (placed.status !== 201) throw new Error(`checkout refused: ${placed.status} ${JSON.stringify(placed.json)}`);
        orders.push({ id: placed.json.id, token: s.token });
      }
    });
    console.log(`  placed ${orders.length} orders in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    await sleep(3000); // let the saga hold their stock, so only the cancellations change them from here
    const before = memory(mall);

    const opening = performance.now();
    const pages = orders.map((o) => follow(o.id, o.token));
    const opened = await Promise.allSettled(pages.map((p) => p.ready));
    const failedToOpen = opened.filter((r) => r.status === 'rejected').length;
    console.log(`  ${pages.length - failedToOpen} streams open in ${((performance.now() - opening) / 1000).toFixed(1)} s` +
      (failedToOpen ? `, ${failedToOpen} failed (${pages.find((p) => p.error)?.error})` : ''));
    await sleep(3000);
    const during = memory(mall);

    const sentAt = new Map();
    const answeredAt = new Map();
    const answers = new Map();
    const start = performance.now();
    await Promise.all(orders.map(async (o, i) => {
      await sleep(Math.max(0, start + (i * 1000) / rate - performance.now()));
      sentAt.set(o.id, performance.now());
      const cancelled = await api('POST', `/api/cart-order/orders/${o.id}/cancellation`, { token: o.token, key: randomUUID() });
      answeredAt.set(o.id, performance.now());
      answers.set(cancelled.status, (answers.get(cancelled.status) ?? 0) + 1);
    }));
    await Promise.race([Promise.all(pages.map((p) => p.done)), sleep(Number(values.patience) * 1000)]);
    const delivered = pages.filter((p) => p.cancelledAt !== null);
    const latencies = delivered.map((p) => p.cancelledAt - sentAt.get(p.order));
    // After the answer: the push alone (0 when the step reached the page before the answer reached the caller).
    const afterAnswer = delivered.map((p) => Math.max(0, p.cancelledAt - answeredAt.get(p.order)));
    const answerTimes = [...answeredAt.keys()].map((id) => answeredAt.get(id) - sentAt.get(id));
    const missed = pages.length - failedToOpen - latencies.length;
    pages.forEach((p) => p.close());

    const ms = (v) => `${v.toFixed(0)} ms`;
    const perStream = (a, b) => (a === null || b === null ? '-' : `${(((b - a) * 1024) / pages.length).toFixed(1)} KiB`);
    console.log(`\ncancellations sent: ${orders.length} at ${rate}/s; answers by status: ${JSON.stringify(Object.fromEntries(answers))}`);
    console.log(`CANCELLED step delivered to ${latencies.length} of ${pages.length - failedToOpen} open pages; missed: ${missed}`);
    console.log(`delivery (cancellation sent -> step on the page): p50 ${ms(percentile(latencies, 50))}, ` +
      `p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`);
    console.log(`  of which the cancellation's own answer: p50 ${ms(percentile(answerTimes, 50))}, p99 ${ms(percentile(answerTimes, 99))}; ` +
      `from its answer to the step on the page: p50 ${ms(percentile(afterAnswer, 50))}, p99 ${ms(percentile(afterAnswer, 99))}, max ${ms(Math.max(...afterAnswer))}`);
    console.log(`memory per open stream: cart-order heap after GC ${perStream(before.cartOrderHeap, during.cartOrderHeap)}, ` +
      `cart-order resident ${perStream(before.cartOrderRss, during.cartOrderRss)}, edge resident ${perStream(before.edgeRss, during.edgeRss)}`);
    console.log(`  (cart-order heap ${before.cartOrderHeap?.toFixed(1)} -> ${during.cartOrderHeap?.toFixed(1)} MiB, resident ` +
      `${before.cartOrderRss.toFixed(0)} -> ${during.cartOrderRss.toFixed(0)} MiB; edge resident ${before.edgeRss.toFixed(0)} -> ${during.edgeRss.toFixed(0)} MiB)`);
    const p99 = percentile(latencies, 99);
    const meets = pages.length >= 1000 && failedToOpen === 0 && missed === 0 && p99 <= TARGET_P99_MS;
    console.log(`target (1,000 pages, none missed, p99 <= ${TARGET_P99_MS} ms): ${meets ? 'met' : 'not met'}`);
    console.log(`reproduce: ./mall up && ${command}`);
  } finally {
    await delist(product).catch(() => {});
    await shoppers.delete().catch(() => {});
  }
}

main().catch((e) => {
  console.error(`bench/live failed: ${e.message}`);
  process.exit(1);
});
