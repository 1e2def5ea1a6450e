// One payment of a prepared order, as the storefront and the shopper's wallet make it: POST
// /api/pay/payments through the edge (Idempotency-Key); a card settles in that answer; a wallet
// payment answers PENDING with the sandbox cashier's URL (the QR code's content), the bench presses
// "Pay" there as the shopper's wallet app would, and reads the payment until the channel's
// notification has made it CAPTURED. Nothing is retried: the first thing that goes wrong ends the
// payment and is counted as its kind of error.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { api } from '../checkout/mall.mjs';

export const STEPS = ['post', 'cashier', 'notified', 'start to CAPTURED'];

class Failure extends Error {}

/**
 * Pays `order` ({orderId, shopper, channel}). `scheduledAt`: when the arrival was due
 * (performance.now() ms); start to CAPTURED is measured from then. Returns
 * { channel, scheduledAt, steps: {step: ms}, capturedAt, paymentId, error }.
 */
export async function pay({ order, scheduledAt, deadline, pollMs }) {
  const { shopper, orderId, channel } = order;
  const result = { channel, orderId, scheduledAt, steps: {}, capturedAt: null, paymentId: null, error: null };
  const left = (step) => {
    const ms = deadline - performance.now();
    if (ms <= 0) throw new Failure(`${step}: timed out`);
    return AbortSignal.timeout(Math.ceil(ms));
  };
  const failed = (step, e) => new Failure(e.name === 'TimeoutError' ? `${step}: timed out` : `${step}: ${e.cause?.code ?? e.name}`);
  const call = async (step, method, path, options = {}) => {
    try {
      return await api(method, path, { ...options, token: shopper.token, signal: left(step) });
    } catch (e) {
      throw e instanceof Failure ? e : failed(step, e);
    }
  };
  const captured = () => {
    result.capturedAt = performance.now();
    result.steps['start to CAPTURED'] = result.capturedAt - scheduledAt;
  };

  try {
    const body = channel === 'card'
      ? { orderId, channel, token: 'tok_sandbox_success' }
      : { orderId, channel, presentation: 'QR_CODE' };
    const began = performance.now();
    const answer = await call('post', 'POST', '/api/pay/payments', { key: randomUUID(), body });
    result.steps.post = performance.now() - began;
    if (answer.status !== 201) {
      const type = answer.json?.type ? ` ${String(answer.json.type).split('/').pop()}` : '';
      throw new Failure(`post: HTTP ${answer.status}${type}`);
    }
    const payment = answer.json;
    result.paymentId = payment.id;
    if (payment.status === 'CAPTURED') {
      captured();
      return result;
    }
    if (payment.status !== 'PENDING' || !payment.action?.content) {
      throw new Failure(`post: payment ${payment.status}${payment.failureReason ? ` (${payment.failureReason})` : ''}`);
    }

    const pressed = performance.now();
    let cashier;
    try {
      cashier = await fetch(`${payment.action.content.split('?')[0]}/pay`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '', signal: left('cashier'),
      });
      await cashier.text();
    } catch (e) {
      throw e instanceof Failure ? e : failed('cashier', e);
    }
    result.steps.cashier = performance.now() - pressed;
    if (cashier.status !== 200) throw new Failure(`cashier: HTTP ${cashier.status}`);

    const paid = performance.now();
    for (;;) {
      const read = await call('wait-for-captured', 'GET', `/api/pay/payments/${payment.id}`);
      if (read.status !== 200) throw new Failure(`wait-for-captured: HTTP ${read.status}`);
      if (read.json.status === 'CAPTURED') break;
      if (read.json.status !== 'PENDING') {
        throw new Failure(`wait-for-captured: payment ${read.json.status}${read.json.failureReason ? ` (${read.json.failureReason})` : ''}`);
      }
      await sleep(Math.min(pollMs, Math.max(0, deadline - performance.now())));
    }
    captured();
    result.steps.notified = result.capturedAt - paid;
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    result.error = e.message;
  }
  return result;
}
