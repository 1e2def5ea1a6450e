import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey, type Cart, type OrderView } from '../api';
import { Amounts } from '../components/Amounts';
import { CouponsInCart } from '../components/CouponsInCart';
import { ProductArt } from '../components/ProductTile';
import { ErrorBox, Loaded, SignedInPage } from '../components/Status';
import { NO_POINTS, UsePoints, requestedPoints, type PointsChoice } from '../components/UsePoints';
import { localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { pointsPayment } from '../points/pointsAtCheckout';
import { asApiError, keys, queries, useApiClient } from '../queries';

/** A line's new quantity, or null to remove it. */
interface LineChange { sku: string; quantity: number | null }

/** The cart's amounts: its subtotal, what the chosen points would take off, and what is left to pay. */
function CartAmounts({ cart, points }: { cart: Cart; points: number | null }) {
  const { t, lang } = useI18n();
  if (cart.totals.length !== 1) {
    return <p className="summary"><span>{t('cart.total')}</span><strong data-testid="cart-total">{cart.totals.map((m) => formatMoney(m, lang)).join(' + ')}</strong></p>;
  }
  const goods = cart.totals[0];
  const payment = points ? pointsPayment(goods, points) : null;
  const off = payment ? [{ label: t('amounts.points', { points: payment.points.toLocaleString(lang) }),
    amount: { amountMinor: payment.discountMinor, currency: goods.currency } }] : [];
  const total = { amountMinor: goods.amountMinor - (payment?.discountMinor ?? 0), currency: goods.currency };
  return <Amounts subtotal={goods} off={off} total={total} testId="cart-total" />;
}

function CartContent() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const navigate = useNavigate();
  const client = useQueryClient();
  const cart = useQuery(queries.cart(api));
  // One key per checkout of this cart: a retried or double click places one order.
  const [checkoutKey, setCheckoutKey] = useState(newIdempotencyKey);
  const [pointsChoice, setPointsChoice] = useState<PointsChoice>(NO_POINTS);
  const points = requestedPoints(pointsChoice);
  // More points than the balance would only place an order loyalty cancels (POINTS_REFUSED); more
  // than cart-order's share is left for cart-order to refuse in its own words.
  const balance = useQuery(queries.pointsBalance(api)).data?.balance;
  const overBalance = points !== null && balance !== undefined && points > balance;

  const change = useMutation({
    mutationFn: ({ sku, quantity }: LineChange) => api.request(`/cart-order/cart/lines/${encodeURIComponent(sku)}`,
      quantity === null ? { method: 'DELETE' } : { method: 'PUT', body: { quantity } }),
    onSuccess: () => {
      setCheckoutKey(newIdempotencyKey());
      return client.invalidateQueries({ queryKey: keys.cart });
    },
  });
  const checkout = useMutation({
    mutationFn: () => api.request<OrderView>('/cart-order/checkout',
      { method: 'POST', idempotencyKey: checkoutKey, query: { points: points || undefined } }),
    onSuccess: (order) => {
      void client.invalidateQueries({ queryKey: keys.cart });
      void client.invalidateQueries({ queryKey: keys.orders });
      if (order.pointsUsed > 0) void client.invalidateQueries({ queryKey: keys.points });
      navigate(`/orders/${order.id}`);
    },
  });
  const edit = (line: LineChange) => { checkout.reset(); change.mutate(line); };
  // Other points are another checkout: a new key, so the service does not see a reused one.
  const choosePoints = (choice: PointsChoice) => { checkout.reset(); setPointsChoice(choice); setCheckoutKey(newIdempotencyKey()); };
  const busy = change.isPending || checkout.isPending || checkout.isSuccess;
  const error = change.error ?? checkout.error;

  return (
    <Loaded query={cart}>
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
                        if (quantity !== line.quantity) edit({ sku: line.sku, quantity });
                      }} />
                  </label>
                  <span className="price">{formatMoney(line.subtotal, lang)}</span>
                  <button type="button" className="link" disabled={busy}
                    onClick={() => edit({ sku: line.sku, quantity: null })}>
                    {t('cart.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
          {c.totals.length === 1 && <CouponsInCart cart={c} />}
          {c.totals.length === 1 && <UsePoints goods={c.totals[0]} choice={pointsChoice} onChange={choosePoints} disabled={busy} />}
          <div className="checkout">
            <CartAmounts cart={c} points={points} />
            <button type="button" className="primary" disabled={busy || points === null || overBalance}
              onClick={() => { change.reset(); checkout.mutate(); }}>{t('cart.checkout')}</button>
          </div>
          {error && <ErrorBox error={asApiError(error)} />}
        </>
      )}
    </Loaded>
  );
}

export function CartPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('cart.title')} role="shopper"><CartContent /></SignedInPage>;
}
