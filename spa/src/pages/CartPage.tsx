import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey, type Cart, type OrderView, type ShippingOption, type ShippingOptionView } from '../api';
import { chosenAddress, isAddressNotYours } from '../addresses/addressDraft';
import { chosenShipping } from '../addresses/shipping';
import { AddressPicker } from '../components/AddressPicker';
import { Amounts } from '../components/Amounts';
import { CheckoutProblem } from '../components/CheckoutProblem';
import { CouponsInCart, useCouponQuote } from '../components/CouponsInCart';
import { ProductArt } from '../components/ProductTile';
import { ShippingChoice } from '../components/ShippingChoice';
import { ErrorBox, Loaded, SignedInPage } from '../components/Status';
import { NO_POINTS, UsePoints, requestedPoints, type PointsChoice } from '../components/UsePoints';
import { localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { checkoutAmounts, couponProblemOf, type CheckoutAmounts } from '../coupons/checkout';
import { asApiError, keys, queries, useApiClient } from '../queries';

/** A line's new quantity, or null to remove it. */
interface LineChange { sku: string; quantity: number | null }

/**
 * The cart's amounts in the order checkout takes them: its subtotal, what each chosen coupon and
 * then the points take off, the delivery fee, and what is left to pay (several currencies: each
 * one's total alone).
 */
function CartAmounts({ cart, amounts, delivery }: { cart: Cart; amounts: CheckoutAmounts | null; delivery: ShippingOptionView | undefined }) {
  const { t, lang } = useI18n();
  if (!amounts) {
    return <p className="summary"><span>{t('cart.total')}</span><strong data-testid="cart-total">{cart.totals.map((m) => formatMoney(m, lang)).join(' + ')}</strong></p>;
  }
  const { currency } = amounts.subtotal;
  const off = [
    ...amounts.coupons.map((c) => ({ label: t('amounts.coupon', { name: c.name }), amount: c.amount })),
    ...(amounts.points ? [{ label: t('amounts.points', { points: amounts.points.points.toLocaleString(lang) }),
      amount: { amountMinor: amounts.points.discountMinor, currency } }] : []),
  ];
  const fee = delivery && delivery.fee.currency === currency ? delivery.fee.amountMinor : 0;
  const added = fee > 0 && delivery
    ? [{ label: t('shipping.fee', { option: t(`shipping.${delivery.option as ShippingOption}`) }), amount: delivery.fee }] : [];
  const total = { amountMinor: amounts.total.amountMinor + fee, currency };
  return <Amounts subtotal={amounts.subtotal} off={off} added={added} total={total} testId="cart-total" />;
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
  // The coupons in the order they were ticked, the order they apply in; one the wallet no longer
  // holds (another order used it) drops out. It drops only after a refused checkout, which stored
  // nothing under its key, so the key may stay.
  const [ticked, setTicked] = useState<number[]>([]);
  const wallet = useQuery(queries.coupons(api, 'AVAILABLE')).data;
  const coupons = useMemo(() => {
    const held = wallet ? ticked.filter((id) => wallet.some((c) => c.id === id)) : ticked;
    return held.length === ticked.length ? ticked : held;
  }, [wallet, ticked]);
  const quote = useCouponQuote(cart.data, coupons);
  // More points than the balance would only place an order loyalty cancels (POINTS_REFUSED); more
  // than cart-order's share is left for cart-order to refuse in its own words.
  const balance = useQuery(queries.pointsBalance(api)).data?.balance;
  const overBalance = points !== null && balance !== undefined && points > balance;
  // The address the order goes to: the one picked, else the default. Another address is another
  // checkout, so it has a key of its own (as other points or coupons do).
  const book = useQuery(queries.addresses(api));
  const [picked, setPicked] = useState<number | null>(null);
  const addressId = chosenAddress(book.data, picked);
  const [keyAddress, setKeyAddress] = useState(addressId);
  if (keyAddress !== addressId) {
    setKeyAddress(addressId);
    setCheckoutKey(newIdempotencyKey());
  }
  // The delivery service: the one picked while the address is served by it, else the cheapest. Checkout waits
  // until its fee is known, so the total shown is the total charged.
  const shippingOptions = useQuery(queries.shippingOptions(api, addressId)).data;
  const [pickedShipping, setPickedShipping] = useState<ShippingOption>('STANDARD');
  const shipping = chosenShipping(shippingOptions, pickedShipping);
  const delivery = shippingOptions?.find((o) => o.option === shipping);

  const change = useMutation({
    mutationFn: ({ sku, quantity }: LineChange) => api.request(`/cart-order/cart/lines/${encodeURIComponent(sku)}`,
      quantity === null ? { method: 'DELETE' } : { method: 'PUT', body: { quantity } }),
    onSuccess: () => {
      setCheckoutKey(newIdempotencyKey());
      return client.invalidateQueries({ queryKey: keys.cart });
    },
  });
  const checkout = useMutation({
    mutationFn: () => api.request<OrderView>('/cart-order/checkout', {
      method: 'POST', idempotencyKey: checkoutKey,
      query: {
        addressId: addressId ?? undefined, points: points || undefined, couponId: coupons.length > 0 ? coupons.map(String) : undefined,
        shipping,
      },
    }),
    onSuccess: (order) => {
      void client.invalidateQueries({ queryKey: keys.cart });
      void client.invalidateQueries({ queryKey: keys.orders });
      if (order.pointsUsed > 0) void client.invalidateQueries({ queryKey: keys.points });
      if (order.adjustments.some((a) => a.kind === 'COUPON')) void client.invalidateQueries({ queryKey: keys.coupons });
      navigate(`/orders/${order.id}`);
    },
    // A coupon not in the wallet any more: the wallet is read again, and the choice loses it.
    onError: (e) => {
      if (couponProblemOf(asApiError(e)) === 'coupon-not-yours') void client.invalidateQueries({ queryKey: keys.coupons });
      // An address deleted meanwhile: the book is read again, and the default (if any) is chosen.
      if (isAddressNotYours(asApiError(e))) void client.invalidateQueries({ queryKey: keys.addresses });
    },
  });
  const edit = (line: LineChange) => { checkout.reset(); change.mutate(line); };
  // Other points or coupons are another checkout: a new key, so the service does not see a reused one.
  const choosePoints = (choice: PointsChoice) => { checkout.reset(); setPointsChoice(choice); setCheckoutKey(newIdempotencyKey()); };
  const chooseCoupons = (chosen: number[]) => { checkout.reset(); setTicked(chosen); setCheckoutKey(newIdempotencyKey()); };
  const chooseAddress = (id: number) => { checkout.reset(); setPicked(id); };
  const chooseShipping = (option: ShippingOption) => { checkout.reset(); setPickedShipping(option); setCheckoutKey(newIdempotencyKey()); };
  const busy = change.isPending || checkout.isPending || checkout.isSuccess;
  const goods = cart.data?.totals.length === 1 ? cart.data.totals[0] : null;
  const amounts = goods ? checkoutAmounts(goods, quote.data?.applied ?? [], points ?? 0) : null;

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
          {amounts && <CouponsInCart chosen={coupons} onChange={chooseCoupons} quote={quote} disabled={busy} />}
          {amounts && <UsePoints goods={amounts.afterCoupons} choice={pointsChoice} onChange={choosePoints} disabled={busy} />}
          <AddressPicker chosen={addressId} onChange={chooseAddress} disabled={busy} />
          {addressId !== null && <ShippingChoice addressId={addressId} chosen={shipping} onChange={chooseShipping} disabled={busy} />}
          <div className="checkout">
            <CartAmounts cart={c} amounts={amounts} delivery={delivery} />
            {addressId === null && book.data && (
              <p className="hint" id="checkout-needs-address">{t(book.data.length === 0 ? 'address.addFirst' : 'address.chooseFirst')}</p>
            )}
            <button type="button" className="primary"
              disabled={busy || points === null || overBalance || quote.isPending || addressId === null || delivery === undefined}
              aria-describedby={addressId === null && book.data ? 'checkout-needs-address' : undefined}
              onClick={() => { change.reset(); checkout.mutate(); }}>{t('cart.checkout')}</button>
          </div>
          {change.error && <ErrorBox error={asApiError(change.error)} />}
          {checkout.error && <CheckoutProblem error={asApiError(checkout.error)} wallet={wallet} retry={() => checkout.mutate()} />}
        </>
      )}
    </Loaded>
  );
}

export function CartPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('cart.title')} role="shopper"><CartContent /></SignedInPage>;
}
