import type { ApiError, FlashSaleAdmission } from '../api';

/**
 * What one buy attempt was told, as the page says it: admitted with a ticket, or one of stock's
 * refusals (by the last part of its problem type), or too many attempts (with when to try again),
 * or anything else as the service said it.
 */
export type Answer =
  | { kind: 'ADMITTED'; ticketId: string }
  | { kind: 'SOLD_OUT' | 'LIMIT_REACHED' | 'NOT_STARTED' | 'ENDED' | 'TOKEN_REFUSED' }
  | { kind: 'RATE_LIMITED'; retryAfterSeconds: number }
  | { kind: 'PROBLEM'; error: ApiError };

export type AnswerKind = Answer['kind'];

const REFUSALS: Record<string, AnswerKind> = {
  'flash-sale-sold-out': 'SOLD_OUT',
  'flash-sale-limit-reached': 'LIMIT_REACHED',
  'flash-sale-not-started': 'NOT_STARTED',
  'flash-sale-ended': 'ENDED',
};

/** The last part of a problem's type URI ("https://quarkmall.io/problems/flash-sale-sold-out" → "flash-sale-sold-out"). */
export function problemName(error: ApiError): string {
  return error.type.slice(error.type.lastIndexOf('/') + 1);
}

/** A 201 admission, or a 200 replay of one (the same ticket again): the shopper has the unit. */
export function admitted(admission: FlashSaleAdmission): Answer {
  return { kind: 'ADMITTED', ticketId: admission.ticketId };
}

/** What a failed attempt means to the shopper. */
export function refusal(error: ApiError): Answer {
  if (error.status === 429) return { kind: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds ?? 1 };
  if (error.status === 403) return { kind: 'TOKEN_REFUSED' };
  const kind = error.status === 409 ? REFUSALS[problemName(error)] : undefined;
  return kind ? { kind } as Answer : { kind: 'PROBLEM', error };
}

/**
 * Whether the attempt may have had no answer, or was not looked at yet: no answer came (network),
 * too many attempts (429), or the service failed (5xx). Such an attempt is sent again with the same
 * Idempotency-Key, so a unit taken by the first one is answered with its ticket, not taken twice.
 */
export function unanswered(error: ApiError): boolean {
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/** How long before sending an unanswered attempt again: the 429's Retry-After, else a second per try so far. */
export function retryDelayMs(error: ApiError, failures: number): number {
  if (error.status === 429) return (error.retryAfterSeconds ?? 1) * 1000;
  return 1000 * Math.max(1, failures);
}

/** Automatic tries of one attempt before the page offers "Try again" (with the same key). */
export const MAX_TRIES = 4;

/** Whether a failed try is sent again by itself. */
export function retryAttempt(failures: number, error: ApiError): boolean {
  return failures < MAX_TRIES && unanswered(error);
}

/** The token asked a moment too early by a clock a little off: stock's 409 sale-token-not-yet, asked again a second later. */
export function tokenNotYet(error: ApiError): boolean {
  return error.status === 409 && problemName(error) === 'sale-token-not-yet';
}
