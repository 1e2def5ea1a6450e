import type { CouponTemplateRequest } from '../api';
import { parseAmount } from '../money';

/** The coupon template form as an operator types it: text fields, turned into a request only when valid. */
export interface TemplateDraft {
  name: string;
  kind: 'FIXED' | 'PERCENT' | 'THRESHOLD';
  currency: string;
  amountOff: string;
  percentOff: string;
  cap: string;
  minSubtotal: string;
  scope: 'ALL' | 'PRODUCT' | 'CATEGORY';
  targets: string;
  validity: 'window' | 'days';
  validFrom: string;
  validTo: string;
  days: string;
  perShopperLimit: string;
  totalLimit: string;
  stackable: boolean;
  exclusiveGroup: string;
}

export const emptyTemplate = (): TemplateDraft => ({
  name: '', kind: 'FIXED', currency: 'CNY', amountOff: '', percentOff: '', cap: '', minSubtotal: '',
  scope: 'ALL', targets: '', validity: 'days', validFrom: '', validTo: '', days: '30',
  perShopperLimit: '1', totalLimit: '100', stackable: false, exclusiveGroup: '',
});

type Problem = 'required' | 'amount' | 'percent' | 'count' | 'targets' | 'date' | 'order';
const MAX_DAYS = 3650;

const count = (text: string, max: number) => {
  const n = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return n >= 1 && n <= max ? n : null;
};

/** "15.5" (%) → 1550 basis points; null unless 0.01 to 100 with at most two decimals. */
export function basisPointsOf(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
  return bp >= 1 && bp <= 10_000 ? bp : null;
}

/** "TEA-1, TEA-2，TEA-3" → the codes; empty parts dropped. */
export function targetsOf(text: string): string[] {
  return text.split(/[,，\s]+/).map((p) => p.trim()).filter(Boolean);
}

/** A datetime-local value ("2026-12-01T08:00", the operator's own time) → an instant; null if empty or bad. */
export function instantOf(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Field name → what is wrong with it; empty when the draft can be sent. */
export function problemsOf(d: TemplateDraft): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  if (!d.name.trim()) problems.name = 'required';
  if (d.kind !== 'PERCENT' && parseAmount(d.amountOff, d.currency) === null) problems.amountOff = 'amount';
  if (d.kind === 'PERCENT' && basisPointsOf(d.percentOff) === null) problems.percentOff = 'percent';
  if (d.kind === 'PERCENT' && d.cap.trim() && parseAmount(d.cap, d.currency) === null) problems.cap = 'amount';
  if (d.kind === 'THRESHOLD' && parseAmount(d.minSubtotal, d.currency) === null) problems.minSubtotal = 'amount';
  if (d.scope !== 'ALL' && targetsOf(d.targets).length === 0) problems.targets = 'targets';
  if (d.validity === 'days' && count(d.days, MAX_DAYS) === null) problems.days = 'count';
  if (d.validity === 'window') {
    const from = instantOf(d.validFrom);
    const to = instantOf(d.validTo);
    if (!from) problems.validFrom = 'date';
    if (!to) problems.validTo = 'date';
    else if (from && from >= to) problems.validTo = 'order';
  }
  if (count(d.perShopperLimit, 1_000_000) === null) problems.perShopperLimit = 'count';
  if (count(d.totalLimit, 100_000_000) === null) problems.totalLimit = 'count';
  return problems;
}

/** loyalty's TemplateRequest: only the fields the kind, scope and validity take. */
export function requestOf(d: TemplateDraft): CouponTemplateRequest {
  const amount = (text: string) => parseAmount(text, d.currency) ?? undefined;
  return {
    name: d.name.trim(),
    kind: d.kind,
    currency: d.currency,
    amountOffMinor: d.kind === 'PERCENT' ? undefined : amount(d.amountOff),
    percentOffBasisPoints: d.kind === 'PERCENT' ? basisPointsOf(d.percentOff) ?? undefined : undefined,
    capMinor: d.kind === 'PERCENT' && d.cap.trim() ? amount(d.cap) : undefined,
    minSubtotalMinor: d.kind === 'THRESHOLD' ? amount(d.minSubtotal) : undefined,
    scope: d.scope,
    scopeTargets: d.scope === 'ALL' ? [] : targetsOf(d.targets),
    validFrom: d.validity === 'window' ? instantOf(d.validFrom) ?? undefined : undefined,
    validTo: d.validity === 'window' ? instantOf(d.validTo) ?? undefined : undefined,
    validDaysAfterClaim: d.validity === 'days' ? Number(d.days.trim()) : undefined,
    perShopperLimit: Number(d.perShopperLimit.trim()),
    totalLimit: Number(d.totalLimit.trim()),
    stackable: d.stackable,
    exclusiveGroup: d.exclusiveGroup.trim() || undefined,
  };
}
