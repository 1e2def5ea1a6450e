import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey, type ApiError, type Cart, type OrderView } from '../api';
import { ProductArt } from '../components/ProductTile';
import { Async, ErrorBox, SignedInPage } from '../components/Status';
import { localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, useApiClient, useLoad } from '../useApi';

function CartContent() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const navigate = useNavigate();
  const cart = useLoad((a) => a.request<Cart>('/cart-order/cart'), []);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // One key per checkout of this cart: a retried or double click places one order.
  const [checkoutKey, setCheckoutKey] = useState(newIdempotencyKey);

  const change = async (run: () => Promise<unknown>) => {
    setBusy(true); setError(undefined);
    try {
      await run();
      setCheckoutKey(newIdempotencyKey());
      cart.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const checkout = async () => {
    setBusy(true); setError(undefined);
    try {
      const order = await api.request<OrderView>('/cart-order/checkout', { method: 'POST', idempotencyKey: checkoutKey });
      navigate(`/orders/${order.id}`);
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  };

  return (
    <Async state={cart}>
      {(c) => c.lines.length === 0 ? (
        <div className="notice"><p>{t('cart.empty')}</p><Link to="/">{t('cart.continue')}</Link></div>
      ) : (
        <>
          <ul className="lines">
            {c.lines.map((line) => {
              const name = localName(line.names, line.productName, lang);
              return (
                <li key={line.sku} className={line.available ? 'line' : 'line unavailable'}>
                  <ProductArt name={name} />
                  <div className="line-text">
                    <Link to={`/products/${line.productId}`}>{name}</Link>
                    <span className="muted">{Object.values(line.attributes ?? {}).join(' / ') || line.sku}</span>
                    {!line.available && <span className="badge">{t('cart.unavailable')}</span>}
                  </div>
                  <label className="quantity">
                    <span className="visually-hidden">{t('cart.quantityOf', { name })}</span>
                    <input type="number" min={1} max={99} defaultValue={line.quantity} disabled={busy}
                      onBlur={(e) => {
                        const quantity = Math.max(1, Math.min(99, Number(e.target.value) || 1));
                        if (quantity !== line.quantity) {
                          void change(() => api.request(`/cart-order/cart/lines/${encodeURIComponent(line.sku)}`, { method: 'PUT', body: { quantity } }));
                        }
                      }} />
                  </label>
                  <span className="price">{formatMoney(line.subtotal, lang)}</span>
                  <button type="button" className="link" disabled={busy}
                    onClick={() => change(() => api.request(`/cart-order/cart/lines/${encodeURIComponent(line.sku)}`, { method: 'DELETE' }))}>
                    {t('cart.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="summary">
            <span>{t('cart.total')}</span>
            <strong data-testid="cart-total">{c.totals.map((m) => formatMoney(m, lang)).join(' + ')}</strong>
            <button type="button" className="primary" disabled={busy} onClick={checkout}>{t('cart.checkout')}</button>
          </div>
          {error && <ErrorBox error={error} />}
        </>
      )}
    </Async>
  );
}

export function CartPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('cart.title')} role="shopper"><CartContent /></SignedInPage>;
}
