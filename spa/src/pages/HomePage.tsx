import { useState } from 'react';
import type { ProductView } from '../api';
import { ProductTile, lowestPrice } from '../components/ProductTile';
import { Async } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../useApi';

const PAGE = 12;

export function HomePage() {
  const { t } = useI18n();
  const [pages, setPages] = useState(1);
  const products = useLoad((api) => api.request<ProductView[]>('/catalog/products', { query: { page: 0, size: PAGE * pages } }), [pages]);
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <Async state={products}>
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
      </Async>
    </section>
  );
}
