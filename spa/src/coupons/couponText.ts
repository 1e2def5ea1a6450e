import type { CouponTemplate } from '../api';
import { formatDate, translate, type Lang } from '../i18n';
import { formatMoney, type Money } from '../money';

/** 1550 basis points → "15.5%" in the reader's language. */
export function percentText(basisPoints: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

const money = (m: Money | undefined, lang: Lang) => (m ? formatMoney(m, lang) : '');

/**
 * What a template's coupons take off, in the reader's language, from its terms (loyalty's own
 * summary is English): "¥20.00 off orders of ¥200.00 or more", "满 ¥200.00 减 ¥20.00".
 */
export function termsText(t: CouponTemplate, lang: Lang): string {
  switch (t.kind) {
    case 'FIXED':
      return translate(lang, 'coupon.terms.FIXED', { amount: money(t.amountOff, lang) });
    case 'THRESHOLD':
      return translate(lang, 'coupon.terms.THRESHOLD', { amount: money(t.amountOff, lang), min: money(t.minSubtotal, lang) });
    case 'PERCENT': {
      const percent = translate(lang, 'coupon.terms.PERCENT', { percent: percentText(t.percentOffBasisPoints ?? 0, lang) });
      return t.cap ? `${percent}${translate(lang, 'coupon.terms.cap', { cap: money(t.cap, lang) })}` : percent;
    }
    default:
      return t.summary;
  }
}

/** What the coupons cover: everything, some products (SKU codes) or some categories. */
export function scopeText(t: CouponTemplate, lang: Lang): string {
  const targets = (t.scopeTargets ?? []).join(', ');
  if (t.scope === 'PRODUCT') return translate(lang, 'coupon.scope.PRODUCT', { targets });
  if (t.scope === 'CATEGORY') return translate(lang, 'coupon.scope.CATEGORY', { targets });
  return translate(lang, 'coupon.scope.ALL');
}

/** When the coupons can be used: a window for all, or some days from each claim. */
export function validityText(t: CouponTemplate, lang: Lang): string {
  if (t.validDaysAfterClaim != null) return translate(lang, 'coupon.validity.days', { days: t.validDaysAfterClaim });
  if (t.validFrom && t.validTo) {
    return translate(lang, 'coupon.validity.window', { from: formatDate(t.validFrom, lang), to: formatDate(t.validTo, lang) });
  }
  return '';
}
