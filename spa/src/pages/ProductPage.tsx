import { Link } from 'react-router';
import { useState } from 'react';
import type { Availability, ProductView, SkuView } from '../api';
import { useAuth } from '../auth';
import { ProductArt } from '../components/ProductTile';
import { Async, ErrorBox } from '../components/Status';
import { localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, useApiClient, useLoad } from '../useApi';
import type { ApiError } from '../api';

function skuLabel(sku: SkuView): string {
  const attributes = Object.values(sku.attributes ?? {});
  return attributes.length > 0 ? attributes.join(' / ') : sku.sku;
}

function StockState({ availability }: { availability: Availability | undefined }) {
  const { t } = useI18n();
  if (!availability) return null;
  const text = availability.state === 'IN_STOCK' ? t('product.inStock')
    : availability.state === 'LOW' ? t('product.low', { n: availability.fewLeft ?? 0 }) : t('product.out');
  return <p className={`stock stock-${availability.state.toLowerCase()}`} data-testid="stock-state">{text}</p>;
}

function Buy({ product }: { product: ProductView }) {
  const { t, lang } = useI18n();
  const auth = useAuth();
  const api = useApiClient();
  const [chosen, setChosen] = useState(product.skus[0]?.sku);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const skus = product.skus.map((s) => s.sku);
  const availability = useLoad((a) => a.request<Availability[]>('/stock/availability', { query: { sku: skus } }), [product.id]);
  const sku = product.skus.find((s) => s.sku === chosen) ?? product.skus[0];
  const stock = availability.data?.find((a) => a.sku === sku.sku);
  const soldOut = stock?.state === 'OUT_OF_STOCK';

  const add = async () => {
    setBusy(true); setError(undefined); setAdded(false);
    try {
      await api.request(`/cart-order/cart/lines/${encodeURIComponent(sku.sku)}`, { method: 'PUT', body: { quantity } });
      setAdded(true);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="buy">
      <p className="price big">{formatMoney(sku.price, lang)}</p>
      {sku.pointsPrice != null && <p className="points-price">{t('product.pointsPrice', { points: sku.pointsPrice })}</p>}
      {product.skus.length > 1 && (
        <fieldset className="skus">
          <legend>{t('product.sku')}</legend>
          {product.skus.map((s) => (
            <label key={s.sku} className={s.sku === sku.sku ? 'chip chosen' : 'chip'}>
              <input type="radio" name="sku" value={s.sku} checked={s.sku === sku.sku} onChange={() => { setChosen(s.sku); setAdded(false); }} />
              {skuLabel(s)}
            </label>
          ))}
        </fieldset>
      )}
      <StockState availability={stock} />
      <label className="quantity">
        {t('product.quantity')}
        <input type="number" min={1} max={99} value={quantity}
          onChange={(e) => setQuantity(Math.max(1, Math.min(99, Number(e.target.value) || 1)))} />
      </label>
      {auth.user ? (
        <button type="button" className="primary" disabled={busy || soldOut} onClick={add}>{t('product.addToCart')}</button>
      ) : (
        <button type="button" className="primary" onClick={() => auth.signIn()}>{t('product.signInToBuy')}</button>
      )}
      {added && <p className="ok" role="status">{t('product.added')} <Link to="/cart">{t('product.goToCart')}</Link></p>}
      {error && <ErrorBox error={error} retry={add} />}
    </div>
  );
}

export function ProductPage({ id }: { id: number }) {
  const { lang } = useI18n();
  const product = useLoad((api) => api.request<ProductView>(`/catalog/products/${id}`), [id]);
  return (
    <Async state={product}>
      {(p) => {
        const name = localName(p.names, p.name, lang);
        return (
          <article className="product">
            <ProductArt name={name} large />
            <div>
              <h1>{name}</h1>
              <Buy product={p} />
            </div>
          </article>
        );
      }}
    </Async>
  );
}
