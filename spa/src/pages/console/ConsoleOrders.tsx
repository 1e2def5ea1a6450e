import { Link } from 'react-router';
import { useState } from 'react';
import { TERMINAL_STATUSES, type OperatorOrderSummary, type OrderView } from '../../api';
import { Async } from '../../components/Status';
import { Timeline } from '../../components/Timeline';
import { formatTime, useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { formatMoney } from '../../money';
import { useLoad } from '../../useApi';
import { StatusBadge } from '../OrdersPage';

const STATUSES = ['PENDING', 'STOCK_RESERVED', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED'];

/** Orders holding the merchant's SKUs (every order for an admin), newest first, refreshed while open. */
export function ConsoleOrders() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState('');
  const orders = useLoad((api) => api.request<OperatorOrderSummary[]>('/cart-order/operator/orders',
    { query: { size: 100, status: status || undefined } }), [status], 5000);
  return (
    <>
      <label className="field inline-field">
        <span>{t('console.orders')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('console.allStatuses')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}` as MessageKey)}</option>)}
        </select>
      </label>
      <Async state={orders}>
        {(list) => list.length === 0 ? <p className="notice">{t('console.noOrders')}</p> : (
          <table className="table">
            <thead><tr><th>#</th><th>{t('console.shopper')}</th><th>{t('console.units')}</th><th>{t('order.total')}</th><th /></tr></thead>
            <tbody>
              {list.map((o) => (
                <tr key={o.id}>
                  <td><Link to={`/console/orders/${o.id}`}>{t('orders.order', { id: o.id })}</Link><div className="muted">{formatTime(o.createdAt, lang)}</div></td>
                  <td className="muted" title={o.shopperId} data-label={t('console.shopper')}>{o.shopperId.slice(0, 8)}</td>
                  <td data-label={t('console.units')}>{o.units}</td>
                  <td data-label={t('order.total')}>{formatMoney(o.total, lang)}</td>
                  <td><StatusBadge status={o.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </>
  );
}

export function ConsoleOrder({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const [live, setLive] = useState(true);
  const order = useLoad((api) => api.request<OrderView>(`/cart-order/operator/orders/${id}`).then((o) => {
    setLive(!TERMINAL_STATUSES.includes(o.status));
    return o;
  }), [id], live ? 2000 : undefined);
  return (
    <Async state={order}>
      {(o) => (
        <div className="order">
          <div className="order-head"><h2>{t('orders.order', { id: o.id })}</h2><StatusBadge status={o.status} /></div>
          <ul className="lines compact">
            {o.lines.map((l) => (
              <li key={l.sku} className="line"><span>{l.productName} <code>{l.sku}</code></span><span>× {l.quantity}</span>
                <span className="price">{formatMoney(l.subtotal, lang)}</span></li>
            ))}
          </ul>
          <p className="summary"><span>{t('order.total')}</span><strong>{formatMoney(o.total, lang)}</strong></p>
          <Timeline steps={o.timeline} live={live} allNotes />
        </div>
      )}
    </Async>
  );
}
