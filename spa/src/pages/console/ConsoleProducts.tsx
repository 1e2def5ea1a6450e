import { Link } from 'react-router';
import { useState } from 'react';
import { newIdempotencyKey, type ApiError, type ProductView } from '../../api';
import { Async, ErrorBox } from '../../components/Status';
import { localName, useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { formatMoney } from '../../money';
import { asApiError, useApiClient, useLoad } from '../../useApi';

export function ConsoleProducts() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const products = useLoad((a) => a.request<ProductView[]>('/catalog/merchant/products', { query: { size: 100 } }), []);
  const [error, setError] = useState<ApiError>();

  const transition = async (product: ProductView, to: 'listing' | 'delisting') => {
    setError(undefined);
    try {
      await api.request(`/catalog/merchant/products/${product.id}/${to}`, { method: 'POST', idempotencyKey: newIdempotencyKey() });
      products.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  };

  return (
    <>
      <p><Link to="/console/products/new" className="button primary">{t('console.newProduct')}</Link></p>
      {error && <ErrorBox error={error} />}
      <Async state={products}>
        {(list) => list.length === 0 ? <p className="notice">{t('console.noProducts')}</p> : (
          <table className="table">
            <thead><tr><th>#</th><th>{t('console.names')}</th><th>{t('console.skus')}</th><th>{t('console.price')}</th><th /><th /></tr></thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} data-product-id={p.id}>
                  <td>{p.id}</td>
                  <td>
                    <Link to={`/console/products/${p.id}`}>{localName(p.names, p.name, lang)}</Link>
                    {' '}<span className={`badge product-${p.status.toLowerCase()}`}>{t(`console.status.${p.status}` as MessageKey)}</span>
                  </td>
                  <td className="muted" data-label={t('console.skus')}>{p.skus.map((s) => s.sku).join(', ')}</td>
                  <td data-label={t('console.price')}>{p.skus.map((s) => formatMoney(s.price, lang)).join(' / ')}</td>
                  <td><Link to={`/console/products/${p.id}`}>{t('console.edit')}</Link></td>
                  <td>
                    {p.status === 'LISTED'
                      ? <button type="button" onClick={() => transition(p, 'delisting')}>{t('console.delist')}</button>
                      : <button type="button" className="primary" onClick={() => transition(p, 'listing')}>{t('console.list')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </>
  );
}
