import { useState, type FormEvent } from 'react';
import type { ApiError, ProductView, StockView } from '../../api';
import { Async, ErrorBox } from '../../components/Status';
import { localName, useI18n } from '../../i18n';
import { asApiError, useApiClient, useLoad } from '../../useApi';

interface Row { sku: string; product: string; level: StockView | undefined }

function StockRow({ row, onSaved }: { row: Row; onSaved(): void }) {
  const { t } = useI18n();
  const api = useApiClient();
  const [onHand, setOnHand] = useState(String(row.level?.onHand ?? ''));
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined); setSaved(false);
    try {
      await api.request(`/stock/stock/${encodeURIComponent(row.sku)}`, { method: 'PUT', body: { onHand: Number(onHand) } });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <tr data-sku={row.sku}>
      <td><code>{row.sku}</code><div className="muted">{row.product}</div></td>
      <td data-label={t('console.reserved')}>{row.level ? row.level.reserved : '–'}</td>
      <td data-label={t('console.available')}>{row.level ? row.level.available : <span className="muted">{t('console.notCounted')}</span>}</td>
      <td>
        <form className="inline" onSubmit={save}>
          <label>
            <span className="visually-hidden">{t('console.onHandOf', { sku: row.sku })}</span>
            <input type="number" min={0} required value={onHand} onChange={(e) => setOnHand(e.target.value)} />
          </label>
          <button type="submit">{t('console.setStock')}</button>
          {saved && <span className="ok" role="status">{t('console.saved')}</span>}
        </form>
        {error && <ErrorBox error={error} />}
      </td>
    </tr>
  );
}

/** Units on hand, reserved and available for each SKU of the merchant's products; counts are set here. */
export function ConsoleStock() {
  const { t, lang } = useI18n();
  const rows = useLoad(async (api) => {
    const [products, levels] = await Promise.all([
      api.request<ProductView[]>('/catalog/merchant/products', { query: { size: 100 } }),
      api.request<StockView[]>('/stock/stock', { query: { size: 200 } }),
    ]);
    const bySku = new Map(levels.map((l) => [l.sku, l]));
    return products.flatMap((p) => p.skus.map((s): Row => ({ sku: s.sku, product: localName(p.names, p.name, lang), level: bySku.get(s.sku) })));
  }, [lang]);
  return (
    <Async state={rows}>
      {(list) => list.length === 0 ? <p className="notice">{t('console.noProducts')}</p> : (
        <table className="table">
          <thead><tr><th>SKU</th><th>{t('console.reserved')}</th><th>{t('console.available')}</th><th>{t('console.onHand')}</th></tr></thead>
          <tbody>{list.map((row) => <StockRow key={row.sku} row={row} onSaved={rows.reload} />)}</tbody>
        </table>
      )}
    </Async>
  );
}
