import { amountText, parseAmount, type Money } from '../money';

/** What can still be given back of a payment: what it took less what was refunded already. */
export function refundable(payment: { amount: Money; refunded: Money | null }): Money {
  const refunded = payment.refunded?.amountMinor ?? 0;
  return { amountMinor: Math.max(0, payment.amount.amountMinor - refunded), currency: payment.amount.currency };
}

export type RefundProblem = 'amount' | 'tooMuch' | 'nothingLeft';

/**
 * The refund typed in the console, checked before it is sent: a positive amount with at most the
 * currency's decimals, no more than is left to refund. pay checks again (409 if less is left by then).
 */
export function refundDraft(text: string, left: Money): { amount: Money } | { problem: RefundProblem } {
  if (left.amountMinor <= 0) return { problem: 'nothingLeft' };
  const minor = parseAmount(text, left.currency);
  if (minor === null) return { problem: 'amount' };
  if (minor > left.amountMinor) return { problem: 'tooMuch' };
  return { amount: { amountMinor: minor, currency: left.currency } };
}

/** The field's text for refunding all that is left. */
export function allOf(left: Money): string {
  return amountText(left.amountMinor, left.currency);
}
