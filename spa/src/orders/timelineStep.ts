import type { Step } from '../api';
import type { MessageKey } from '../messages';

/** A label for a timeline step: its message key and the values it names. */
export interface StepLabel {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * While an order waits for its stock, points and coupons, cart-order writes one PENDING step as
 * each arrives, with an English note. Those steps are named after what arrived, so a reader who
 * does not see the notes is not shown "Placed" three times; so are the steps a refund request and
 * a refund write (under the order's status as it is, which would read "Completed" again); any
 * other step is named by its status.
 */
export function stepLabel(step: Step, index: number): StepLabel {
  const note = step.note ?? '';
  if (step.status === 'PENDING' && index > 0) {
    if (note === 'Stock held for the order') return { key: 'timeline.stockHeld' };
    const points = /^(\d+) points held for the order$/.exec(note);
    if (points) return { key: 'timeline.pointsHeld', params: { points: Number(points[1]) } };
    if (/^Coupons .* used for the order$/.test(note)) return { key: 'timeline.couponsUsed' };
  }
  if (index > 0) {
    const afterSales = /^After-sales request (\d+)(?: \(| (approved)| (rejected)| (could not be refunded)| (expired)|: (return parcel sent)|: (returned goods received)| (escalated)|: (exchange done)|: (replacement order \d+ was cancelled))/.exec(note);
    if (afterSales) {
      const [, id, approved, rejected, notRefunded, expired, shipped, received, escalated, exchanged, replacementCancelled] = afterSales;
      const replacement = /: replacement order (\d+) placed$/.exec(note);
      if (received && replacement) return { key: 'timeline.exchangeReceived', params: { id: Number(id), order: Number(replacement[1]) } };
      const key: MessageKey = exchanged ? 'timeline.exchanged'
        : replacementCancelled ? 'timeline.replacementCancelled'
        : approved ? (note.includes(': return the goods by ') ? 'timeline.returnApproved' : 'timeline.afterSalesApproved')
        : rejected ? 'timeline.afterSalesRejected'
        : notRefunded ? 'timeline.afterSalesNotRefunded'
        : expired ? 'timeline.afterSalesExpired'
        : shipped ? 'timeline.returnShipped'
        : received ? 'timeline.returnReceived'
        : escalated ? 'timeline.afterSalesEscalated'
        : note.includes('): a return and refund of ') ? 'timeline.returnRequested'
        : note.includes('): an exchange of ') ? 'timeline.exchangeRequested' : 'timeline.afterSalesRequested';
      return { key, params: { id: Number(id) } };
    }
    if (/^Refunded \d+ [A-Z]{3} \(minor units\)$/.test(note)) return { key: 'timeline.refunded' };
    if (step.status === 'PAID' && note.startsWith('Nothing to pay: a replacement for order ')) return { key: 'timeline.replacementFree' };
  }
  return { key: `status.${step.status}` as MessageKey };
}
