import type { EarningRule, EarningRuleRequest } from '../api';
import { amountText, parseAmount } from '../money';
import { instantOf } from '../coupons/templateDraft';

/** An earning rule as the operator types it. */
export interface RuleDraft {
  name: string; trigger: 'PAID' | 'COMPLETED' | 'RETURN_WINDOW_CLOSED'; returnWindowDays: string; scope: 'ALL' | 'PRODUCT'; sku: string;
  multiplier: string; bonusPerUnit: string; minimum: string; currency: string; activeFrom: string; activeTo: string; priority: string;
  stop: boolean;
}

export const emptyRule = (): RuleDraft => ({
  name: '', trigger: 'PAID', returnWindowDays: '7', scope: 'ALL', sku: '', multiplier: '', bonusPerUnit: '', minimum: '',
  currency: 'CNY', activeFrom: '', activeTo: '', priority: '0', stop: false,
});

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** "1.5" (times the base points) → 15000 basis points; null unless 0 to 100 with at most four decimals. */
export function multiplierOf(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,4}))?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0') || '0');
  return bp <= 1_000_000 ? bp : null;
}

/** 15000 basis points → "1.5". */
export function multiplierText(bp: number): string {
  return String(bp / 10_000);
}

const whole = (text: string, min: number, max: number) => {
  const n = /^-?\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return n >= min && n <= max ? n : null;
};

/** Field name → wrong; empty when the rule can be sent. */
export function ruleProblems(d: RuleDraft): string[] {
  const wrong: string[] = [];
  if (!d.name.trim()) wrong.push('name');
  if (d.trigger === 'RETURN_WINDOW_CLOSED' && whole(d.returnWindowDays, 1, 365) === null) wrong.push('returnWindowDays');
  if (d.scope === 'PRODUCT' && !SKU.test(d.sku.trim())) wrong.push('sku');
  if (!d.multiplier.trim() && !d.bonusPerUnit.trim()) wrong.push('multiplier');
  else {
    if (d.multiplier.trim() && multiplierOf(d.multiplier) === null) wrong.push('multiplier');
    if (d.bonusPerUnit.trim() && whole(d.bonusPerUnit, 0, 1_000_000) === null) wrong.push('bonusPerUnit');
  }
  if (d.minimum.trim() && parseAmount(d.minimum, d.currency) === null) wrong.push('minimum');
  if (d.activeFrom && !instantOf(d.activeFrom)) wrong.push('activeFrom');
  const from = instantOf(d.activeFrom);
  const to = instantOf(d.activeTo);
  if (d.activeTo && (!to || (from && to <= from))) wrong.push('activeTo');
  if (whole(d.priority, -1_000, 1_000) === null) wrong.push('priority');
  return wrong;
}

export function ruleRequestOf(d: RuleDraft): EarningRuleRequest {
  return {
    name: d.name.trim(),
    trigger: d.trigger,
    returnWindowDays: d.trigger === 'RETURN_WINDOW_CLOSED' ? Number(d.returnWindowDays.trim()) : undefined,
    scope: d.scope,
    sku: d.scope === 'PRODUCT' ? d.sku.trim() : undefined,
    multiplierBasisPoints: d.multiplier.trim() ? multiplierOf(d.multiplier) ?? undefined : undefined,
    bonusPerUnit: d.bonusPerUnit.trim() ? Number(d.bonusPerUnit.trim()) : undefined,
    minimumOrder: d.minimum.trim() ? { amountMinor: parseAmount(d.minimum, d.currency)!, currency: d.currency } : undefined,
    activeFrom: instantOf(d.activeFrom) ?? undefined,
    activeTo: instantOf(d.activeTo) ?? undefined,
    priority: Number(d.priority.trim()),
    stop: d.stop,
  };
}

/** A datetime-local value for an instant, in the operator's own time. */
function localOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A saved rule back in the form, to revise it. */
export function ruleDraftOf(r: EarningRule): RuleDraft {
  return {
    name: r.name, trigger: r.trigger, returnWindowDays: r.returnWindowDays == null ? '7' : String(r.returnWindowDays),
    scope: r.scope, sku: r.sku ?? '', multiplier: r.multiplierBasisPoints == null ? '' : multiplierText(r.multiplierBasisPoints),
    bonusPerUnit: r.bonusPerUnit == null ? '' : String(r.bonusPerUnit),
    minimum: r.minimumOrder ? amountText(r.minimumOrder.amountMinor, r.minimumOrder.currency) : '',
    currency: r.minimumOrder?.currency ?? 'CNY', activeFrom: localOf(r.activeFrom), activeTo: localOf(r.activeTo),
    priority: String(r.priority), stop: r.stop,
  };
}
