import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isFinal, newIdempotencyKey, type OrderAction, type OrderView } from '../api';
import { OrderAmounts } from '../components/Amounts';
import { DeliverTo } from '../components/DeliveryAddress';
import { PayPanel } from '../components/PayPanel';
import { ErrorBox, Loaded, RequireSignIn } from '../components/Status';
import { StatusBadge } from '../components/StatusBadge';
import { Timeline } from '../components/Timeline';
import { formatTime, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { etaText, scanText } from '../orders/trackingText';
import { asApiError, keys, queries, untilFinal, useApiClient } from '../queries';

const LIVE_MS = 1500;
const TRACKING_MS = 3000;

/** The order's parcel and where it has been, followed until the order is completed. */
function Tracking({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const live = order.status === 'COMPLETED' || order.status === 'CANCELLED' ? false : TRACKING_MS;
  const shipments = useQuery({ ...queries.shipments(api, order.id), refetchInterval: live }); // its ETA moves at each scan
  const shipment = shipments.data?.[0];
  const tracking = useQuery({ ...queries.tracking(api, shipment?.id ?? 0), enabled: shipment !== undefined, refetchInterval: live });
  if (!shipment || !tracking.data) return null;
  return (
    <section className="tracking">
      <h2>{t('order.tracking', { number: shipment.trackingNumber, carrier: shipment.carrier })}</h2>
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
  const order = useQuery({ ...queries.order(api, id), refetchInterval: untilFinal(LIVE_MS) });
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
            <DeliverTo address={o.deliveryAddress} />
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
            <Timeline steps={o.timeline} live={!isFinal(o)} />
            {can('TRACK') && <Tracking order={o} />}
          </div>
        );
      }}
    </Loaded>
  );
}

export function OrderPage({ id }: { id: number }) {
  return <section><RequireSignIn role="shopper"><OrderContent id={id} /></RequireSignIn></section>;
}
