import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AfterSalesRequest, OrderView } from '../api';
import { formatTime, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { afterSalesPossible } from '../orders/afterSales';
import { asApiError, queries, useApiClient } from '../queries';
import { RefundForm } from './RefundForm';
import { ReturnParcelForm } from './ReturnParcelForm';
import { AddPhotos, PhotoThumbs } from './EvidencePhotos';
import { ErrorBox } from './Status';

/**
 * The refund requests on {@code order} (none asked for before it could have any). Each step of a
 * request (asked, approved, rejected, refunded) adds a step to the order's timeline, which the order
 * page follows live: the list is asked for again whenever the timeline grows.
 */
export function useAfterSales(order: OrderView | undefined): UseQueryResult<AfterSalesRequest[]> {
  const api = useApiClient();
  const client = useQueryClient();
  const id = order?.id ?? 0;
  const requests = useQuery({ ...queries.orderAfterSales(api, id), enabled: order !== undefined && afterSalesPossible(order) });
  const steps = order?.timeline.length;
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (steps === undefined) return;
    if (seen.current !== undefined && seen.current !== steps) {
      void client.invalidateQueries({ queryKey: queries.orderAfterSales(api, id).queryKey });
    }
    seen.current = steps;
  }, [steps, id, api, client]);
  return requests;
}

/**
 * One request: its kind and state, amount, reason, units by product name, what the merchant (or
 * the clock) decided, and for a return its parcel: the form while the goods are to be sent back,
 * then the parcel, the merchant's deadline to receive it and what became of the goods.
 */
function RequestItem({ request: r, order }: { request: AfterSalesRequest; order: OrderView }) {
  const { t, known, lang } = useI18n();
  const nameOf = (sku: string) => order.lines.find((l) => l.sku === sku)?.productName ?? sku;
  return (
    <li className="after-sales-request" data-request-id={r.id} data-status={r.status}>
      <div className="after-sales-head">
        <strong>{t(r.kind === 'RETURN_AND_REFUND' ? 'afterSales.numberedReturn' : r.kind === 'EXCHANGE' ? 'afterSales.numberedExchange'
          : 'afterSales.numbered', { id: r.id })}</strong>
        <span className={`badge after-sales-${r.status.toLowerCase()}`}>{known(`afterSales.status.${r.status}`, r.status)}</span>
        <span className="price" data-testid="after-sales-amount">{formatMoney(r.amount, lang)}</span>
      </div>
      <p>
        {known(`afterSales.kind.${r.kind}`, r.kind)} · {known(`afterSales.reason.${r.reason}`, r.reason)}
        <span className="muted"> · {t('afterSales.requestedAt', { at: formatTime(r.createdAt, lang) })}</span>
      </p>
      <ul className="claimed">
        {r.lines.map((l) => (
          <li key={l.sku}>
            {nameOf(l.sku)} <span className="muted">{l.sku}</span> × {l.quantity}
            {l.replacementSku && <span data-testid="sent-instead"> → {t('afterSales.sentInstead', { sku: l.replacementSku })}</span>}
          </li>
        ))}
      </ul>
      {r.note && <p className="muted">{t('afterSales.yourNote', { note: r.note })}</p>}
      <PhotoThumbs request={r} view="shopper" />
      <AddPhotos request={r} />
      {r.status === 'REQUESTED' && <p data-testid="respond-by">{t('afterSales.respondBy', { at: formatTime(r.respondBy, lang) })}</p>}
      {r.decidedBy && r.decidedAt && (
        <p>{t(`afterSales.decidedBy.${r.decidedBy}`, { at: formatTime(r.decidedAt, lang) })}</p>
      )}
      {r.decidedBy === 'MERCHANT' && r.decisionNote && (
        <p className="merchant-note" data-testid="merchant-note">{t('afterSales.merchantNote', { note: r.decisionNote })}</p>
      )}
      {r.escalatedAt && ['REQUESTED', 'RETURN_SHIPPED'].includes(r.status) && (
        <p data-testid="escalated">{t('afterSales.escalatedAt', { at: formatTime(r.escalatedAt, lang) })}</p>
      )}
      {r.status === 'AWAITING_RETURN' && (
        <>
          <p data-testid="return-by">{t('afterSales.returnBy', { at: formatTime(r.respondBy, lang) })}</p>
          <ReturnParcelForm request={r} />
        </>
      )}
      {r.returnShippedAt && (
        <p data-testid="return-parcel">
          {t('afterSales.parcelSent', { carrier: r.returnCarrier ?? '', tracking: r.returnTracking ?? '', at: formatTime(r.returnShippedAt, lang) })}
          {r.status === 'RETURN_SHIPPED' && <> {t('afterSales.receiveBy', { at: formatTime(r.respondBy, lang) })}</>}
        </p>
      )}
      {r.receivedAt && r.disposition && (
        <p data-testid="return-received">
          {t('afterSales.receivedAt', { at: formatTime(r.receivedAt, lang), disposition: t(`afterSales.disposition.${r.disposition}`) })}
        </p>
      )}
      {r.replacementOrderId != null && (
        <p data-testid="replacement-order">
          <Link to={`/orders/${r.replacementOrderId}`}>{t('afterSales.replacementOrder', { id: r.replacementOrderId })}</Link>
        </p>
      )}
      {r.refundedAt && <p className="ok">{t('afterSales.refundedAt', { at: formatTime(r.refundedAt, lang) })}</p>}
      {r.notRefundedReason && <p className="error">{t('afterSales.notRefunded', { reason: r.notRefundedReason })}</p>}
    </li>
  );
}

/**
 * The order's refunds and returns: "Request a refund or a return" while the order offers it
 * (REQUEST_REFUND), opening the form, and the requests made, oldest first. Shown only when there is either.
 */
export function AfterSales({ order, requests }: { order: OrderView; requests: UseQueryResult<AfterSalesRequest[]> }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const offered = order.actions.includes('REQUEST_REFUND');
  const list = requests.data ?? [];
  if (!offered && list.length === 0 && !requests.error) return null;
  return (
    <section className="after-sales" data-testid="after-sales">
      <h2>{t('afterSales.title')}</h2>
      <div aria-live="polite">{sent !== null && <p className="ok">{t('afterSales.sent', { id: sent })}</p>}</div>
      {offered && !asking && (
        <button type="button" className="primary" disabled={!requests.data} onClick={() => { setAsking(true); setSent(null); }}>
          {t('afterSales.request')}
        </button>
      )}
      {offered && asking && requests.data && (
        <RefundForm order={order} requests={requests.data} onCancel={() => setAsking(false)}
          onSent={(created) => { setAsking(false); setSent(created.id); }} />
      )}
      {requests.error && <ErrorBox error={asApiError(requests.error)} retry={() => void requests.refetch()} />}
      {list.length > 0 && (
        <ol className="after-sales-list">
          {list.map((r) => <RequestItem key={r.id} request={r} order={order} />)}
        </ol>
      )}
    </section>
  );
}
