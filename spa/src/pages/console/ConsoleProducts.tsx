import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { newIdempotencyKey, type ProductView } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { localName, useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { formatMoney } from '../../money';
import { asApiError, keys, queries, useApiClient } from '../../queries';

/** Listing or delisting a product changes the merchant's list and what shoppers see. */
function useProductTransition() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ product, to }: { product: ProductView; to: 'listing' | 'delisting' }) =>
      api.request(`/catalog/merchant/products/${product.id}/${to}`, { method: 'POST', idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: keys.merchantProducts }),
      client.invalidateQueries({ queryKey: keys.products }),
    ]),
  });
}

export function ConsoleProducts() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const products = useQuery(queries.merchantProducts(api));
  const transition = useProductTransition();

  return (
    <>
      <p><Link to="/console/products/new" className="button primary">{t('console.newProduct')}</Link></p>
      {transition.error && <ErrorBox error={asApiError(transition.error)} />}
      <Loaded query={products}>
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
                      ? <button type="button" onClick={() => transition.mutate({ product: p, to: 'delisting' })}>{t('console.delist')}</button>
                      : <button type="button" className="primary" onClick={() => transition.mutate({ product: p, to: 'listing' })}>{t('console.list')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
