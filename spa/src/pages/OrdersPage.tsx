import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Loaded, SignedInPage } from '../components/Status';
import { StatusBadge } from '../components/StatusBadge';
import { formatTime, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { queries, useApiClient } from '../queries';

function OrderList() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const orders = useQuery({ ...queries.orders(api), refetchInterval: 5000 });
  return (
    <Loaded query={orders}>
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
    </Loaded>
  );
}

export function OrdersPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('orders.title')} role="shopper"><OrderList /></SignedInPage>;
}
