import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import { queries, useApiClient } from '../../queries';
import { useStockText } from './stockMessages';

/** Low-stock alerts, newest first: one each time available stock fell to a threshold. */
export function AlertList({ sku = '' }: { sku?: string }) {
  const s = useStockText();
  const { lang } = useI18n();
  const api = useApiClient();
  const alerts = useQuery(queries.stockAlerts(api, sku));
  return (
    <Loaded query={alerts}>
      {(list) => list.length === 0 ? <p className="notice">{s('alerts.none')}</p> : (
        <ul className="rows alerts">
          {list.map((alert) => (
            <li key={alert.id} className="row" data-alert-id={alert.id}>
              <span>
                {!sku && <><Link to={`/console/stock/skus/${encodeURIComponent(alert.sku)}`}><code>{alert.sku}</code></Link>{' '}</>}
                {s('alerts.text', { available: alert.available, warehouse: alert.warehouse, threshold: alert.threshold })}
              </span>
              <time className="muted" dateTime={alert.raisedAt}>{formatTime(alert.raisedAt, lang)}</time>
            </li>
          ))}
        </ul>
      )}
    </Loaded>
  );
}

export function StockAlerts() {
  return <AlertList />;
}
