// One shopper buying one unit, as the storefront does it: put it in the cart, check out, wait
// until stock holds it, pay with the sandbox card, wait until the order is paid. Every step is
// timed; the first thing that goes wrong ends the journey and is recorded as its kind of error.
// Nothing is retried, so every error the mall gives is counted.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { api } from './mall.mjs';

export const STEPS = ['cart', 'checkout', 'wait-for-hold', 'pay', 'wait-for-paid'];
const PAID_OR_LATER = ['PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

class Failure extends Error {}

/**
 * Runs one journey. `scheduledAt` is when the arrival was due (performance.now() ms): end to end
 * is measured from then, so a late start of the generator itself is not hidden. The journey gives
 * up at `deadline`. Returns { steps: {step: ms}, endToEnd, paidAt, error, requests }.
 */
export async function journey({ shopper, sku, scheduledAt, deadline, pollMs }) {
  const result = { scheduledAt, steps: {}, requests: 0, error: null, paidAt: null, endToEnd: null };
  let orderId = null;
  let knownUnpaid = true; // false from the moment a payment may have been charged

  const call = async (step, method, path, options = {}) => {
    const left = deadline - performance.now();
    if (left <= 0) throw new Failure(`${step}: timed out`);
    result.requests++;
    try {
      return await api(method, path, { ...options, token: shopper.token, signal: AbortSignal.timeout(Math.ceil(left)) });
    } catch (e) {
      throw new Failure(e.name === 'TimeoutError' ? `${step}: timed out` : `${step}: ${e.cause?.code ?? e.name}`);
    }
  };
  const expect = (step, answer, status) => {
    if (answer.status !== status) {
      const type = answer.json?.type ? ` ${String(answer.json.type).split('/').pop()}` : '';
      throw new Failure(`${step}: HTTP ${answer.status}${type}`);
    }
    return answer.json;
  };
  const timed = async (step, work) => {
    const began = performance.now();
    const value = await work();
    result.steps[step] = performance.now() - began;
    return value;
  };
  /** Reads the order at once, then every pollMs, until it reaches one of `wanted`. */
  const awaitStatus = async (step, wanted, passing) => {
    for (;;) {
      const order = expect(step, await call(step, 'GET', `/api/cart-order/orders/${orderId}`), 200);
      if (wanted.includes(order.status)) return;
      if (!passing.includes(order.status)) {
        throw new Failure(`${step}: order ${order.status}${order.cancelReason ? ` (${order.cancelReason})` : ''}`);
      }
      await sleep(Math.min(pollMs, Math.max(0, deadline - performance.now())));
    }
  };

  try {
    await timed('cart', async () =>
      expect('cart', await call('cart', 'PUT', `/api/cart-order/cart/lines/${sku}`, { body: { quantity: 1 } }), 200));
    orderId = await timed('checkout', async () =>
      expect('checkout', await call('checkout', 'POST', '/api/cart-order/checkout', { key: randomUUID() }), 201).id);
    await timed('wait-for-hold', () => awaitStatus('wait-for-hold', ['STOCK_RESERVED'], ['PENDING']));
    await timed('pay', async () => {
      const body = { orderId, channel: 'sandbox', token: 'tok_sandbox_success' };
      knownUnpaid = false;
      const answer = await call('pay', 'POST', '/api/pay/payments', { key: randomUUID(), body });
      knownUnpaid = answer.status !== 201 || answer.json?.status !== 'CAPTURED';
      const payment = expect('pay', answer, 201);
      if (payment.status !== 'CAPTURED') throw new Failure(`pay: payment ${payment.status}`);
    });
    await timed('wait-for-paid', () => awaitStatus('wait-for-paid', PAID_OR_LATER, ['STOCK_RESERVED']));
    result.paidAt = performance.now();
    result.endToEnd = result.paidAt - scheduledAt;
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    result.error = e.message;
    if (orderId !== null && knownUnpaid) await cancel(shopper, orderId);
  }
  return result;
}

/** A shopper cancels the unpaid order a failed journey left, so unpaid orders never pile up to cart-order's limit. */
async function cancel(shopper, orderId) {
  await api('POST', `/api/cart-order/orders/${orderId}/cancellation`,
    { token: shopper.token, key: randomUUID(), signal: AbortSignal.timeout(30_000) }).catch(() => {});
}
