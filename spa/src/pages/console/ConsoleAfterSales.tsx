import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type AfterSalesRequest, type AfterSalesStatus, type Disposition } from '../../api';
import { AfterSalesRefusal } from '../../components/AfterSalesRefusal';
import { PhotoThumbs } from '../../components/EvidencePhotos';
import { Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { formatMoney } from '../../money';
import { NOTE_MAX, dueIn } from '../../orders/afterSales';
import { asApiError, keys, queries, useApiClient } from '../../queries';

const STATUSES: AfterSalesStatus[] = ['REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED', 'REJECTED', 'REFUNDED',
  'NOT_REFUNDED', 'EXPIRED', 'REPLACING', 'EXCHANGED'];

/** The clock the deadlines are counted on, moved on every half minute. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** How long is left to answer (or to receive a return parcel), or that the clock acts soon. */
function DueIn({ respondBy, now, receipt = false }: { respondBy: string; now: number; receipt?: boolean }) {
  const { t, lang } = useI18n();
  const due = dueIn(respondBy, now);
  const text = due.overdue ? t(receipt ? 'afterSales.overdueReceipt' : 'afterSales.overdue')
    : 'hours' in due ? t('afterSales.dueInHours', { hours: due.hours }) : t('afterSales.dueInMinutes', { minutes: due.minutes });
  return <time dateTime={respondBy} title={formatTime(respondBy, lang)} className={due.overdue ? 'due overdue' : 'due'}>{text}</time>;
}

/**
 * One answer as sent: the request, which way (approve, reject, or receive its return parcel with
 * what becomes of the goods), the note to the shopper and the draft's Idempotency-Key.
 */
type DecisionSent = { request: AfterSalesRequest; key: string } & (
  { answer: 'approval' | 'rejection'; note: string } | { answer: 'receipt'; disposition: Disposition });

/**
 * The note to the shopper and the two answers on an undecided request; a rejection needs a note,
 * asked for here before anything is sent. One Idempotency-Key per note: a retry of the same answer
 * decides once.
 */
function Decision({ request, busy, decide }: { request: AfterSalesRequest; busy: boolean; decide(sent: DecisionSent): void }) {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const [needsNote, setNeedsNote] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const send = (approve: boolean) => {
    if (!approve && note.trim() === '') setNeedsNote(true);
    else decide({ request, answer: approve ? 'approval' : 'rejection', note: note.trim(), key });
  };
  return (
    <div className="decision">
      <label className={needsNote ? 'field invalid' : 'field'}>
        <span>{t('afterSales.decisionNoteOf', { id: request.id })}</span>
        <textarea name="decision-note" rows={2} maxLength={NOTE_MAX} value={note}
          aria-invalid={needsNote} aria-describedby={needsNote ? `${id}-note-problem` : undefined}
          onChange={(e) => { setNote(e.target.value); setNeedsNote(false); setKey(newIdempotencyKey()); }} />
        {needsNote && <p className="hint" id={`${id}-note-problem`} role="alert">{t('afterSales.rejectNeedsNote')}</p>}
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => send(true)}>{t('afterSales.approve')}</button>
        <button type="button" disabled={busy} onClick={() => send(false)}>{t('afterSales.reject')}</button>
      </div>
    </div>
  );
}

/** The two ways to receive a return parcel: the goods back on the shelf, or set apart for inspection. */
function Receipt({ request, busy, decide }: { request: AfterSalesRequest; busy: boolean; decide(sent: DecisionSent): void }) {
  const { t } = useI18n();
  const [key] = useState(newIdempotencyKey);
  return (
    <div className="actions receipt">
      <button type="button" className="primary" disabled={busy}
        onClick={() => decide({ request, answer: 'receipt', disposition: 'SELLABLE', key })}>{t('afterSales.receiveSellable')}</button>
      <button type="button" disabled={busy}
        onClick={() => decide({ request, answer: 'receipt', disposition: 'QUARANTINE', key: `${key}-q` })}>{t('afterSales.receiveQuarantine')}</button>
    </div>
  );
}

/**
 * Sends a decision; after it, or after cart-order's refusal, the queue and the console's orders (the
 * order's timeline has a step more) are asked for again. The outcome is kept here, not in the row:
 * a decided request leaves the undecided ones, and a 409 after-sales-decided (someone else, or the
 * clock, was first) must still be read.
 */
function useDecision() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sent: DecisionSent) => api.request<AfterSalesRequest>(
      `/cart-order/operator/after-sales/${sent.request.id}/${sent.answer}`,
      { method: 'POST', idempotencyKey: sent.key,
        body: sent.answer === 'receipt' ? { disposition: sent.disposition } : { note: sent.note || undefined } }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keys.operatorAfterSales }),
      client.invalidateQueries({ queryKey: keys.operatorOrders })]),
  });
}

/** What became of a decided request: by whom, when, the note the shopper reads, and a return's parcel and receipt. */
function Decided({ request: r }: { request: AfterSalesRequest }) {
  const { t, lang } = useI18n();
  return (
    <>
      {r.decidedBy && r.decidedAt && <p className="muted">{t(`afterSales.decidedBy.${r.decidedBy}`, { at: formatTime(r.decidedAt, lang) })}</p>}
      {r.decisionNote && <p className="merchant-note">{r.decisionNote}</p>}
      {r.status === 'AWAITING_RETURN' && <p className="muted">{t('afterSales.awaitingReturnUntil', { at: formatTime(r.respondBy, lang) })}</p>}
      {r.returnShippedAt && (
        <p>{t('afterSales.parcelSent', { carrier: r.returnCarrier ?? '', tracking: r.returnTracking ?? '', at: formatTime(r.returnShippedAt, lang) })}</p>
      )}
      {r.receivedAt && r.disposition && (
        <p>{t('afterSales.receivedAt', { at: formatTime(r.receivedAt, lang), disposition: t(`afterSales.disposition.${r.disposition}`) })}</p>
      )}
    </>
  );
}

/** What the console says once an answer went through. */
function answered(sent: DecisionSent): { key: 'afterSales.approved' | 'afterSales.rejected' | 'afterSales.receivedOne'; id: number } {
  const key = sent.answer === 'approval' ? 'afterSales.approved' : sent.answer === 'rejection' ? 'afterSales.rejected' : 'afterSales.receivedOne';
  return { key, id: sent.request.id };
}

/**
 * The requests the operator may decide (a merchant those on orders with its SKUs, an admin all):
 * those awaiting the merchant (undecided, or a return parcel to receive) first, the nearest deadline first.
 */
export function ConsoleAfterSales() {
  const { t, known, lang } = useI18n();
  const api = useApiClient();
  const now = useNow();
  const [status, setStatus] = useState<AfterSalesStatus | ''>('');
  const [escalated, setEscalated] = useState(false);
  const queue = useQuery({ ...queries.operatorAfterSales(api, status, escalated), refetchInterval: 10_000, placeholderData: keepPreviousData });
  const decision = useDecision();
  const sent = decision.variables;
  return (
    <>
      <label className="field inline-field">
        <span>{t('afterSales.queue.status')}</span>
        <select name="after-sales-status" value={status} onChange={(e) => setStatus(e.target.value as AfterSalesStatus | '')}>
          <option value="">{t('afterSales.queue.all')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`afterSales.status.${s}` as MessageKey)}</option>)}
        </select>
      </label>
      <label className="choice inline-field">
        <input type="checkbox" name="escalated" checked={escalated} onChange={(e) => setEscalated(e.target.checked)} />
        <span>{t('afterSales.queue.escalatedOnly')}</span>
      </label>
      <div aria-live="polite">
        {decision.isSuccess && sent && <p className="ok">{t(answered(sent).key, { id: sent.request.id })}</p>}
      </div>
      {decision.error && sent && (
        <div data-refused-request={sent.request.id}>
          <AfterSalesRefusal error={asApiError(decision.error)} retry={() => decision.mutate(sent)} />
        </div>
      )}
      <Loaded query={queue}>
        {(list) => list.length === 0 ? <p className="notice">{t('afterSales.queue.none')}</p> : (
          <table className="table after-sales-queue" data-testid="after-sales-queue">
            <thead>
              <tr>
                <th>#</th><th>{t('afterSales.queue.order')}</th><th>{t('afterSales.amount')}</th>
                <th>{t('afterSales.queue.reason')}</th><th>{t('afterSales.queue.lines')}</th><th>{t('afterSales.queue.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} data-request-id={r.id} data-order-id={r.orderId} data-status={r.status}>
                  <td>
                    <strong>{t(r.kind === 'RETURN_AND_REFUND' ? 'afterSales.numberedReturn' : r.kind === 'EXCHANGE'
                      ? 'afterSales.numberedExchange' : 'afterSales.numbered', { id: r.id })}</strong>
                    <div className="muted">{formatTime(r.createdAt, lang)}</div>
                  </td>
                  <td data-label={t('afterSales.queue.order')}>
                    <Link to={`/console/orders/${r.orderId}`}>{t('afterSales.queue.orderNumbered', { id: r.orderId })}</Link>
                  </td>
                  <td data-label={t('afterSales.amount')}>{formatMoney(r.amount, lang)}</td>
                  <td data-label={t('afterSales.queue.reason')}>
                    {known(`afterSales.reason.${r.reason}`, r.reason)}
                    {r.note && <div className="muted">{r.note}</div>}
                    <PhotoThumbs request={r} view="operator" />
                  </td>
                  <td data-label={t('afterSales.queue.lines')}>
                    {r.lines.map((l) => (
                      <div key={l.sku}><code>{l.sku}</code> × {l.quantity}{l.replacementSku && <> → <code>{l.replacementSku}</code></>}</div>
                    ))}
                    {r.replacementOrderId != null && (
                      <Link to={`/console/orders/${r.replacementOrderId}`} data-testid="replacement-order">
                        {t('afterSales.replacementOrder', { id: r.replacementOrderId })}
                      </Link>
                    )}
                  </td>
                  <td data-label={t('afterSales.queue.answer')}>
                    <span className={`badge after-sales-${r.status.toLowerCase()}`}>{known(`afterSales.status.${r.status}`, r.status)}</span>
                    {r.escalatedAt && ['REQUESTED', 'RETURN_SHIPPED', 'REPLACING'].includes(r.status) && (
                      <span className="badge after-sales-escalated" title={formatTime(r.escalatedAt, lang)}>{t('afterSales.escalated')}</span>
                    )}
                    {r.status === 'REQUESTED' ? (
                      <>
                        <DueIn respondBy={r.respondBy} now={now} />
                        <Decision request={r} busy={decision.isPending} decide={(d) => decision.mutate(d)} />
                      </>
                    ) : r.status === 'RETURN_SHIPPED' ? (
                      <>
                        <Decided request={r} />
                        <DueIn respondBy={r.respondBy} now={now} receipt />
                        <Receipt request={r} busy={decision.isPending} decide={(d) => decision.mutate(d)} />
                      </>
                    ) : <Decided request={r} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
