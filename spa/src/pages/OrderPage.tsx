import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isFinal, newIdempotencyKey, type OrderAction, type OrderView } from '../api';
import { AfterSales, useAfterSales } from '../components/AfterSales';
import { OrderAmounts } from '../components/Amounts';
import { DeliverTo } from '../components/DeliveryAddress';
import { PayPanel } from '../components/PayPanel';
import { ErrorBox, Loaded, RequireSignIn } from '../components/Status';
import { StatusBadge } from '../components/StatusBadge';
import { Timeline } from '../components/Timeline';
import { formatTime, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { type LiveState, useLive } from '../live';
import { hasOpenRequest } from '../orders/afterSales';
import { etaText, parcelText, scanText } from '../orders/trackingText';
import { asApiError, keys, queries, untilFinal, useApiClient } from '../queries';

/** How often a page asks again while its live stream is cut off. */
const POLL_MS = 3000;

/**
 * The order's parcel and where it has been: each scan pushed live until the order is completed. While
 * a stream is cut off ({@code orderStream} for the parcel's creation, its own for the scans and the
 * ETA they move), what it would have pushed is asked for every few seconds.
 */
function Tracking({ order, orderStream }: { order: OrderView; orderStream: LiveState }) {
  const { lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const following = order.status !== 'COMPLETED' && order.status !== 'CANCELLED';
  const known = client.getQueryData(queries.shipments(api, order.id).queryKey)?.[0];
  const scans = useLive(api, following && known ? `/shipping/shipments/${known.id}/live` : null,
    () => void client.invalidateQueries({ queryKey: keys.shipments }));
  const scansCut = following && known !== undefined && scans !== 'open';
  const shipments = useQuery({
    ...queries.shipments(api, order.id),
    refetchInterval: following && (orderStream !== 'open' || scansCut) ? POLL_MS : false,
  });
  const shipment = shipments.data?.[0];
  const tracking = useQuery({
    ...queries.tracking(api, shipment?.id ?? 0), enabled: shipment !== undefined,
    refetchInterval: scansCut ? POLL_MS : false,
  });
  if (!shipment || !tracking.data) return null;
  return (
    <section className="tracking">
      <h2>{parcelText(shipment, lang)}</h2>
      {shipment.eta && <p className="eta">{etaText(shipment.eta, lang)}</p>}
      <ol>
        {tracking.data.map((e, i) => {
          const scan = scanText(e, lang);
          return <li key={i} data-code={e.code}><strong>{scan.what}</strong> {scan.where} <time>{formatTime(e.occurredAt, lang)}</time></li>;
        })}
      </ol>
    </section>
  );
}

/** Cancelling and confirming receipt: either one changes the order, which is asked for again. */
function useOrderChange(id: number) {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: 'cancellation' | 'receipt') =>
      api.request(`/cart-order/orders/${id}/${change}`, { method: 'POST', idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.orders }),
  });
}

function OrderContent({ id }: { id: number }) {
  const { t, known, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  // Read before the queries so the stream is set up first; the page renders again whenever the order or its refunds change.
  const cached = client.getQueryData(queries.order(api, id).queryKey);
  const refunds = client.getQueryData(queries.orderAfterSales(api, id).queryKey);
  // A final order changes no more, but for its refund requests: followed while one is open (the merchant's answer, pay's refund).
  const following = !cached || !isFinal(cached) || hasOpenRequest(refunds);
  const stream = useLive(api, following ? `/cart-order/orders/${id}/live` : null, () => {
    void client.invalidateQueries({ queryKey: queries.order(api, id).queryKey });
    void client.invalidateQueries({ queryKey: keys.shipments }); // a new step may be the parcel's creation
  });
  const order = useQuery({ ...queries.order(api, id), refetchInterval: stream === 'open' ? false : untilFinal(POLL_MS) });
  const afterSales = useAfterSales(order.data);
  const change = useOrderChange(id);

  return (
    <Loaded query={order}>
      {(o) => {
        const can = (action: OrderAction) => o.actions.includes(action);
        return (
          <div className="order">
            <div className="order-head">
              <h1>{t('orders.order', { id: o.id })}</h1>
              <StatusBadge status={o.status} />
            </div>
            {o.cancelReason && (
              <div className="error">
                <p>{t('order.cancelled', { reason: known(`reason.${o.cancelReason}`, o.cancelReason) })}</p>
                {o.cancelReason === 'POINTS_REFUSED' && <p>{t('order.pointsRefused')} <Link to="/points">{t('points.title')}</Link></p>}
                {o.cancelReason === 'COUPONS_REFUSED' && <p>{t('order.couponsRefused')} <Link to="/coupons">{t('coupons.wallet')}</Link></p>}
              </div>
            )}
            {o.status === 'PENDING' && <p className="notice" role="status">{t('order.preparingPayment')}</p>}
            {can('PAY') && <PayPanel order={o} />}
            <section>
              <h2>{t('order.lines')}</h2>
              <ul className="lines compact">
                {o.lines.map((l) => (
                  <li key={l.sku} className="line">
                    <span>{l.productName} <span className="muted">{l.sku}</span></span>
                    <span>× {l.quantity}</span>
                    <span className="price">{formatMoney(l.subtotal, lang)}</span>
                  </li>
                ))}
              </ul>
              <OrderAmounts order={o} />
            </section>
            <DeliverTo address={o.deliveryAddress} shipping={o.shipping} />
            <div className="actions">
              {can('CONFIRM_RECEIPT') && (
                <button type="button" className="primary" disabled={change.isPending} onClick={() => change.mutate('receipt')}>
                  {t('order.confirmReceipt')}
                </button>
              )}
              {can('CANCEL') && (
                <button type="button" disabled={change.isPending}
                  onClick={() => window.confirm(t('order.cancelConfirm', { id: o.id })) && change.mutate('cancellation')}>
                  {t('order.cancel')}
                </button>
              )}
            </div>
            {change.error && <ErrorBox error={asApiError(change.error)} />}
            <AfterSales order={o} requests={afterSales} />
            <Timeline steps={o.timeline} live={following ? stream : null} />
            {can('TRACK') && <Tracking order={o} orderStream={stream} />}
          </div>
        );
      }}
    </Loaded>
  );
}

export function OrderPage({ id }: { id: number }) {
  return <section><RequireSignIn role="shopper"><OrderContent id={id} /></RequireSignIn></section>;
}
