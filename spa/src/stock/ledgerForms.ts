import { wholeCount } from './flashSaleDraft';

/** Units in one receipt or transfer: what stock's quantity fields take (a positive whole number). */
export const MAX_UNITS = 1_000_000_000;

/** A count or threshold: a whole number from 0 on; null otherwise. */
export function nonNegative(text: string): number | null {
  return /^\s*\d{1,10}\s*$/.test(text) && Number(text) <= MAX_UNITS ? Number(text) : null;
}

export interface ReceiptDraft { warehouse: string; quantity: string; reference: string }
export interface TransferDraft { from: string; to: string; quantity: string; reference: string }

/** Field → what is wrong: a warehouse to choose, a positive whole number of units, two different warehouses. */
export function receiptProblems(d: ReceiptDraft): Record<string, 'required' | 'quantity'> {
  const problems: Record<string, 'required' | 'quantity'> = {};
  if (!d.warehouse) problems.warehouse = 'required';
  if (wholeCount(d.quantity, MAX_UNITS) === null) problems.quantity = 'quantity';
  return problems;
}

export function transferProblems(d: TransferDraft): Record<string, 'required' | 'quantity' | 'same'> {
  const problems: Record<string, 'required' | 'quantity' | 'same'> = {};
  if (!d.from) problems.from = 'required';
  if (!d.to) problems.to = 'required';
  else if (d.to === d.from) problems.to = 'same';
  if (wholeCount(d.quantity, MAX_UNITS) === null) problems.quantity = 'quantity';
  return problems;
}

/** What each transfer status allows, in stock's TransferService's order: dispatch or cancel a request, receive what is in transit. */
export function transferActions(status: string): ('dispatch' | 'receive' | 'cancel')[] {
  if (status === 'REQUESTED') return ['dispatch', 'cancel'];
  if (status === 'IN_TRANSIT') return ['receive'];
  return [];
}
