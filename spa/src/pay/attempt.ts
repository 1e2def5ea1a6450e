import type { PaymentView } from '../api';

/** How long a PENDING attempt waits before pay is asked about it again (live push comes later). */
export const FOLLOW_MS = 1500;

/**
 * What the payment panel shows for the latest attempt:
 * - `paid`: captured, the order moves on;
 * - `scan`: a QR code to scan with the wallet (desktop);
 * - `redirect`: the browser goes to the channel's page (phone);
 * - `waiting`: the channel has not said yet (followed every {@link FOLLOW_MS});
 * - `review`: risk control holds it for an operator (IN_REVIEW), followed like a pending one;
 * - `approved`: an operator approved the held attempt: the shopper pays again, no longer held;
 * - `refused`: declined, timed out or closed: said in words, and the shopper may try again;
 * - `none`: no attempt yet.
 */
export type AttemptView =
  | { kind: 'none' }
  | { kind: 'paid' }
  | { kind: 'scan'; content: string }
  | { kind: 'redirect'; url: string }
  | { kind: 'waiting' }
  | { kind: 'review' }
  | { kind: 'approved' }
  | { kind: 'refused'; reason: RefusalReason; code: string };

/** Why an attempt did not take the money, as the storefront words it. */
export type RefusalReason = 'declined' | 'insufficientFunds' | 'timedOut' | 'closed' | 'risk' | 'other';

/**
 * @param startedHere whether this page started the attempt: only then is a REDIRECT followed; one
 *     found on coming back from the channel's page is waited for instead of opened again
 */
export function attemptView(payment: Pick<PaymentView, 'status' | 'failureReason' | 'action'> | undefined,
                            startedHere = true): AttemptView {
  if (!payment) return { kind: 'none' };
  switch (payment.status) {
    case 'CAPTURED':
    case 'PARTIALLY_REFUNDED':
    case 'REFUNDED':
      return { kind: 'paid' };
    case 'PENDING': {
      const action = payment.action;
      if (action?.kind === 'QR_CODE') return { kind: 'scan', content: action.content };
      if (action?.kind === 'REDIRECT' && startedHere) return { kind: 'redirect', url: action.content };
      return { kind: 'waiting' };
    }
    case 'IN_REVIEW':
      return { kind: 'review' };
    case 'TIMED_OUT':
      return { kind: 'refused', reason: 'timedOut', code: payment.failureReason ?? '' };
    case 'VOIDED':
      if (payment.failureReason === 'REVIEW_APPROVED') return { kind: 'approved' };
      return { kind: 'refused', reason: 'closed', code: payment.failureReason ?? '' };
    default:
      return { kind: 'refused', reason: refusalOf(payment.failureReason ?? ''), code: payment.failureReason ?? '' };
  }
}

/** The channels' words for a refusal (the PSP's decline codes, pay's own), grouped as the shopper is told them. */
export function refusalOf(code: string): RefusalReason {
  const word = code.toLowerCase();
  if (word === 'risk_declined') return 'risk';
  if (word === 'insufficient_funds' || word.includes('balance')) return 'insufficientFunds';
  if (word === 'timeout' || word.includes('timed_out')) return 'timedOut';
  if (word === 'closed' || word.includes('closed') || word.includes('expired')) return 'closed';
  if (word === '' || word === 'declined' || word.includes('declin')) return 'declined';
  return 'other';
}

/** Whether pay is asked about the attempt again in {@link FOLLOW_MS}: while it is PENDING or held for review. */
export function followInterval(payment: Pick<PaymentView, 'status'> | undefined): number | false {
  return payment?.status === 'PENDING' || payment?.status === 'IN_REVIEW' ? FOLLOW_MS : false;
}

/** The newest attempt at paying this order, among the shopper's payments (newest first), if any. */
export function latestAttempt<T extends Pick<PaymentView, 'orderId' | 'createdAt'>>(payments: T[], orderId: number): T | undefined {
  return payments.filter((p) => p.orderId === orderId)
    .reduce<T | undefined>((newest, p) => (!newest || p.createdAt > newest.createdAt ? p : newest), undefined);
}

/** One attempt as it was sent: what it asked for (without any secret) and under which Idempotency-Key. */
export interface SentAttempt { draft: string; key: string; answered: boolean }

/**
 * The key of the attempt about to be sent: the same key only when the very same attempt is sent
 * again because no answer came (a network error or a 5xx: pay may or may not have started it), a
 * fresh one for every new attempt (after a decline, with another card or channel).
 */
export function keyForAttempt(last: SentAttempt | null, draft: string, fresh: () => string): string {
  return last && !last.answered && last.draft === draft ? last.key : fresh();
}

/** Whether an answer (an HTTP status, 0 for none) settled the attempt, so that the next one needs a new key. */
export function answered(status: number): boolean {
  return status > 0 && status < 500;
}

/** A card the PSP's hosted field tokenised: the token, the brand and the last four digits only. */
export interface CardToken { token: string; brand: string; last4: string }

/** The message type the PSP's hosted field posts to the page that embeds it. */
export const CARD_TOKEN_MESSAGE = 'quarkmall-card-token';

/**
 * The card token of a message posted to this window, if it came from the PSP's origin (and, where
 * known, from its frame) with the hosted field's type and shape; anything else is ignored.
 */
export function cardTokenOf(message: { origin: string; data: unknown; fromFrame: boolean }, pspOrigin: string): CardToken | null {
  if (message.origin !== pspOrigin || !message.fromFrame) return null;
  const data = message.data as Partial<Record<keyof CardToken | 'type', unknown>> | null;
  if (!data || typeof data !== 'object' || data.type !== CARD_TOKEN_MESSAGE) return null;
  const { token, brand, last4 } = data;
  if (typeof token !== 'string' || !/^tok_[A-Za-z0-9_]{1,100}$/.test(token)) return null;
  return {
    token,
    brand: typeof brand === 'string' && /^[a-z]{1,20}$/.test(brand) ? brand : 'card',
    last4: typeof last4 === 'string' && /^\d{4}$/.test(last4) ? last4 : '',
  };
}
