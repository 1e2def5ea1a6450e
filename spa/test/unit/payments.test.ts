import { describe, expect, test } from 'vitest';
import {
  answered, attemptView, cardTokenOf, followInterval, keyForAttempt, latestAttempt, refusalOf, type SentAttempt,
} from '../../src/pay/attempt';
import { deviceId } from '../../src/pay/deviceId';
import { deviceOf, firstChoice, offeredChannels, presentationFor, returnUrlOf, withDown } from '../../src/pay/channels';
import { allOf, refundable, refundDraft } from '../../src/pay/refundDraft';
import { chinaToday, difference, hitsByWeight, isDay, mismatchCounts, reconciliationDay, reportRange } from '../../src/pay/review';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });

describe('the channel and how it is shown, by viewport', () => {
  test('a narrow viewport or a touch screen is a phone; a wide one with a mouse is a desktop', () => {
    expect(deviceOf({ width: 390, coarsePointer: true })).toBe('phone');
    expect(deviceOf({ width: 390, coarsePointer: false })).toBe('phone');
    expect(deviceOf({ width: 760, coarsePointer: false })).toBe('phone');
    expect(deviceOf({ width: 1024, coarsePointer: true })).toBe('phone');
    expect(deviceOf({ width: 761, coarsePointer: false })).toBe('desktop');
    expect(deviceOf({ width: 1440, coarsePointer: false })).toBe('desktop');
  });

  test('the wallets show a QR code on a desktop and send a phone to their page; a card is a token on both', () => {
    expect(presentationFor('alipay', 'desktop')).toBe('QR_CODE');
    expect(presentationFor('wechat', 'desktop')).toBe('QR_CODE');
    expect(presentationFor('alipay', 'phone')).toBe('REDIRECT');
    expect(presentationFor('wechat', 'phone')).toBe('REDIRECT');
    expect(presentationFor('card', 'phone')).toBe('TOKEN');
    expect(presentationFor('card', 'desktop')).toBe('TOKEN');
  });

  test('the channels pay offers are listed Alipay, WeChat Pay, card; names the storefront cannot show are left out', () => {
    const offers = offeredChannels([{ name: 'card', available: true }, { name: 'sandbox', available: true },
      { name: 'wechat', available: false }, { name: 'alipay', available: true }]);
    expect(offers).toEqual([{ name: 'alipay', available: true }, { name: 'wechat', available: false }, { name: 'card', available: true }]);
  });

  test('the card is chosen first when it is up, else the first channel up, else none', () => {
    expect(firstChoice([{ name: 'alipay', available: true }, { name: 'card', available: true }])).toBe('card');
    expect(firstChoice([{ name: 'alipay', available: false }, { name: 'wechat', available: true }, { name: 'card', available: false }])).toBe('wechat');
    expect(firstChoice([{ name: 'card', available: false }])).toBeNull();
    expect(firstChoice([])).toBeNull();
  });

  test('a channel pay just refused as unavailable is offered as down, the others as they were', () => {
    const offers = [{ name: 'alipay' as const, available: true }, { name: 'card' as const, available: true }];
    expect(withDown(offers, 'card')).toEqual([{ name: 'alipay', available: true }, { name: 'card', available: false }]);
    expect(withDown(offers, null)).toEqual(offers);
    expect(firstChoice(withDown(offers, 'card'))).toBe('alipay');
  });

  test('a phone comes back to the order page after paying at the channel', () => {
    expect(returnUrlOf('http://localhost:8080', 42)).toBe('http://localhost:8080/orders/42');
  });
});

describe('an attempt as the panel shows it', () => {
  const attempt = (status: string, more: Partial<{ failureReason: string | null; action: { kind: string; content: string } | null }> = {}) =>
    ({ status, failureReason: null, action: null, ...more });

  test('captured, or refunded since, is paid', () => {
    for (const status of ['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED']) expect(attemptView(attempt(status)).kind, status).toBe('paid');
  });

  test('a pending attempt shows its QR code, follows its redirect, or waits for the channel', () => {
    expect(attemptView(attempt('PENDING', { action: { kind: 'QR_CODE', content: 'https://qr.example/1' } })))
      .toEqual({ kind: 'scan', content: 'https://qr.example/1' });
    expect(attemptView(attempt('PENDING', { action: { kind: 'REDIRECT', content: 'https://pay.example/1' } })))
      .toEqual({ kind: 'redirect', url: 'https://pay.example/1' });
    expect(attemptView(attempt('PENDING'))).toEqual({ kind: 'waiting' });
  });

  test('a redirect found on coming back from the channel is waited for, not opened again', () => {
    expect(attemptView(attempt('PENDING', { action: { kind: 'REDIRECT', content: 'https://pay.example/1' } }), false))
      .toEqual({ kind: 'waiting' });
  });

  test('a declined, timed-out or closed attempt is refused with the reason in words', () => {
    expect(attemptView(attempt('DECLINED', { failureReason: 'DECLINED' }))).toEqual({ kind: 'refused', reason: 'declined', code: 'DECLINED' });
    expect(attemptView(attempt('DECLINED', { failureReason: 'insufficient_funds' }))).toMatchObject({ reason: 'insufficientFunds' });
    expect(attemptView(attempt('TIMED_OUT', { failureReason: 'TIMEOUT' }))).toMatchObject({ reason: 'timedOut' });
    expect(attemptView(attempt('VOIDED', { failureReason: 'CLOSED' }))).toMatchObject({ reason: 'closed' });
    expect(attemptView(attempt('DECLINED'))).toEqual({ kind: 'refused', reason: 'declined', code: '' });
    expect(attemptView(undefined)).toEqual({ kind: 'none' });
  });

  test('an attempt risk control holds is followed until an operator decides; an approval asks to pay again', () => {
    expect(attemptView(attempt('IN_REVIEW'))).toEqual({ kind: 'review' });
    expect(followInterval({ status: 'IN_REVIEW' })).toBe(1500);
    expect(attemptView(attempt('VOIDED', { failureReason: 'REVIEW_APPROVED' }))).toEqual({ kind: 'approved' });
    expect(attemptView(attempt('DECLINED', { failureReason: 'RISK_DECLINED' }))).toMatchObject({ kind: 'refused', reason: 'risk' });
  });

  test("the channels' refusal codes are grouped as the shopper is told them", () => {
    expect(refusalOf('card_declined')).toBe('declined');
    expect(refusalOf('DECLINED')).toBe('declined');
    expect(refusalOf('insufficient_funds')).toBe('insufficientFunds');
    expect(refusalOf('BALANCE_NOT_ENOUGH')).toBe('insufficientFunds');
    expect(refusalOf('TIMEOUT')).toBe('timedOut');
    expect(refusalOf('TRADE_CLOSED')).toBe('closed');
    expect(refusalOf('ORDER_EXPIRED')).toBe('closed');
    expect(refusalOf('RISK_CONTROL')).toBe('other');
  });

  test('a pending attempt is asked about every 1.5 s, a settled one no more', () => {
    expect(followInterval({ status: 'PENDING' })).toBe(1500);
    for (const status of ['CAPTURED', 'DECLINED', 'TIMED_OUT', 'VOIDED']) expect(followInterval({ status }), status).toBe(false);
    expect(followInterval(undefined)).toBe(false);
  });

  test("the order's newest attempt is found among the shopper's payments", () => {
    const payments = [
      { id: 1, orderId: 7, createdAt: '2026-11-28T01:00:00Z' },
      { id: 3, orderId: 8, createdAt: '2026-11-28T01:05:00Z' },
      { id: 2, orderId: 7, createdAt: '2026-11-28T01:02:00Z' },
    ];
    expect(latestAttempt(payments, 7)?.id).toBe(2);
    expect(latestAttempt(payments, 9)).toBeUndefined();
  });
});

test('the browser keeps one random device id for risk control, made once', () => {
  const kept = new Map<string, string>();
  const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
  let made = 0;
  const make = () => `device-${++made}`;
  expect(deviceId(storage, make)).toBe('device-1');
  expect(deviceId(storage, make)).toBe('device-1');
  kept.set('quarkmall.device', 'not a valid id!');
  expect(deviceId(storage, make)).toBe('device-2');
});

describe('one Idempotency-Key per attempt', () => {
  let n = 0;
  const fresh = () => `key-${++n}`;
  const sent = (draft: string, key: string, wasAnswered: boolean): SentAttempt => ({ draft, key, answered: wasAnswered });

  test('the first attempt gets a new key', () => {
    expect(keyForAttempt(null, 'card', fresh)).toMatch(/^key-/);
  });

  test('the same attempt sent again for want of an answer keeps its key', () => {
    expect(keyForAttempt(sent('card tok_a', 'k1', false), 'card tok_a', fresh)).toBe('k1');
  });

  test('after an answer (a decline, a 409), or with another card or channel, the attempt is new and so is its key', () => {
    expect(keyForAttempt(sent('card tok_a', 'k1', true), 'card tok_a', fresh)).not.toBe('k1');
    expect(keyForAttempt(sent('card tok_a', 'k1', false), 'card tok_b', fresh)).not.toBe('k1');
    expect(keyForAttempt(sent('card tok_a', 'k1', false), 'alipay', fresh)).not.toBe('k1');
  });

  test('no answer (a network error) or a 5xx leaves the attempt unsettled; any other answer settles it', () => {
    expect(answered(0)).toBe(false);
    expect(answered(503)).toBe(false);
    expect(answered(500)).toBe(false);
    expect(answered(201)).toBe(true);
    expect(answered(409)).toBe(true);
    expect(answered(404)).toBe(true);
  });
});

describe("the PSP's hosted field's message", () => {
  const PSP = 'http://127.0.0.1:18280';
  const message = (data: unknown, origin = PSP, fromFrame = true) => ({ origin, data, fromFrame });
  const good = { type: 'quarkmall-card-token', token: 'tok_card_AbCd', brand: 'visa', last4: '0002' };

  test('is taken from the PSP origin and frame with its type: the token, brand and last four digits', () => {
    expect(cardTokenOf(message(good), PSP)).toEqual({ token: 'tok_card_AbCd', brand: 'visa', last4: '0002' });
  });

  test('from another origin or another window, or of another type, is ignored', () => {
    expect(cardTokenOf(message(good, 'http://localhost:8080'), PSP)).toBeNull();
    expect(cardTokenOf(message(good, 'http://127.0.0.1:18281'), PSP)).toBeNull();
    expect(cardTokenOf(message(good, PSP, false), PSP)).toBeNull();
    expect(cardTokenOf(message({ ...good, type: 'something-else' }), PSP)).toBeNull();
    expect(cardTokenOf(message('tok_card_AbCd'), PSP)).toBeNull();
    expect(cardTokenOf(message(null), PSP)).toBeNull();
  });

  test('without a token of the PSP shape (a card number, say) is ignored', () => {
    expect(cardTokenOf(message({ ...good, token: '4242424242424242' }), PSP)).toBeNull();
    expect(cardTokenOf(message({ ...good, token: undefined }), PSP)).toBeNull();
    expect(cardTokenOf(message({ ...good, token: 'tok_<script>' }), PSP)).toBeNull();
  });

  test('keeps no more than four digits of a card, and a plain brand', () => {
    expect(cardTokenOf(message({ ...good, last4: '4242424242424242', brand: '<b>' }), PSP)).toEqual({ token: 'tok_card_AbCd', brand: 'card', last4: '' });
  });
});

describe('a refund typed in the console', () => {
  const payment = { amount: cny(10_000), refunded: cny(2_500) };

  test('can take back what the payment took less what was refunded', () => {
    expect(refundable(payment)).toEqual(cny(7_500));
    expect(refundable({ amount: cny(10_000), refunded: null })).toEqual(cny(10_000));
    expect(refundable({ amount: cny(10_000), refunded: cny(10_000) })).toEqual(cny(0));
  });

  test('is an amount in yuan and fen, exactly', () => {
    expect(refundDraft('30', cny(7_500))).toEqual({ amount: cny(3_000) });
    expect(refundDraft('0.1', cny(7_500))).toEqual({ amount: cny(10) });
    expect(refundDraft(' 75.00 ', cny(7_500))).toEqual({ amount: cny(7_500) });
    expect(refundDraft('19.99', cny(7_500))).toEqual({ amount: cny(1_999) });
  });

  test('is refused when not an amount, zero, with too many decimals, or more than is left', () => {
    for (const text of ['', 'abc', '0', '0.00', '-5', '1.234', '1e3']) expect(refundDraft(text, cny(7_500)), text).toEqual({ problem: 'amount' });
    expect(refundDraft('75.01', cny(7_500))).toEqual({ problem: 'tooMuch' });
    expect(refundDraft('1', cny(0))).toEqual({ problem: 'nothingLeft' });
  });

  test('"all that is left" fills in the amount left', () => {
    expect(allOf(cny(7_500))).toBe('75.00');
    expect(refundDraft(allOf(cny(7_505)), cny(7_505))).toEqual({ amount: cny(7_505) });
  });
});

describe('the review queue and reconciliation, shaped for the console', () => {
  test("a review's rules are shown heaviest first with their share of the score, those adding nothing left out", () => {
    const hits = [
      { rule: 'velocity-user', points: 20, explanation: 'a' },
      { rule: 'amount-spike', points: 50, explanation: 'b' },
      { rule: 'address-mismatch', points: 0, explanation: 'c' },
      { rule: 'new-device', points: 20, explanation: 'd' },
    ];
    expect(hitsByWeight(hits, 90).map((h) => [h.rule, Math.round(h.share * 100)]))
      .toEqual([['amount-spike', 56], ['new-device', 22], ['velocity-user', 22]]);
    expect(hitsByWeight([{ rule: 'x', points: 5, explanation: '' }], 0)[0].share).toBe(0);
  });

  test('a day to reconcile is a real date, today or before', () => {
    expect(reconciliationDay('2026-11-27', '2026-11-28')).toEqual({ day: '2026-11-27' });
    expect(reconciliationDay('2026-11-28', '2026-11-28')).toEqual({ day: '2026-11-28' });
    expect(reconciliationDay('2026-11-29', '2026-11-28')).toEqual({ problem: 'future' });
    for (const text of ['', '2026-02-30', '2026-13-01', '27/11/2026', '2026-1-5']) {
      expect(reconciliationDay(text, '2026-11-28'), text).toEqual({ problem: 'day' });
    }
  });

  test("the reports' range may leave either end open, and from is not after to", () => {
    expect(reportRange('', '')).toEqual({ from: '', to: '' });
    expect(reportRange('2026-11-01', '')).toEqual({ from: '2026-11-01', to: '' });
    expect(reportRange('2026-11-01', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(reportRange('2026-11-30', '2026-11-01')).toEqual({ problem: 'order' });
    expect(reportRange('2026-11-31', '')).toEqual({ problem: 'day' });
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
  });

  test("today is China's date, where pay counts its statements' days", () => {
    expect(chinaToday(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaToday(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });

  test("a mismatch's difference is the channel's amount less ours, when both sides have the line", () => {
    expect(difference(cny(1_000), cny(900))).toEqual(cny(-100));
    expect(difference(null, cny(900))).toBeNull();
    expect(difference(cny(1_000), null)).toBeNull();
    expect(difference(cny(1_000), { amountMinor: 1_000, currency: 'USD' })).toBeNull();
  });

  test('mismatches are counted by kind, the commonest first', () => {
    expect(mismatchCounts([{ kind: 'AMOUNT_DIFFERS' }, { kind: 'MISSING_AT_CHANNEL' }, { kind: 'MISSING_AT_CHANNEL' }]))
      .toEqual([{ kind: 'MISSING_AT_CHANNEL', count: 2 }, { kind: 'AMOUNT_DIFFERS', count: 1 }]);
  });
});

test("the console's payment texts have a Chinese translation with the same placeholders", async () => {
  const { payConsoleEn, payConsoleZh } = await import('../../src/pages/console/payMessages');
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(payConsoleEn) as (keyof typeof payConsoleEn)[]) {
    expect(payConsoleZh[key], key).toBeTruthy();
    expect(placeholders(payConsoleZh[key]), key).toEqual(placeholders(payConsoleEn[key]));
  }
});
