import { useSearchParams } from 'react-router';
import type { SearchHit } from '../api';
import { ProductTile } from '../components/ProductTile';
import { Async } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../useApi';

export function SearchPage() {
  const { t } = useI18n();
  const q = useSearchParams()[0].get('q')?.trim() ?? '';
  const hits = useLoad((api) => q ? api.request<SearchHit[]>('/catalog/products/search', { query: { q, size: 40 } })
    : Promise.resolve([]), [q]);
  return (
    <section>
      <h1>{t('search.resultsFor', { q })}</h1>
      <Async state={hits}>
        {(list) => list.length === 0 ? <p className="notice">{t('search.none', { q })}</p> : (
          <ul className="grid">
            {list.map((h) => <ProductTile key={h.productId} id={h.productId} names={h.names} fallbackName="" fromPrice={h.fromPrice} />)}
          </ul>
        )}
      </Async>
    </section>
  );
}
