// The duplicate-notification storm and the count of double charges after it.
//
// Storm: at a constant rate, one paid Alipay trade of this run has its signed notification sent to
// pay again, exactly as the sandbox sent it (the body read back from the sandbox's
// GET /sandbox/trades/{out_trade_no}/notifications, posted to the notify_url pay gave it). Besides,
// every wallet trade is scripted `duplicate` when the storm is on, so the sandboxes themselves notify
// each paid trade twice at once (see orders.mjs). WeChat Pay's notifications are encrypted and
// signed by the sandbox and its sandbox keeps no copy to hand out, so only its scripted duplicates
// reach pay.
//
// Check: pay's admin API (as admin) lists the run's payments; every order must have exactly one
// kept CAPTURED payment and no refund, and no order more than one payment that took money.
import { setTimeout as sleep } from 'node:timers/promises';
import { api, signIn } from '../checkout/mall.mjs';
import { referenceOf, SANDBOXES } from './orders.mjs';

/** Where the local profile has the Alipay sandbox notify pay (quarkmall.pay.alipay.notify-url): pay's own port. */
const ALIPAY_NOTIFY_URL = 'http://127.0.0.1:8084/api/pay/notifications/alipay';

export class Storm {
  /** `paid`: the run's CAPTURED alipay payments so far (the storm takes them in turn). */
  constructor(paid) {
    this.paid = paid;
    this.next = 0;
    this.bodies = new Map();
    this.answers = new Map();
    this.latency = [];
    this.sent = 0;
    this.skipped = 0;
  }

  /** `rate` duplicates a second from `start` to `end` (performance.now() ms), each on its own schedule. */
  async run({ rate, start, end }) {
    const running = [];
    for (let due = start; due < end; due += 1000 / rate) {
      await sleep(Math.max(0, due - performance.now()));
      running.push(this.one());
    }
    await Promise.all(running);
  }

  async one() {
    if (this.paid.length === 0) {
      this.skipped++;
      return;
    }
    const { orderId } = this.paid[this.next++ % this.paid.length];
    const kind = await this.send(orderId).catch((e) => `no answer (${e.cause?.code ?? e.name})`);
    this.answers.set(kind, (this.answers.get(kind) ?? 0) + 1);
  }

  async send(orderId) {
    let body = this.bodies.get(orderId);
    if (!body) {
      const sent = await fetch(`${SANDBOXES.alipay}/sandbox/trades/${referenceOf(orderId)}/notifications`, { signal: AbortSignal.timeout(10_000) });
      const list = sent.status === 200 ? await sent.json() : [];
      body = list.map((d) => d.body).find((b) => new URLSearchParams(b).get('trade_status') === 'TRADE_SUCCESS');
      if (!body) return 'sandbox sent no TRADE_SUCCESS notification to copy';
      this.bodies.set(orderId, body);
    }
    const began = performance.now();
    const response = await fetch(ALIPAY_NOTIFY_URL, {
      method: 'POST', body, signal: AbortSignal.timeout(10_000),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    const text = (await response.text()).trim();
    this.latency.push(performance.now() - began);
    this.sent++;
    return `HTTP ${response.status}${response.status === 200 ? ` "${text.slice(0, 20)}"` : ''}`;
  }
}

/**
 * What the Alipay sandbox says it sent for these orders' trades: notifications (its own, not the
 * replays), how many tries they took (a try is repeated, 1 s doubling, until pay answers "success"),
 * and how many pay never acknowledged.
 */
export async function alipayDeliveries(orderIds) {
  const total = { trades: 0, notifications: 0, tries: 0, unacknowledged: 0 };
  for (const orderId of orderIds) {
    const sent = await fetch(`${SANDBOXES.alipay}/sandbox/trades/${referenceOf(orderId)}/notifications`);
    const list = sent.status === 200 ? await sent.json() : [];
    total.trades++;
    total.notifications += list.length;
    total.tries += list.reduce((n, d) => n + d.attempts, 0);
    total.unacknowledged += list.filter((d) => !d.acknowledged).length;
  }
  return total;
}

/**
 * Reads every payment pay made since `since` (epoch ms) through GET /api/pay/admin/payments (100 a
 * page, newest first) and judges each of `orderIds`. An order found wanting is read again alone
 * (?orderId=), after the refund job and late notifications have had `settleSeconds`.
 */
export async function checkCharges(orderIds, { since, settleSeconds = 5 }) {
  await sleep(settleSeconds * 1000);
  const { token } = await signIn('admin');
  const byOrder = new Map([...orderIds].map((id) => [id, []]));
  for (let page = 0; ; page++) {
    const answer = await api('GET', `/api/pay/admin/payments?size=100&page=${page}`, { token });
    if (answer.status !== 200) throw new Error(`pay's admin API answered ${answer.status}`);
    for (const p of answer.json) byOrder.get(p.payment.orderId)?.push(p);
    if (answer.json.length < 100 || Date.parse(answer.json.at(-1).payment.createdAt) < since) break;
  }
  const verdict = { orders: byOrder.size, exactlyOne: 0, unpaid: 0, doubleCharges: 0, refunded: 0, surplus: 0, requests: 0, examples: [] };
  for (const [orderId, listed] of byOrder) {
    let payments = listed;
    if (!judge(listed).clean) {
      payments = (await api('GET', `/api/pay/admin/payments?orderId=${orderId}&size=100`, { token })).json ?? listed;
      verdict.requests++;
    }
    const j = judge(payments);
    if (j.clean) verdict.exactlyOne++;
    if (j.tookMoney === 0) verdict.unpaid++;
    if (j.tookMoney > 1) verdict.doubleCharges++;
    if (j.refunds > 0) verdict.refunded++;
    if (j.surplus > 0) verdict.surplus++;
    if (!j.clean && j.tookMoney > 0 && verdict.examples.length < 5) {
      verdict.examples.push(`order ${orderId}: ${payments.map((p) => `${p.payment.channel} ${p.payment.status}${p.surplus ? ' surplus' : ''}`
        + `${p.refunds.length ? ` ${p.refunds.length} refund(s)` : ''}`).join(', ')}`);
    }
  }
  return verdict;
}

const TOOK_MONEY = ['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'];

function judge(payments) {
  const tookMoney = payments.filter((p) => TOOK_MONEY.includes(p.payment.status) || p.surplus).length;
  const kept = payments.filter((p) => p.payment.status === 'CAPTURED' && !p.surplus).length;
  const refunds = payments.reduce((n, p) => n + p.refunds.length, 0);
  const surplus = payments.filter((p) => p.surplus).length;
  return { tookMoney, refunds, surplus, clean: kept === 1 && tookMoney === 1 && refunds === 0 };
}
