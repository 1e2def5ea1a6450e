import { useState } from 'react';
import { newIdempotencyKey, TERMINAL_STATUSES, type ApiError, type OrderView, type PaymentView, type ShipmentView, type TrackingView } from '../api';
import { Async, ErrorBox, RequireSignIn } from '../components/Status';
import { Timeline } from '../components/Timeline';
import { formatTime, useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { formatMoney } from '../money';
import { asApiError, useApiClient, useLoad } from '../useApi';
import { StatusBadge } from './OrdersPage';

const CANCELLABLE = ['PENDING', 'STOCK_RESERVED', 'PAID', 'FULFILLING'];
const TRACKABLE = ['SHIPPED', 'DELIVERED', 'COMPLETED'];
const POLL_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** Pays with a sandbox card token; pay learns the order is payable a moment after its stock is held, so a 404 is retried. */
function PayPanel({ order, onDone }: { order: OrderView; onDone(): void }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const [token, setToken] = useState('tok_sandbox_success');
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PaymentView>();
  const [error, setError] = useState<ApiError>();

  const pay = async () => {
    setBusy(true); setError(undefined);
    for (let attempt = 0; ; attempt++) {
      try {
        const payment = await api.request<PaymentView>('/pay/payments', {
          method: 'POST', idempotencyKey: key, body: { orderId: order.id, channel: 'sandbox', token } });
        setOutcome(payment);
        onDone();
        break;
      } catch (e) {
        const problem = asApiError(e);
        const notYet = problem.status === 404 || problem.type.endsWith('/idempotency-key-in-use');
        if (!notYet || attempt >= 15) { setError(problem); break; }
        await sleep(700);
      }
    }
    setBusy(false);
  };

  if (outcome?.status === 'CAPTURED') return <p className="ok" role="status">{t('order.paid')}</p>;
  return (
    <section className="pay">
      <h2>{t('order.payTitle')}</h2>
      {order.payBy && <p className="muted">{t('order.payBy', { at: formatTime(order.payBy, lang) })}</p>}
      <fieldset>
        <legend>{t('order.card')}</legend>
        <label className="chip"><input type="radio" name="token" value="tok_sandbox_success" checked={token === 'tok_sandbox_success'}
          onChange={() => setToken('tok_sandbox_success')} />{t('order.cardSuccess')}</label>
        <label className="chip"><input type="radio" name="token" value="tok_sandbox_decline" checked={token === 'tok_sandbox_decline'}
          onChange={() => setToken('tok_sandbox_decline')} />{t('order.cardDecline')}</label>
      </fieldset>
      <button type="button" className="primary" disabled={busy} onClick={pay}>
        {busy ? t('order.paying') : `${t('order.pay')} ${formatMoney(order.total, lang)}`}
      </button>
      {outcome && outcome.status !== 'CAPTURED' && <p className="error" role="alert">{outcome.status}: {outcome.failureReason}</p>}
      {error && <ErrorBox error={error} retry={pay} />}
    </section>
  );
}

function Tracking({ orderId, status }: { orderId: number; status: string }) {
  const { t, known, lang } = useI18n();
  const parcel = useLoad(async (api) => {
    const shipments = await api.request<ShipmentView[]>('/shipping/shipments', { query: { size: 50 } });
    const shipment = shipments.find((s) => s.orderId === orderId);
    if (!shipment) return null;
    const events = await api.request<TrackingView[]>(`/shipping/shipments/${shipment.id}/tracking`);
    return { shipment, events };
  }, [orderId, status], status === 'COMPLETED' ? undefined : 3000);
  if (!parcel.data) return null;
  const { shipment, events } = parcel.data;
  return (
    <section className="tracking">
      <h2>{t('order.tracking', { number: shipment.trackingNumber, carrier: shipment.carrier })}</h2>
      <ol>
        {events.map((e, i) => (
          <li key={i}><strong>{known(`tracking.${e.status}`, e.status)}</strong> {e.location} <time>{formatTime(e.occurredAt, lang)}</time></li>
        ))}
      </ol>
    </section>
  );
}

function OrderContent({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const [live, setLive] = useState(true);
  const order = useLoad((a) => a.request<OrderView>(`/cart-order/orders/${id}`).then((o) => {
    setLive(!TERMINAL_STATUSES.includes(o.status));
    return o;
  }), [id], live ? POLL_MS : undefined);
  const [error, setError] = useState<ApiError>();
  const act = async (path: string) => {
    setError(undefined);
    try {
      await api.request(`/cart-order/orders/${id}/${path}`, { method: 'POST', idempotencyKey: newIdempotencyKey() });
      order.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  };

  return (
    <Async state={order}>
      {(o) => (
        <div className="order">
          <div className="order-head">
            <h1>{t('orders.order', { id: o.id })}</h1>
            <StatusBadge status={o.status} />
          </div>
          {o.cancelReason && <p className="error">{t('order.cancelled', { reason: t(`reason.${o.cancelReason}` as MessageKey) })}</p>}
          {o.status === 'PENDING' && <p className="notice" role="status">{t('order.preparingPayment')}</p>}
          {o.status === 'STOCK_RESERVED' && <PayPanel order={o} onDone={order.reload} />}
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
            <p className="summary"><span>{t('order.total')}</span><strong>{formatMoney(o.total, lang)}</strong></p>
          </section>
          <div className="actions">
            {o.status === 'DELIVERED' && <button type="button" className="primary" onClick={() => act('receipt')}>{t('order.confirmReceipt')}</button>}
            {CANCELLABLE.includes(o.status) && (
              <button type="button" onClick={() => window.confirm(t('order.cancelConfirm', { id: o.id })) && act('cancellation')}>
                {t('order.cancel')}
              </button>
            )}
          </div>
          {error && <ErrorBox error={error} />}
          <Timeline steps={o.timeline} live={live} />
          {TRACKABLE.includes(o.status) && <Tracking orderId={o.id} status={o.status} />}
        </div>
      )}
    </Async>
  );
}

export function OrderPage({ id }: { id: number }) {
  return <section><RequireSignIn role="shopper"><OrderContent id={id} /></RequireSignIn></section>;
}
