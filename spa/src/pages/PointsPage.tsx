import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Loaded, SignedInPage } from '../components/Status';
import { formatTime, useI18n } from '../i18n';
import { queries, useApiClient } from '../queries';

function Account() {
  const { t, known, lang } = useI18n();
  const api = useApiClient();
  const account = useQuery({ ...queries.points(api), refetchInterval: 5000 });
  return (
    <Loaded query={account}>
      {(a) => (
        <>
          <p className="balance"><span>{t('points.balance')}</span><strong data-testid="points-balance">{a.balance.toLocaleString(lang)}</strong></p>
          <h2>{t('points.history')}</h2>
          {a.entries.length === 0 ? <p className="notice">{t('points.empty')}</p> : (
            <ul className="rows">
              {a.entries.map((e) => (
                <li key={e.id} className="row">
                  <span>
                    {known(`points.reason.${e.reason}`, e.reason)}
                    {e.orderId != null && <> <Link to={`/orders/${e.orderId}`}>{t('orders.order', { id: e.orderId })}</Link></>}
                  </span>
                  <time className="muted">{formatTime(e.createdAt, lang)}</time>
                  <strong className={e.points >= 0 ? 'plus' : 'minus'}>{e.points >= 0 ? '+' : ''}{e.points.toLocaleString(lang)}</strong>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Loaded>
  );
}

export function PointsPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('points.title')} role="shopper"><Account /></SignedInPage>;
}
