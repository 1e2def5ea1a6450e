import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatTime, useI18n } from '../../i18n';
import { queries, useApiClient } from '../../queries';
import { useStockText } from './stockMessages';

/**
 * Returned units set apart awaiting inspection, per SKU and warehouse, the longest waiting first; each
 * links to its SKU's page, where they are released onto the shelf or written off. Nothing when none waits.
 */
export function QuarantineList() {
  const s = useStockText();
  const { lang } = useI18n();
  const api = useApiClient();
  const waiting = useQuery(queries.quarantine(api));
  if (!waiting.data || waiting.data.length === 0) return null;
  return (
    <section aria-labelledby="quarantine-title" data-testid="quarantine-list">
      <h3 id="quarantine-title">{s('quarantine.title')}</h3>
      <table className="table">
        <thead><tr><th>SKU</th><th>{s('warehouse')}</th><th>{s('quarantined')}</th><th>{s('quarantine.since')}</th></tr></thead>
        <tbody>
          {waiting.data.map((w) => (
            <tr key={`${w.sku}@${w.warehouse}`} data-quarantined-sku={w.sku}>
              <td><Link to={`/console/stock/skus/${encodeURIComponent(w.sku)}`}><code>{w.sku}</code></Link></td>
              <td data-label={s('warehouse')}>{w.warehouse}</td>
              <td data-label={s('quarantined')}>{w.quarantined}</td>
              <td data-label={s('quarantine.since')} className="muted">{formatTime(w.updatedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
