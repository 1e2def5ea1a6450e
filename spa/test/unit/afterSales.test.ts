import { describe, expect, test } from 'vitest';
import { ApiError, type AfterSalesRequest, type OrderView } from '../../src/api';
import { translate } from '../../src/i18n';
import {
  afterSalesPossible, choiceLabel, claimableLines, dueIn, hasOpenRequest, hasProblems, problemType, refundDraft, refundFormOf, refundProblems,
  refundServerProblems, returnParcelDraft, returnParcelProblems,
} from '../../src/orders/afterSales';
import { stepLabel } from '../../src/orders/timelineStep';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
const line = (sku: string, quantity: number, unit: number) =>
  ({ sku, productName: `Tea ${sku}`, quantity, unitPrice: cny(unit), subtotal: cny(unit * quantity) });
const order = (status = 'DELIVERED') => ({ id: 7, status, lines: [line('TEA-S', 3, 1_250), line('TEA-L', 1, 8_800)] }) as unknown as OrderView;
const request = (status: AfterSalesRequest['status'], lines: { sku: string; quantity: number }[]) =>
  ({ id: 1, orderId: 7, status, lines, amount: cny(1_250) }) as AfterSalesRequest;

describe('what is left to claim', () => {
  test('every unit bought, less those of earlier requests that were not rejected', () => {
    const earlier = [request('REFUNDED', [{ sku: 'TEA-S', quantity: 1 }]), request('REJECTED', [{ sku: 'TEA-S', quantity: 2 }, { sku: 'TEA-L', quantity: 1 }]),
      request('APPROVED', [{ sku: 'TEA-S', quantity: 1 }])];
    expect(claimableLines(order(), earlier).map((l) => [l.sku, l.bought, l.claimable])).toEqual([['TEA-S', 3, 1], ['TEA-L', 1, 1]]);
    expect(claimableLines(order(), []).map((l) => l.claimable)).toEqual([3, 1]);
  });

  test('requests exist only once the parcel has left; one REQUESTED or APPROVED is open', () => {
    for (const status of ['SHIPPED', 'DELIVERED', 'COMPLETED']) expect(afterSalesPossible(order(status)), status).toBe(true);
    for (const status of ['PENDING', 'STOCK_RESERVED', 'PAID', 'FULFILLING', 'CANCELLED']) expect(afterSalesPossible(order(status)), status).toBe(false);
    expect(hasOpenRequest([request('REFUNDED', []), request('REJECTED', [])])).toBe(false);
    expect(hasOpenRequest([request('REFUNDED', []), request('APPROVED', [])])).toBe(true);
    expect(hasOpenRequest([request('REQUESTED', [])])).toBe(true);
    expect(hasOpenRequest(undefined)).toBe(false);
    for (const status of ['AWAITING_RETURN', 'RETURN_SHIPPED', 'REPLACING'] as const) expect(hasOpenRequest([request(status, [])]), status).toBe(true);
    expect(hasOpenRequest([request('EXCHANGED', [])]), 'an exchange whose replacement was delivered is done').toBe(false);
    expect(hasOpenRequest([request('EXPIRED', []), request('NOT_REFUNDED', [])])).toBe(false);
  });

  test('units of a request not refunded or expired are free again; those of a return on its way are not', () => {
    const earlier = [request('EXPIRED', [{ sku: 'TEA-S', quantity: 3 }]), request('NOT_REFUNDED', [{ sku: 'TEA-L', quantity: 1 }]),
      request('RETURN_SHIPPED', [{ sku: 'TEA-S', quantity: 1 }])];
    expect(claimableLines(order(), earlier).map((l) => l.claimable)).toEqual([2, 1]);
    const received = { ...request('NOT_REFUNDED', [{ sku: 'TEA-L', quantity: 1 }]), receivedAt: '2026-11-29T05:00:00Z' };
    expect(claimableLines(order(), [received]).map((l) => l.claimable)).toEqual([3, 0]);
  });
});

describe("the form's quantities become the draft's lines", () => {
  const lines = claimableLines(order(), []);

  test('a new form asks for every unit; sent, every line is named with its units', () => {
    const form = { ...refundFormOf(lines), reason: 'DAMAGED' as const };
    expect(form.units).toEqual({ 'TEA-S': '3', 'TEA-L': '1' });
    expect(hasProblems(refundProblems(form, lines))).toBe(false);
    expect(refundDraft(form, lines)).toEqual({ kind: 'REFUND_ONLY', reason: 'DAMAGED', lines: [{ sku: 'TEA-S', quantity: 3 }, { sku: 'TEA-L', quantity: 1 }] });
    expect(refundDraft({ ...form, kind: 'RETURN_AND_REFUND' }, lines).kind).toBe('RETURN_AND_REFUND');
  });

  test('a line left at 0 (or empty) is dropped; the note is trimmed, and left out when blank', () => {
    const form = { kind: 'REFUND_ONLY' as const, reason: 'NOT_RECEIVED' as const, units: { 'TEA-S': '1', 'TEA-L': '0' }, note: '  box crushed ' };
    expect(refundDraft(form, lines)).toEqual({ kind: 'REFUND_ONLY', reason: 'NOT_RECEIVED', note: 'box crushed', lines: [{ sku: 'TEA-S', quantity: 1 }] });
    expect(refundDraft({ ...form, units: { 'TEA-S': '', 'TEA-L': '1' }, note: '   ' }, lines))
      .toEqual({ kind: 'REFUND_ONLY', reason: 'NOT_RECEIVED', lines: [{ sku: 'TEA-L', quantity: 1 }] });
  });

  test('no reason, a quantity over what is left or not a whole number, a note too long, and no unit at all are named', () => {
    const form = { kind: 'REFUND_ONLY' as const, reason: '' as const, units: { 'TEA-S': '4', 'TEA-L': '0.5' }, note: 'x'.repeat(501) };
    expect(refundProblems(form, lines)).toEqual({ reason: 'required', note: 'tooLong', units: { 'TEA-S': 'quantity', 'TEA-L': 'quantity' } });
    expect(refundProblems({ ...form, units: { 'TEA-S': '-1', 'TEA-L': '1' } }, lines).units).toEqual({ 'TEA-S': 'quantity' });
    const none = refundProblems({ kind: 'REFUND_ONLY', reason: 'OTHER', units: { 'TEA-S': '0', 'TEA-L': '' }, note: '' }, lines);
    expect(none).toEqual({ units: {}, nothing: true });
    expect(hasProblems(none)).toBe(true);
    expect(refundProblems({ kind: 'RETURN_AND_REFUND', reason: 'OTHER', units: { 'TEA-S': '0', 'TEA-L': '1' }, note: 'x'.repeat(500) }, lines)).toEqual({ units: {} });
  });
});

describe("cart-order's refusals on the form", () => {
  const sent = { reason: 'DAMAGED' as const, lines: [{ sku: 'TEA-S', quantity: 1 }, { sku: 'TEA-L', quantity: 1 }] };
  const problem = (status: number, type: string, violations: { field: string; message: string }[] = []) =>
    new ApiError(status, 'Request refused', 'detail', `https://quarkmall.io/problems/${type}`, violations);

  test("a line's violation is shown at the SKU sent at that place; Bean Validation's at its field", () => {
    expect(refundServerProblems(problem(422, 'quantity-over-claimable', [{ field: 'lines[1].quantity', message: '2 asked, 1 left' }]), sent))
      .toEqual({ units: { 'TEA-L': '2 asked, 1 left' }, general: false });
    expect(refundServerProblems(problem(400, 'invalid-input', [{ field: 'note', message: 'size must be between 0 and 500' },
      { field: 'reason', message: 'must not be null' }]), sent))
      .toEqual({ note: 'size must be between 0 and 500', reason: 'must not be null', units: {}, general: false });
  });

  test('a refusal naming no field of the form, or none at all, is shown above it', () => {
    expect(refundServerProblems(problem(409, 'after-sales-open'), sent).general).toBe(true);
    expect(refundServerProblems(problem(422, 'after-sales-window-closed'), sent).general).toBe(true);
    expect(refundServerProblems(problem(400, 'invalid-input', [{ field: 'lines', message: 'size must be at most 100' }]), sent).general).toBe(true);
    expect(problemType(problem(409, 'after-sales-decided'))).toBe('after-sales-decided');
  });
});

describe('how long the merchant has left to answer', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');

  test('whole hours while an hour or more is left, then minutes, then overdue', () => {
    expect(dueIn('2026-11-29T10:00:00Z', now)).toEqual({ overdue: false, hours: 48 });
    expect(dueIn('2026-11-27T11:59:59Z', now)).toEqual({ overdue: false, hours: 1 });
    expect(dueIn('2026-11-27T11:00:00Z', now)).toEqual({ overdue: false, hours: 1 });
    expect(dueIn('2026-11-27T10:59:59Z', now)).toEqual({ overdue: false, minutes: 60 });
    expect(dueIn('2026-11-27T10:00:10Z', now)).toEqual({ overdue: false, minutes: 1 });
    expect(dueIn('2026-11-27T10:00:00Z', now)).toEqual({ overdue: true });
    expect(dueIn('2026-11-27T09:00:00Z', now)).toEqual({ overdue: true });
  });

  test('told in both languages', () => {
    expect(translate('en', 'afterSales.dueInHours', { hours: 47 })).toBe('Due in 47 h');
    expect(translate('zh-CN', 'afterSales.dueInHours', { hours: 47 })).toBe('剩余 47 小时');
  });
});

test('a return parcel needs a carrier and a tracking number of the shape cart-order takes, both trimmed', () => {
  expect(returnParcelProblems({ carrier: ' 顺丰速运 ', trackingNumber: ' SF1400012345 ' })).toEqual({});
  expect(returnParcelDraft({ carrier: ' 顺丰速运 ', trackingNumber: ' SF1400012345 ' })).toEqual({ carrier: '顺丰速运', trackingNumber: 'SF1400012345' });
  expect(returnParcelProblems({ carrier: '  ', trackingNumber: 'SF 123 456' })).toEqual({ carrier: 'required', trackingNumber: 'format' });
  expect(returnParcelProblems({ carrier: 'x'.repeat(41), trackingNumber: '-SF1234567' })).toEqual({ carrier: 'tooLong', trackingNumber: 'format' });
  expect(returnParcelProblems({ carrier: 'YTO', trackingNumber: 'YT123' }).trackingNumber).toBe('format');
});

test("a refund request's steps on the order's timeline are named after it, not the order's status again", () => {
  const step = (note: string) => ({ status: 'COMPLETED', note, at: '2026-11-27T10:00:00Z' });
  const zh = (note: string) => { const l = stepLabel(step(note), 7); return translate('zh-CN', l.key, l.params); };
  expect(zh('After-sales request 12 (DAMAGED): a refund of 1250 CNY (minor units) asked')).toBe('申请退款 #12');
  expect(zh('After-sales request 12 approved (AUTO_APPROVE_RULE): 1250 CNY (minor units) to be refunded')).toBe('退款 #12 已同意');
  expect(zh('After-sales request 13 rejected: used, as the photo shows')).toBe('退款 #13 被拒绝');
  expect(zh('Refunded 1250 CNY (minor units)')).toBe('已退款');
  expect(zh('Receipt confirmed')).toBe('已完成');
  expect(zh('After-sales request 14 (DAMAGED): a return and refund of 2500 CNY (minor units) asked')).toBe('申请退货 #14');
  expect(zh('After-sales request 14 approved (MERCHANT): return the goods by 2026-12-06T10:00:00Z')).toBe('退货 #14 已同意，待寄回商品');
  expect(zh('After-sales request 14: return parcel sent (顺丰速运 SF1400012345)')).toBe('退货 #14 已寄回');
  expect(zh('After-sales request 14: returned goods received (SELLABLE): 1250 CNY (minor units) to be refunded')).toBe('退货 #14 商家已收货');
  expect(zh("After-sales request 16 escalated to the mall's staff: the merchant has not answered")).toBe('申请 #16 已升级至平台客服');
  expect(zh('After-sales request 15 expired: the goods were not sent back in time')).toBe('申请 #15 已关闭：未按时寄回');
});

test('an exchange whose replacement is on its way or delivered keeps its units claimed', () => {
  const exchanged = [request('REPLACING', [{ sku: 'TEA-S', quantity: 1 }]), request('EXCHANGED', [{ sku: 'TEA-S', quantity: 1 }])];
  expect(claimableLines(order(), exchanged).map((l) => l.claimable)).toEqual([1, 1]);
});

test('an exchange sends another size only where the shopper chose one, and no other kind sends any', () => {
  const lines = claimableLines(order(), []);
  const form = { ...refundFormOf(lines), kind: 'EXCHANGE' as const, reason: 'WRONG_ITEM' as const,
    units: { 'TEA-S': '1', 'TEA-L': '1' }, replacements: { 'TEA-S': 'TEA-S-TIN', 'TEA-L': 'TEA-L' } };
  expect(refundDraft(form, lines).lines).toEqual([{ sku: 'TEA-S', quantity: 1, replacementSku: 'TEA-S-TIN' }, { sku: 'TEA-L', quantity: 1 }]);
  expect(refundDraft({ ...form, kind: 'RETURN_AND_REFUND' }, lines).lines).toEqual([{ sku: 'TEA-S', quantity: 1 }, { sku: 'TEA-L', quantity: 1 }]);
  expect(choiceLabel({ sku: 'TEE-L', attributes: { size: 'L', colour: 'Blue' } })).toBe('L · Blue');
  expect(choiceLabel({ sku: 'TEE-L', attributes: {} })).toBe('TEE-L');
});
