// The orders a bench/pay run pays, made before anything is measured through the real checkout:
// each of the run's shoppers puts one unit in the cart, checks out and waits until stock holds it
// (STOCK_RESERVED, the order awaits payment), a few orders each. Each order is given its channel
// here, and a wallet order's trade is scripted at its sandbox before the trade exists, so the
// measured phase does nothing but pay.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { api } from '../checkout/mall.mjs';

export const SANDBOXES = { alipay: 'http://127.0.0.1:18281', wechat: 'http://127.0.0.1:18282' };
/** How many shoppers make their orders at once (each shopper's orders one after another). */
const WIDTH = 12;

/** pay's reference at the channel of an order's first attempt (the channel's out_trade_no): Payment.referenceOf. */
export const referenceOf = (orderId) => `qm-${orderId}-1`;

/**
 * `count` orders awaiting payment, `perShopper` for each shopper in turn; order i is paid through
 * channels[i % channels.length]. Wallet trades are scripted `duplicate` when `duplicates` (the
 * sandbox then notifies pay twice at once). Returns { orders: [{orderId, shopper, channel}], failures: Map }.
 */
export async function prepareOrders({ shoppers, count, perShopper, channels, sku, duplicates }) {
  const failures = new Map();
  const made = [];
  const queues = shoppers.map((shopper) => ({ shopper, left: 0 }));
  for (let i = 0, q = 0; i < count; i++, q = Math.floor(i / perShopper)) queues[q].left++;
  const began = performance.now();
  let next = 0;
  const worker = async () => {
    for (let mine = next++; mine < queues.length; mine = next++) {
      const { shopper, left } = queues[mine];
      for (let k = 0; k < left; k++) {
        try {
          made.push({ orderId: await placeOrder(shopper, sku), shopper });
        } catch (e) {
          failures.set(e.message, (failures.get(e.message) ?? 0) + 1);
        }
      }
    }
  };
  const progress = setInterval(() => console.log(`    ${made.length} of ${count} orders awaiting payment …`), 10_000);
  try {
    await Promise.all(Array.from({ length: WIDTH }, worker));
  } finally {
    clearInterval(progress);
  }
  // Mixed, so that consecutive arrivals are different shoppers and channels.
  const orders = interleave(made).map((o, i) => ({ ...o, channel: channels[i % channels.length] }));
  if (duplicates) {
    const wallets = orders.filter((o) => SANDBOXES[o.channel]);
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let i = w; i < wallets.length; i += 8) await script(wallets[i], 'duplicate');
    }));
  }
  const seconds = (performance.now() - began) / 1000;
  console.log(`  prepared ${orders.length} orders awaiting payment in ${seconds.toFixed(0)} s`
    + `${failures.size ? `; failed: ${[...failures].map(([k, n]) => `${n} × ${k}`).join(', ')}` : ''}`);
  return { orders, failures };
}

async function placeOrder(shopper, sku) {
  const token = shopper.token;
  const cart = await api('PUT', `/api/cart-order/cart/lines/${sku}`, { token, body: { quantity: 1 } });
  if (cart.status !== 200) throw new Error(`cart: HTTP ${cart.status}`);
  const checkout = await api('POST', '/api/cart-order/checkout', { token, key: randomUUID() });
  if (checkout.status !== 201) throw new Error(`checkout: HTTP ${checkout.status} ${String(checkout.json?.type ?? '').split('/').pop()}`);
  const orderId = checkout.json.id;
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(250)) {
    const order = await api('GET', `/api/cart-order/orders/${orderId}`, { token });
    if (order.json?.status === 'STOCK_RESERVED') return orderId;
    if (order.status === 200 && order.json.status !== 'PENDING') throw new Error(`wait-for-hold: order ${order.json.status}`);
  }
  throw new Error('wait-for-hold: timed out');
}

/** What the sandbox's "Pay" does for this order's trade (its script, set before or after the trade exists). */
async function script({ orderId, channel }, outcome) {
  const response = await fetch(`${SANDBOXES[channel]}/sandbox/trades/${referenceOf(orderId)}/script`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome }),
  });
  if (response.status !== 204 && response.status !== 200) {
    throw new Error(`the ${channel} sandbox refused a script: HTTP ${response.status} ${await response.text()}`);
  }
}

/** Round robin over shoppers: their 1st orders, then their 2nd, ... */
function interleave(orders) {
  const byShopper = new Map();
  for (const o of orders) byShopper.set(o.shopper.name, [...(byShopper.get(o.shopper.name) ?? []), o]);
  const lists = [...byShopper.values()];
  const out = [];
  for (let round = 0; out.length < orders.length; round++) for (const l of lists) if (l[round]) out.push(l[round]);
  return out;
}

/** A shopper cancels an order the run left unpaid, so it does not wait out cart-order's payment window. */
export async function cancelOrder({ shopper, orderId }) {
  await api('POST', `/api/cart-order/orders/${orderId}/cancellation`,
    { token: shopper.token, key: randomUUID(), signal: AbortSignal.timeout(30_000) }).catch(() => {});
}
