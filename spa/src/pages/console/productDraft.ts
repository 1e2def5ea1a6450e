import type { ProductView } from '../../api';
import { amountText, parseAmount } from '../../money';

/** The product form as the merchant types it: text fields, turned into a request only when valid. */
/**
 * {@code cash} and {@code limit}: the points mall's money part of a points-plus-cash price and units per shopper (both
 * optional); {@code weight}: one packed unit's weight in grams, which delivery fees are computed from (optional).
 */
export interface SkuDraft { code: string; attributes: string; price: string; currency: string; points: string; cash: string; limit: string; weight: string }
export interface ProductDraft { names: Record<string, string>; skus: SkuDraft[] }

export const NAME_LANGS = ['zh-CN', 'en', 'ja'];
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'HKD'];
/** catalog's limit on one packed unit's weight: 100 kg. */
const MAX_WEIGHT_GRAMS = 100_000;
const SKU_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const emptySku = (): SkuDraft => ({ code: '', attributes: '', price: '', currency: 'CNY', points: '', cash: '', limit: '', weight: '' });

export function draftOf(product: ProductView): ProductDraft {
  return {
    names: Object.fromEntries(NAME_LANGS.map((l) => [l, product.names[l] ?? ''])),
    skus: product.skus.map((s) => ({
      code: s.sku,
      attributes: Object.entries(s.attributes ?? {}).map(([k, v]) => `${k}=${v}`).join(', '),
      price: amountText(s.price.amountMinor, s.price.currency),
      currency: s.price.currency,
      points: s.pointsPrice == null ? '' : String(s.pointsPrice),
      cash: s.pointsCash == null ? '' : amountText(s.pointsCash.amountMinor, s.pointsCash.currency),
      limit: s.redeemLimitPerShopper == null ? '' : String(s.redeemLimitPerShopper),
      weight: s.weightGrams == null ? '' : String(s.weightGrams),
    })),
  };
}

/** Field name → what is wrong with it; empty when the draft can be sent. */
export function problemsOf(draft: ProductDraft): Record<string, 'required' | 'sku' | 'price' | 'points' | 'attributes' | 'cash' | 'limit' | 'weight'> {
  const problems: ReturnType<typeof problemsOf> = {};
  if (!NAME_LANGS.some((l) => draft.names[l]?.trim())) problems['name-zh-CN'] = 'required';
  draft.skus.forEach((s, i) => {
    if (!SKU_CODE.test(s.code.trim())) problems[`sku-${i}-code`] = 'sku';
    if (parseAmount(s.price, s.currency) === null) problems[`sku-${i}-price`] = 'price';
    if (s.points.trim() && !/^\d{1,12}$/.test(s.points.trim())) problems[`sku-${i}-points`] = 'points';
    // The points mall's terms come with a points price (catalog answers 422 redemption-terms-invalid otherwise).
    if (s.cash.trim() && (!s.points.trim() || cashOf(s.cash, s.currency) === null)) problems[`sku-${i}-cash`] = 'cash';
    if (s.limit.trim() && (!s.points.trim() || !/^[1-9]\d{0,8}$/.test(s.limit.trim()))) problems[`sku-${i}-limit`] = 'limit';
    if (s.weight.trim() && (!/^[1-9]\d{0,5}$/.test(s.weight.trim()) || Number(s.weight.trim()) > MAX_WEIGHT_GRAMS)) problems[`sku-${i}-weight`] = 'weight';
    if (attributesOf(s.attributes) === null) problems[`sku-${i}-attributes`] = 'attributes';
  });
  return problems;
}

/** "colour=red, size=M" → {colour: red, size: M}; null if a part has no '='. */
export function attributesOf(text: string): Record<string, string> | null {
  const result: Record<string, string> = {};
  for (const part of text.split(/[,，]/).map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    if (at <= 0 || at === part.length - 1) return null;
    result[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return result;
}

/** The catalog's ProductRequest: names in the order zh-CN, en, ja (the first is the default name). */
export function requestOf(draft: ProductDraft) {
  return {
    names: Object.fromEntries(NAME_LANGS.filter((l) => draft.names[l]?.trim()).map((l) => [l, draft.names[l].trim()])),
    skus: draft.skus.map((s) => ({
      sku: s.code.trim(),
      attributes: attributesOf(s.attributes) ?? {},
      price: { amountMinor: parseAmount(s.price, s.currency)!, currency: s.currency },
      pointsPrice: s.points.trim() ? Number(s.points.trim()) : null,
      pointsCash: s.cash.trim() ? { amountMinor: cashOf(s.cash, s.currency)!, currency: s.currency } : null,
      redeemLimitPerShopper: s.limit.trim() ? Number(s.limit.trim()) : null,
      weightGrams: s.weight.trim() ? Number(s.weight.trim()) : null,
    })),
  };
}

/** The money part of a points-plus-cash price: an amount as for a price, or nothing at all ("0"). */
function cashOf(text: string, currency: string): number | null {
  return /^\s*0+(?:[.,]0*)?\s*$/.test(text) ? 0 : parseAmount(text, currency);
}
