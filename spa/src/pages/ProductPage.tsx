import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Availability, ProductView, SkuView } from '../api';
import { useAuth } from '../auth';
import { ProductArt } from '../components/ProductTile';
import { RedeemButton, pointsPriceText } from '../components/Redeem';
import { ErrorBox, Loaded } from '../components/Status';
import { localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, keys, queries, useApiClient } from '../queries';

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
  const client = useQueryClient();
  const [chosen, setChosen] = useState(product.skus[0]?.sku);
  const [quantity, setQuantity] = useState(1);
  const availability = useQuery(queries.availability(api, product.skus.map((s) => s.sku)));
  const sku = product.skus.find((s) => s.sku === chosen) ?? product.skus[0];
  const stock = availability.data?.find((a) => a.sku === sku.sku);
  const soldOut = stock?.state === 'OUT_OF_STOCK';
  const add = useMutation({
    mutationFn: () => api.request(`/cart-order/cart/lines/${encodeURIComponent(sku.sku)}`, { method: 'PUT', body: { quantity } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.cart }),
  });

  return (
    <div className="buy">
      <p className="price big">{formatMoney(sku.price, lang)}</p>
      {sku.pointsPrice != null && (
        <div className="points-price">
          <p>{t('product.pointsPrice', { price: pointsPriceText(sku, lang, t) })}</p>
          {auth.user && !soldOut && <RedeemButton key={sku.sku} sku={sku} name={localName(product.names, product.name, lang)} />}
        </div>
      )}
      {product.skus.length > 1 && (
        <fieldset className="skus">
          <legend>{t('product.sku')}</legend>
          {product.skus.map((s) => (
            <label key={s.sku} className={s.sku === sku.sku ? 'chip chosen' : 'chip'}>
              <input type="radio" name="sku" value={s.sku} checked={s.sku === sku.sku} onChange={() => { setChosen(s.sku); add.reset(); }} />
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
        <button type="button" className="primary" disabled={add.isPending || soldOut} onClick={() => add.mutate()}>{t('product.addToCart')}</button>
      ) : (
        <button type="button" className="primary" onClick={() => auth.signIn()}>{t('product.signInToBuy')}</button>
      )}
      {add.isSuccess && <p className="ok" role="status">{t('product.added')} <Link to="/cart">{t('product.goToCart')}</Link></p>}
      {add.error && <ErrorBox error={asApiError(add.error)} retry={() => add.mutate()} />}
    </div>
  );
}

export function ProductPage({ id }: { id: number }) {
  const { lang } = useI18n();
  const api = useApiClient();
  const product = useQuery(queries.product(api, id));
  return (
    <Loaded query={product}>
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
    </Loaded>
  );
}
