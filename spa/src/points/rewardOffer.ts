import type { RewardOffer } from '../api';

/** A reward offer as an operator types it. */
export interface OfferDraft { name: string; description: string; kind: 'COUPON' | 'VOUCHER'; couponTemplateId: string; pointsCost: string; stock: string; perShopperLimit: string }

export const EMPTY_OFFER: OfferDraft = { name: '', description: '', kind: 'VOUCHER', couponTemplateId: '', pointsCost: '', stock: '100', perShopperLimit: '1' };

const whole = (text: string, min: number, max: number) => {
  const n = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return n >= min && n <= max ? n : null;
};

/** Field name → wrong, empty when the offer can be sent (loyalty's OfferRequest ranges). */
export function offerProblems(d: OfferDraft): string[] {
  const wrong: string[] = [];
  if (!d.name.trim()) wrong.push('name');
  if (d.kind === 'COUPON' && !d.couponTemplateId) wrong.push('couponTemplateId');
  if (whole(d.pointsCost, 1, 100_000_000) === null) wrong.push('pointsCost');
  if (whole(d.stock, 0, 10_000_000) === null) wrong.push('stock');
  if (whole(d.perShopperLimit, 1, 1_000) === null) wrong.push('perShopperLimit');
  return wrong;
}

export function offerOf(d: OfferDraft): RewardOffer {
  return {
    name: d.name.trim(), description: d.description.trim() || undefined, kind: d.kind,
    couponTemplateId: d.kind === 'COUPON' ? Number(d.couponTemplateId) : undefined,
    pointsCost: Number(d.pointsCost.trim()), stock: Number(d.stock.trim()), perShopperLimit: Number(d.perShopperLimit.trim()),
  };
}

