import type { AfterSalesDraft, AfterSalesKind, AfterSalesReason, AfterSalesRequest, ApiError, OrderView, ReturnParcelDraft } from '../api';

/** The reasons a shopper may give, in the order the form offers them. */
export const REFUND_REASONS: readonly AfterSalesReason[] = ['NOT_RECEIVED', 'DAMAGED', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'OTHER'];

/** The longest note cart-order takes (AfterSalesDraft's @Size). */
export const NOTE_MAX = 500;

/** Where cart-order's AfterSalesPolicy takes requests: once the parcel has left (before that the shopper cancels). */
const AFTER_SALES_STATUSES = ['SHIPPED', 'DELIVERED', 'COMPLETED'];

/** Whether the order can have refund requests at all, so whether asking for its list is worth it. */
export function afterSalesPossible(order: OrderView): boolean {
  return AFTER_SALES_STATUSES.includes(order.status);
}

/** The kinds a shopper chooses between, refund only first (the form's default); an exchange sends the same SKU or another size. */
export const AFTER_SALES_KINDS: readonly AfterSalesKind[] = ['REFUND_ONLY', 'RETURN_AND_REFUND', 'EXCHANGE'];

/**
 * Statuses of a request still to be decided, sent back, received, refunded or (an exchange) replaced: while one
 * is, the order cannot have another.
 */
const OPEN_STATUSES = ['REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED', 'REPLACING'];

/** Statuses whose units are free to be asked for again, unless the goods were received (cart-order's AfterSalesRequest.claims). */
const RELEASED_STATUSES = ['REJECTED', 'NOT_REFUNDED', 'EXPIRED'];

export function isOpen(request: AfterSalesRequest): boolean {
  return OPEN_STATUSES.includes(request.status);
}

export function hasOpenRequest(requests: AfterSalesRequest[] | undefined): boolean {
  return (requests ?? []).some(isOpen);
}

/** One line of the order with the units no earlier request (other than one rejected, not refunded or expired) has claimed. */
export interface ClaimableLine {
  sku: string;
  productName: string;
  bought: number;
  claimable: number;
}

/** The order's lines and what is left to claim on each, as cart-order's AfterSalesPolicy counts it. */
export function claimableLines(order: OrderView, requests: AfterSalesRequest[]): ClaimableLine[] {
  return order.lines.map((line) => {
    const claimed = requests.filter((r) => !RELEASED_STATUSES.includes(r.status) || r.receivedAt).flatMap((r) => r.lines)
      .filter((l) => l.sku === line.sku).reduce((sum, l) => sum + l.quantity, 0);
    return { sku: line.sku, productName: line.productName, bought: line.quantity, claimable: Math.max(0, line.quantity - claimed) };
  });
}

/** The refund form as the shopper fills it in: the units per SKU as typed. */
export interface RefundForm {
  kind: AfterSalesKind;
  reason: AfterSalesReason | '';
  units: Record<string, string>;
  /** For an exchange: per SKU sent back, the SKU to send instead ('' or absent: the same SKU again). */
  replacements: Record<string, string>;
  note: string;
}

/** A new form: no reason chosen yet, every unit still claimable asked for, an exchange sending the same SKUs. */
export function refundFormOf(lines: ClaimableLine[]): RefundForm {
  return {
    kind: 'REFUND_ONLY', reason: '', units: Object.fromEntries(lines.map((l) => [l.sku, String(l.claimable)])), replacements: {}, note: '',
  };
}

/** What is wrong with the form: no reason, a note too long, a quantity not a whole number in range, no unit at all. */
export interface RefundProblems {
  reason?: 'required';
  note?: 'tooLong';
  units: Record<string, 'quantity'>;
  nothing?: true;
}

const unitsOf = (text: string | undefined): number | null => {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return 0;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
};

export function refundProblems(form: RefundForm, lines: ClaimableLine[]): RefundProblems {
  const problems: RefundProblems = { units: {} };
  if (form.reason === '') problems.reason = 'required';
  if ([...form.note.trim()].length > NOTE_MAX) problems.note = 'tooLong';
  let total = 0;
  for (const line of lines) {
    const units = unitsOf(form.units[line.sku]);
    if (units === null || units > line.claimable) problems.units[line.sku] = 'quantity';
    else total += units;
  }
  if (total === 0 && Object.keys(problems.units).length === 0) problems.nothing = true;
  return problems;
}

export function hasProblems(problems: RefundProblems): boolean {
  return !!problems.reason || !!problems.note || !!problems.nothing || Object.keys(problems.units).length > 0;
}

/**
 * cart-order's AfterSalesDraft of a form without problems: the lines the shopper chose, by SKU, a
 * line left at 0 dropped. Every line is named even when every unit is asked for, so what cart-order
 * refunds is what the shopper saw (a request made meanwhile in another tab is refused, not absorbed).
 */
export function refundDraft(form: RefundForm, lines: ClaimableLine[]): AfterSalesDraft {
  const instead = (sku: string) => {
    const replacement = form.kind === 'EXCHANGE' ? form.replacements[sku] : undefined;
    return replacement && replacement !== sku ? { replacementSku: replacement } : {};
  };
  const chosen = lines.map((l) => ({ sku: l.sku, quantity: unitsOf(form.units[l.sku]) ?? 0, ...instead(l.sku) }))
    .filter((l) => l.quantity > 0);
  const note = form.note.trim();
  return { kind: form.kind, reason: form.reason as AfterSalesReason, ...(note === '' ? {} : { note }), lines: chosen };
}

/** How a SKU an exchange may send reads: its attributes' values ("L · Blue"), or its code when it has none. */
export function choiceLabel(choice: { sku: string; attributes: Record<string, string> }): string {
  const values = Object.values(choice.attributes);
  return values.length > 0 ? values.join(' · ') : choice.sku;
}

/** The return parcel as the shopper types it. */
export interface ReturnParcelForm {
  carrier: string;
  trackingNumber: string;
}

/** The longest carrier name cart-order takes, and its tracking number's shape (ReturnParcelDraft). */
export const CARRIER_MAX = 40;
const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{5,39}$/;

export interface ReturnParcelProblems {
  carrier?: 'required' | 'tooLong';
  trackingNumber?: 'format';
}

export function returnParcelProblems(form: ReturnParcelForm): ReturnParcelProblems {
  const problems: ReturnParcelProblems = {};
  const carrier = form.carrier.trim();
  if (carrier === '') problems.carrier = 'required';
  else if ([...carrier].length > CARRIER_MAX) problems.carrier = 'tooLong';
  if (!TRACKING_NUMBER.test(form.trackingNumber.trim())) problems.trackingNumber = 'format';
  return problems;
}

export function returnParcelDraft(form: ReturnParcelForm): ReturnParcelDraft {
  return { carrier: form.carrier.trim(), trackingNumber: form.trackingNumber.trim() };
}

/** The last part of a problem's type URI: "https://quarkmall.io/problems/after-sales-open" → "after-sales-open". */
export function problemType(error: ApiError): string {
  return error.type.slice(error.type.lastIndexOf('/') + 1);
}

/** Where cart-order's refusal belongs on the form; {@code general}: some of it belongs to no field. */
export interface RefundServerProblems {
  reason?: string;
  note?: string;
  units: Record<string, string>;
  general: boolean;
}

/**
 * cart-order's violations at the fields they name: its policy names a line by its place in the
 * draft ("lines[1].quantity"), found here by the SKU sent there; Bean Validation names the field
 * alone ("note"). A problem without violations (409 after-sales-open, 422 window closed) is general.
 */
export function refundServerProblems(error: ApiError, sent: AfterSalesDraft): RefundServerProblems {
  const found: RefundServerProblems = { units: {}, general: false };
  if ((error.status !== 400 && error.status !== 422) || error.violations.length === 0) return { ...found, general: true };
  for (const v of error.violations) {
    const line = /lines\[(\d+)\]/.exec(v.field);
    const sku = line ? sent.lines?.[Number(line[1])]?.sku : undefined;
    const name = v.field.slice(v.field.lastIndexOf('.') + 1);
    if (sku) found.units[sku] = v.message;
    else if (name === 'reason' || name === 'note') found[name] = v.message;
    else found.general = true;
  }
  return found;
}

/** How long an operator has left to answer: whole hours while an hour or more is left, else minutes; overdue after. */
export type Due = { overdue: true } | { overdue: false; hours: number } | { overdue: false; minutes: number };

export function dueIn(respondBy: string, now: number): Due {
  const left = Date.parse(respondBy) - now;
  if (left <= 0) return { overdue: true };
  if (left >= 3_600_000) return { overdue: false, hours: Math.floor(left / 3_600_000) };
  return { overdue: false, minutes: Math.max(1, Math.ceil(left / 60_000)) };
}
