import type { ApiError, FlashSaleRequest } from '../api';
import { instantOf } from '../coupons/templateDraft';
import { fractionDigits } from '../money';

/** The flash-sale form as a merchant types it; turned into stock's ScheduleRequest only when valid. */
export interface FlashSaleDraft {
  sku: string;
  quantity: string;
  price: string;
  currency: string;
  startsAt: string;
  endsAt: string;
  perShopperLimit: string;
}

export type FlashSaleField = keyof FlashSaleDraft;

/** What is wrong with a field, by the rules stock's ScheduleRequest and FlashSale.schedule keep. */
export type FlashSaleProblem = 'sku' | 'quantity' | 'price' | 'limit' | 'date' | 'past' | 'order' | 'tooLong';

const SKU = /^[A-Za-z0-9._-]{1,64}$/;
export const MAX_QUANTITY = 1_000_000;
export const MAX_LIMIT = 1_000;
const MAX_PRICE_MINOR = 1_000_000_000_000;
/** FlashSale.LONGEST: a flash sale, not a price list. */
export const LONGEST_MS = 7 * 86_400_000;

export const emptyFlashSale = (sku = ''): FlashSaleDraft => ({
  sku, quantity: '', price: '', currency: 'CNY', startsAt: '', endsAt: '', perShopperLimit: '1',
});

/** A whole number from 1 to {@code max}, else null. */
export function wholeCount(text: string, max: number): number | null {
  const n = /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= max ? n : null;
}

/** "9.9" in CNY → 990 minor units; zero allowed (stock's price is PositiveOrZero); null unless at most the currency's decimals. */
export function priceMinorOf(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const match = /^\s*(\d{1,13})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match || (match[2] ?? '').length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return minor <= MAX_PRICE_MINOR ? minor : null;
}

/** Field → what is wrong with it, checked at {@code now}; empty when the draft can be sent. */
export function flashSaleProblems(d: FlashSaleDraft, now: Date): Partial<Record<FlashSaleField, FlashSaleProblem>> {
  const problems: Partial<Record<FlashSaleField, FlashSaleProblem>> = {};
  if (!SKU.test(d.sku.trim())) problems.sku = 'sku';
  if (wholeCount(d.quantity, MAX_QUANTITY) === null) problems.quantity = 'quantity';
  if (priceMinorOf(d.price, d.currency) === null) problems.price = 'price';
  if (wholeCount(d.perShopperLimit, MAX_LIMIT) === null) problems.perShopperLimit = 'limit';
  const starts = instantOf(d.startsAt);
  const ends = instantOf(d.endsAt);
  if (!starts) problems.startsAt = 'date';
  else if (Date.parse(starts) <= now.getTime()) problems.startsAt = 'past';
  if (!ends) problems.endsAt = 'date';
  else if (starts && Date.parse(ends) <= Date.parse(starts)) problems.endsAt = 'order';
  else if (starts && Date.parse(ends) - Date.parse(starts) > LONGEST_MS) problems.endsAt = 'tooLong';
  return problems;
}

/** stock's ScheduleRequest of a draft that has no problems. */
export function flashSaleRequest(d: FlashSaleDraft): FlashSaleRequest {
  return {
    sku: d.sku.trim(),
    quantity: Number(d.quantity.trim()),
    price: { amountMinor: priceMinorOf(d.price, d.currency) ?? 0, currency: d.currency },
    startsAt: instantOf(d.startsAt) ?? '',
    endsAt: instantOf(d.endsAt) ?? '',
    perShopperLimit: Number(d.perShopperLimit.trim()),
  };
}

/** The request's fields as stock's violations name them (the last node of the path) → the form's fields. */
const VIOLATION_FIELDS: Record<string, FlashSaleField> = {
  sku: 'sku', quantity: 'quantity', amountMinor: 'price', currency: 'currency', price: 'price',
  startsAt: 'startsAt', endsAt: 'endsAt', perShopperLimit: 'perShopperLimit',
};

/** stock's 409 types (FlashSale.schedule, FlashSaleStock) → the field the rule is about. */
const RULE_FIELDS: Record<string, FlashSaleField> = {
  'flash-sale-starts-in-the-past': 'startsAt',
  'flash-sale-too-far-ahead': 'startsAt',
  'flash-sale-ends-before-it-starts': 'endsAt',
  'flash-sale-too-long': 'endsAt',
  'flash-sale-quantity-not-positive': 'quantity',
  'not-enough-stock': 'quantity',
};

/**
 * Where the service's refusal belongs on the form: each violation (400) or rule (409) at its field,
 * a 404 (an unknown SKU or another merchant's) at the SKU; {@code general} is true when some of it
 * belongs to no field and the whole problem should be shown above the form.
 */
export function serverProblems(error: ApiError): { fields: Partial<Record<FlashSaleField, string>>; general: boolean } {
  const fields: Partial<Record<FlashSaleField, string>> = {};
  let general = false;
  if (error.status === 400 && error.violations.length > 0) {
    for (const v of error.violations) {
      const field = VIOLATION_FIELDS[v.field];
      if (field) fields[field] = fields[field] ? `${fields[field]}; ${v.message}` : v.message;
      else general = true;
    }
  } else if (error.status === 404) {
    fields.sku = error.detail || error.title;
  } else {
    const type = error.type.slice(error.type.lastIndexOf('/') + 1);
    const field = error.status === 409 ? RULE_FIELDS[type] : undefined;
    if (field) fields[field] = error.detail || error.title;
    else general = true;
  }
  return { fields, general };
}
