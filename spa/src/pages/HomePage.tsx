import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ProductTile, lowestPrice } from '../components/ProductTile';
import { Loaded } from '../components/Status';
import { useI18n } from '../i18n';
import { queries, useApiClient } from '../queries';

const PAGE = 12;

export function HomePage() {
  const { t } = useI18n();
  const api = useApiClient();
  const [pages, setPages] = useState(1);
  const products = useQuery({ ...queries.products(api, PAGE * pages), placeholderData: keepPreviousData });
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <Loaded query={products}>
        {(list) => list.length === 0 ? <p className="notice">{t('home.empty')}</p> : (
          <>
            <ul className="grid">
              {list.map((p) => (
                <ProductTile key={p.id} id={p.id} names={p.names} fallbackName={p.name}
                  fromPrice={lowestPrice(p.skus.map((s) => s.price))} />
              ))}
            </ul>
            {list.length === PAGE * pages && (
              <button type="button" className="more" onClick={() => setPages(pages + 1)}>{t('home.more')}</button>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
