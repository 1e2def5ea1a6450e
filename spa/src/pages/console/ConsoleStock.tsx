import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ProductView, StockView } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { localName, useI18n, type Lang } from '../../i18n';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import { QuarantineList } from './StockQuarantine';

interface Row { sku: string; product: string; level: StockView | undefined }

function rowsOf(products: ProductView[], levels: StockView[], lang: Lang): Row[] {
  const bySku = new Map(levels.map((l) => [l.sku, l]));
  return products.flatMap((p) => p.skus.map((s): Row => ({ sku: s.sku, product: localName(p.names, p.name, lang), level: bySku.get(s.sku) })));
}

function StockRow({ row }: { row: Row }) {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const [onHand, setOnHand] = useState(String(row.level?.onHand ?? ''));
  const count = useMutation({
    mutationFn: (units: number) => api.request(`/stock/stock/${encodeURIComponent(row.sku)}`, { method: 'PUT', body: { onHand: units } }),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: keys.stock }),
      client.invalidateQueries({ queryKey: keys.availability }),
    ]),
  });
  const save = (event: FormEvent) => {
    event.preventDefault();
    count.mutate(Number(onHand));
  };
  return (
    <tr data-sku={row.sku}>
      <td><Link to={`/console/stock/skus/${encodeURIComponent(row.sku)}`}><code>{row.sku}</code></Link><div className="muted">{row.product}</div></td>
      <td data-label={t('console.reserved')}>{row.level ? row.level.reserved : '–'}</td>
      <td data-label={t('console.available')}>{row.level ? row.level.available : <span className="muted">{t('console.notCounted')}</span>}</td>
      <td>
        <form className="inline" onSubmit={save}>
          <label>
            <span className="visually-hidden">{t('console.onHandOf', { sku: row.sku })}</span>
            <input type="number" min={0} required value={onHand} onChange={(e) => setOnHand(e.target.value)} />
          </label>
          <button type="submit">{t('console.setStock')}</button>
          {count.isSuccess && <span className="ok" role="status">{t('console.saved')}</span>}
        </form>
        {count.error && <ErrorBox error={asApiError(count.error)} />}
      </td>
    </tr>
  );
}

/** Units on hand, reserved and available for each SKU of the merchant's products; counts are set here. */
export function ConsoleStock() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const both = useQueries({
    queries: [queries.merchantProducts(api), queries.stockLevels(api)],
    combine: ([products, levels]) => ({
      data: products.data && levels.data ? { products: products.data, levels: levels.data } : undefined,
      error: products.error ?? levels.error,
      refetch: () => Promise.all([products.refetch(), levels.refetch()]),
    }),
  });
  return (
    <>
      <QuarantineList />
      <Loaded query={both}>
        {({ products, levels }) => {
          const rows = rowsOf(products, levels, lang);
          return rows.length === 0 ? <p className="notice">{t('console.noProducts')}</p> : (
            <table className="table">
              <thead><tr><th>SKU</th><th>{t('console.reserved')}</th><th>{t('console.available')}</th><th>{t('console.onHand')}</th></tr></thead>
              <tbody>{rows.map((row) => <StockRow key={row.sku} row={row} />)}</tbody>
            </table>
          );
        }}
      </Loaded>
    </>
  );
}
