import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type Cart, type CouponQuote } from '../api';
import { quoteRequestOf, toggled } from '../coupons/quote';
import { useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, queries, useApiClient } from '../queries';
import { Amounts } from './Amounts';
import { ErrorBox } from './Status';

/** What the quote says each applied coupon takes off, split over the lines it covers; and why each other one does not apply. */
function QuoteLines({ quote }: { quote: CouponQuote }) {
  const { t, known, lang } = useI18n();
  return (
    <>
      <ul className="quote" data-testid="coupon-quote">
        {quote.applied.map((a) => (
          <li key={a.couponId} className="quote-applied">
            <strong>{a.templateName}</strong> <span className="plus">{'\u2212'}{formatMoney(a.amount, lang)}</span>
            <ul>{a.lines.map((s) => <li key={s.line} className="muted">{t('coupons.onLine', { sku: s.sku, amount: formatMoney(s.amount, lang) })}</li>)}</ul>
          </li>
        ))}
        {quote.notApplied.map((n) => (
          <li key={n.couponId} className="quote-refused">
            <strong>{n.templateName}</strong> <span className="muted">{known(`coupon.reason.${n.reason}`, n.why)}</span>
          </li>
        ))}
      </ul>
      <Amounts subtotal={quote.subtotal} off={quote.discount.amountMinor > 0 ? [{ label: t('coupons.discount'), amount: quote.discount }] : []}
        total={quote.total} />
    </>
  );
}

/**
 * The shopper's available coupons against this cart, quoted by loyalty as they are ticked (a new
 * Idempotency-Key per quote, as loyalty asks). cart-order's checkout takes no coupons yet, so this
 * says what they would take off and the page says so.
 */
export function CouponsInCart({ cart }: { cart: Cart }) {
  const { t } = useI18n();
  const api = useApiClient();
  const id = useId();
  const wallet = useQuery(queries.coupons(api, 'AVAILABLE'));
  const [chosen, setChosen] = useState<number[]>([]);
  const quote = useMutation({
    mutationFn: (couponIds: number[]) => api.request<CouponQuote>('/loyalty/coupons/quote',
      { method: 'POST', idempotencyKey: newIdempotencyKey(), body: quoteRequestOf(cart, couponIds) }),
  });
  const { mutate, reset } = quote;
  useEffect(() => {
    if (chosen.length > 0 && cart.lines.some((l) => l.available)) mutate(chosen);
    else reset();
  }, [chosen, cart, mutate, reset]);
  if (!wallet.data || wallet.data.length === 0) return null;
  return (
    <section className="use-points" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('coupons.inCart')}</h2>
      <p className="muted">{t('coupons.notAtCheckout')} <Link to="/coupons">{t('coupons.wallet')}</Link></p>
      <div className="filters">
        {wallet.data.map((c) => (
          <label key={c.id} className={chosen.includes(c.id) ? 'chip chosen' : 'chip'}>
            <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => setChosen(toggled(chosen, c.id))} />
            {c.name}
          </label>
        ))}
      </div>
      {quote.data && chosen.length > 0 && <QuoteLines quote={quote.data} />}
      {quote.error && <ErrorBox error={asApiError(quote.error)} retry={() => mutate(chosen)} />}
    </section>
  );
}
