import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { OrderAmounts } from '../../components/Amounts';
import { DeliverTo } from '../../components/DeliveryAddress';
import { BatchLabels, ParcelPapers } from '../../components/ParcelPapers';
import { Loaded } from '../../components/Status';
import { StatusBadge } from '../../components/StatusBadge';
import { Timeline } from '../../components/Timeline';
import { formatTime, useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { formatMoney } from '../../money';
import { queries, untilFinal, useApiClient } from '../../queries';

const STATUSES = ['PENDING', 'STOCK_RESERVED', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED'];

/** Orders holding the merchant's SKUs (every order for an admin), newest first, refreshed while open. */
export function ConsoleOrders() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const orders = useQuery({ ...queries.operatorOrders(api, status), refetchInterval: 5000, placeholderData: keepPreviousData });
  return (
    <>
      <label className="field inline-field">
        <span>{t('console.orders')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('console.allStatuses')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}` as MessageKey)}</option>)}
        </select>
      </label>
      <BatchLabels />
      <Loaded query={orders}>
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
      </Loaded>
    </>
  );
}

export function ConsoleOrder({ id }: { id: number }) {
  const { t, known, lang } = useI18n();
  const api = useApiClient();
  const order = useQuery({ ...queries.operatorOrder(api, id), refetchInterval: untilFinal(2000) });
  return (
    <Loaded query={order}>
      {(o) => (
        <div className="order">
          <div className="order-head"><h2>{t('orders.order', { id: o.id })}</h2><StatusBadge status={o.status} /></div>
          {o.cancelReason && <p className="error">{t('order.cancelled', { reason: known(`reason.${o.cancelReason}`, o.cancelReason) })}</p>}
          <ul className="lines compact">
            {o.lines.map((l) => (
              <li key={l.sku} className="line"><span>{l.productName} <code>{l.sku}</code></span><span>× {l.quantity}</span>
                <span className="price">{formatMoney(l.subtotal, lang)}</span></li>
            ))}
          </ul>
          <OrderAmounts order={o} />
          <DeliverTo address={o.deliveryAddress} shipping={o.shipping} />
          <ParcelPapers order={o} />
          <Timeline steps={o.timeline} live={null} allNotes /> {/* the console asks again every 2 s: not a live stream */}
        </div>
      )}
    </Loaded>
  );
}
