import { Link } from 'react-router';
import type { OrderSummary } from '../api';
import { Async, SignedInPage } from '../components/Status';
import { formatTime, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { useLoad } from '../useApi';
import type { MessageKey } from '../messages';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(`status.${status}` as MessageKey)}</span>;
}

function OrderList() {
  const { t, lang } = useI18n();
  const orders = useLoad((api) => api.request<OrderSummary[]>('/cart-order/orders', { query: { size: 50 } }), [], 5000);
  return (
    <Async state={orders}>
      {(list) => list.length === 0 ? <p className="notice">{t('orders.empty')}</p> : (
        <ul className="rows">
          {list.map((o) => (
            <li key={o.id}>
              <Link to={`/orders/${o.id}`} className="row">
                <span>{t('orders.order', { id: o.id })}</span>
                <span className="muted">{t('orders.placed', { at: formatTime(o.createdAt, lang) })}</span>
                <StatusBadge status={o.status} />
                <span className="price">{formatMoney(o.total, lang)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Async>
  );
}

export function OrdersPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('orders.title')} role="shopper"><OrderList /></SignedInPage>;
}
