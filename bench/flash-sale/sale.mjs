// One flash sale as its buyers live it: each fetches its sale token once the token window opens,
// then at the start every buyer presses "buy" at once and acts on the answer as the storefront's
// flash-sale page lets a buyer act: admitted, buy the next unit (with a new Idempotency-Key) until
// the limit is reached; not started yet, press again a moment later; too many requests, wait
// Retry-After and send the same key again; a network error or 5xx, send the same key again; sold
// out, limit reached or ended, stop. A share of the presses is sent twice with the same key (a
// double click, or a retry after an answer that got lost), which must get the first answer again.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuBetween, cpuSnapshot } from '../checkout/cpu.mjs';
import { percentile } from '../checkout/report.mjs';
import { kindOf, send } from './http.mjs';

/** A buyer gives up after this many presses of "buy" in one sale (none should get near it). */
const MOST_PRESSES = 50;
/** How long a buyer waits before pressing again after `flash-sale-not-started` or a network error. */
const AGAIN_MS = { notStarted: 50, error: 200 };
/** The CPU counted for a sale starts this long before it (so the CPU-ms per admission slightly overstate). */
const CPU_LEAD_MS = 200;

/**
 * Every buyer's sale token for `sale`, `width` requests at a time (429s waited out and asked
 * again); resolves to { fetched, failed: Map kind → count, seconds }.
 */
export async function fetchSaleTokens(sale, buyers, { width, timeoutMs }) {
  const began = performance.now();
  const failed = new Map();
  let next = 0;
  const worker = async () => {
    while (next < buyers.length) {
      const b = buyers[next++];
      for (let tries = 0; tries < 5; tries++) {
        const answer = await send('GET', `/api/stock/flash-sales/${sale.id}/token`, { token: b.token, address: b.address, timeoutMs })
          .catch((e) => ({ status: 0, json: null, headers: {}, error: e.name === 'TimeoutError' ? 'timed out' : String(e.code ?? e.name) }));
        if (answer.status === 200) {
          b.saleTokens[sale.id] = answer.json.token;
          break;
        }
        const kind = answer.error ?? kindOf(answer);
        if (tries === 4 || !(answer.status === 429 || answer.status === 0 || answer.status >= 500)) {
          failed.set(kind, (failed.get(kind) ?? 0) + 1);
          break;
        }
        await sleep(answer.status === 429 ? Number(answer.headers['retry-after'] ?? 1) * 1000 : AGAIN_MS.error);
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return { fetched: buyers.filter((b) => b.saleTokens[sale.id]).length, failed, seconds: (performance.now() - began) / 1000 };
}

/**
 * The sale's buyers, all pressing "buy" at `startsAt` (epoch ms; each a random moment up to
 * `spreadMs` later), until each has stopped. Returns every request sent and the CPU the mall used
 * from the start to the last answer.
 */
export async function runBuyers(sale, buyers, { startsAt, spreadMs, duplicates, timeoutMs, mall }) {
  const start = performance.now() + (startsAt - Date.now());
  const requests = [];
  const press = async (b, key) => {
    const sentAt = performance.now();
    const answer = await send('POST', `/api/stock/flash-sales/${sale.id}/purchases`, {
      token: b.token, key, address: b.address, timeoutMs, headers: { 'Sale-Token': b.saleTokens[sale.id] },
    }).catch((e) => ({ status: 0, json: null, headers: {}, error: e.name === 'TimeoutError' ? `timed out (${timeoutMs} ms)` : String(e.code ?? e.name) }));
    const doneAt = performance.now();
    const request = {
      buyer: b.index, key, sentAt, doneAt, ms: doneAt - sentAt, status: answer.status,
      kind: answer.error ?? kindOf(answer), ticket: answer.status === 201 || answer.status === 200 ? answer.json?.ticketId : null,
      retryAfter: Number(answer.headers['retry-after'] ?? 1),
    };
    requests.push(request);
    return request;
  };
  const buyer = async (b) => {
    await sleep(Math.max(0, start + Math.random() * spreadMs - performance.now()));
    let key = randomUUID();
    for (let presses = 0; presses < MOST_PRESSES; presses++) {
      const sent = [press(b, key)];
      if (Math.random() < duplicates) sent.push(sleep(Math.random() * 20).then(() => press(b, key)));
      const answers = await Promise.all(sent);
      if (answers.some((a) => a.ticket)) {
        key = randomUUID(); // admitted: the next unit, as long as the limit allows
        continue;
      }
      const [a] = answers;
      if (a.kind === '409 flash-sale-not-started') await sleep(AGAIN_MS.notStarted);
      else if (a.status === 429) await sleep(a.retryAfter * 1000);
      else if (a.status === 0 || a.status >= 500) await sleep(AGAIN_MS.error);
      else return; // sold out, limit reached, ended, or refused for good (400, 401, 403)
    }
  };
  // The snapshot reads all of /proc (tens of ms): taken just before the start, not in the buyers' way.
  await sleep(Math.max(0, start - CPU_LEAD_MS - performance.now()));
  const before = cpuSnapshot(mall);
  await Promise.all(buyers.map(buyer));
  const after = cpuSnapshot(mall);
  return { start, requests, cpu: cpuBetween(before, after) };
}

/**
 * What the buyers got: answers by kind, tickets (each must have been given for one key only, and
 * each key must have got one ticket only), units per buyer against the limit, admissions a second
 * from the start to the last admission, and the latency of every buy request.
 */
export function tally(sale, { start, requests, cpu }) {
  const byKind = new Map();
  const keysOfTicket = new Map();
  const ticketsOfKey = new Map();
  const ticketsOfBuyer = new Map();
  for (const r of requests) {
    byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
    if (!r.ticket) continue;
    (keysOfTicket.get(r.ticket) ?? keysOfTicket.set(r.ticket, new Set()).get(r.ticket)).add(r.key);
    (ticketsOfKey.get(r.key) ?? ticketsOfKey.set(r.key, new Set()).get(r.key)).add(r.ticket);
    (ticketsOfBuyer.get(r.buyer) ?? ticketsOfBuyer.set(r.buyer, new Set()).get(r.buyer)).add(r.ticket);
  }
  const sold = keysOfTicket.size;
  const admittedAt = requests.filter((r) => r.status === 201).map((r) => r.doneAt);
  const lastAdmission = admittedAt.length ? Math.max(...admittedAt) : start;
  const lastAnswer = requests.length ? Math.max(...requests.map((r) => r.doneAt)) : start;
  const ms = requests.map((r) => r.ms);
  const answered = requests.filter((r) => r.status > 0).length;
  return {
    sold,
    oversold: Math.max(0, sold - sale.quantity),
    duplicateTickets: [...keysOfTicket.values()].filter((keys) => keys.size > 1).length,
    keysWithTwoTickets: [...ticketsOfKey.values()].filter((t) => t.size > 1).length,
    overLimit: [...ticketsOfBuyer.values()].filter((t) => t.size > sale.perShopperLimit).length,
    buyersWithUnits: ticketsOfBuyer.size,
    tickets: new Set(keysOfTicket.keys()),
    byKind,
    requests: requests.length,
    answered,
    soldOutAfter: (lastAdmission - start) / 1000,
    lastAnswerAfter: (lastAnswer - start) / 1000,
    admittedPerSecond: sold / Math.max(0.001, (lastAdmission - start) / 1000),
    answersPerSecond: answered / Math.max(0.001, (lastAnswer - start) / 1000),
    latency: { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: ms.length ? Math.max(...ms) : NaN },
    admittedLatency: percentile(requests.filter((r) => r.status === 201).map((r) => r.ms), 99),
    firstPressLag: firstPressLag(requests, start),
    timeline: timeline(requests, start),
    cpu,
  };
}

/** How long after the start the generator sent the last buyer's first press (its own lag, on the same cores as the mall). */
function firstPressLag(requests, start) {
  const first = new Map();
  for (const r of requests) first.set(r.buyer, Math.min(first.get(r.buyer) ?? Infinity, r.sentAt));
  return first.size ? Math.max(...first.values()) - start : NaN;
}

/** The answers in each half second after the start: how many, how many admitted, their latency. */
function timeline(requests, start, bucketMs = 500) {
  const buckets = [];
  for (const r of requests.filter((x) => x.status > 0)) {
    const i = Math.max(0, Math.floor((r.doneAt - start) / bucketMs));
    buckets[i] ??= [];
    buckets[i].push(r);
  }
  return Array.from(buckets, (b = [], i) => ({
    from: i * bucketMs, to: (i + 1) * bucketMs, answers: b.length, admitted: b.filter((r) => r.status === 201).length,
    p50: percentile(b.map((r) => r.ms), 50), p99: percentile(b.map((r) => r.ms), 99),
  }));
}
