import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ProductTile } from '../components/ProductTile';
import { Loaded } from '../components/Status';
import { useI18n } from '../i18n';
import { queries, useApiClient } from '../queries';

export function SearchPage() {
  const { t } = useI18n();
  const api = useApiClient();
  const q = useSearchParams()[0].get('q')?.trim() ?? '';
  const hits = useQuery({ ...queries.search(api, q, 40), enabled: q !== '', placeholderData: keepPreviousData });
  const none = <p className="notice">{t('search.none', { q })}</p>;
  return (
    <section>
      <h1>{t('search.resultsFor', { q })}</h1>
      {q === '' ? none : (
        <Loaded query={hits}>
          {(list) => list.length === 0 ? none : (
            <ul className="grid">
              {list.map((h) => <ProductTile key={h.productId} id={h.productId} names={h.names} fallbackName="" fromPrice={h.fromPrice} />)}
            </ul>
          )}
        </Loaded>
      )}
    </section>
  );
}
