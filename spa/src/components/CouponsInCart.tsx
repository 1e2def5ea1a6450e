import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type Cart, type CouponQuote } from '../api';
import { quoteRequestOf, toggled } from '../coupons/quote';
import { useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, queries, useApiClient } from '../queries';
import { ErrorBox } from './Status';

/** loyalty's quote of the chosen coupons on the cart: asked again whenever either changes. */
export interface CouponQuoteState { data: CouponQuote | undefined; error: Error | null; isPending: boolean; retry(): void }

/**
 * Asks loyalty what the {@code chosen} coupons take off the cart (a new Idempotency-Key per quote,
 * as loyalty asks); no quote while none is chosen or nothing in the cart is for sale.
 */
export function useCouponQuote(cart: Cart | undefined, chosen: number[]): CouponQuoteState {
  const api = useApiClient();
  const quote = useMutation({
    mutationFn: ({ lines, couponIds }: { lines: Cart; couponIds: number[] }) => api.request<CouponQuote>('/loyalty/coupons/quote',
      { method: 'POST', idempotencyKey: newIdempotencyKey(), body: quoteRequestOf(lines, couponIds) }),
  });
  const { mutate, reset } = quote;
  const quotable = cart !== undefined && chosen.length > 0 && cart.lines.some((l) => l.available);
  useEffect(() => {
    if (cart && quotable) mutate({ lines: cart, couponIds: chosen });
    else reset();
  }, [cart, chosen, quotable, mutate, reset]);
  // Until the quote of this very cart and choice is in, an older one says nothing about them.
  const current = quotable && quote.variables?.lines === cart && quote.variables.couponIds === chosen;
  return {
    data: current ? quote.data : undefined,
    error: current ? quote.error : null,
    isPending: quotable && (!current || quote.isPending),
    retry: () => { if (cart && quotable) mutate({ lines: cart, couponIds: chosen }); },
  };
}

/** What the quote says each applied coupon takes off, split over the lines it covers; and why each other one does not apply. */
function QuoteLines({ quote }: { quote: CouponQuote }) {
  const { t, known, lang } = useI18n();
  return (
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
  );
}

/**
 * The shopper's available coupons against this cart: ticking one adds it last (the order they
 * apply in at checkout), and loyalty's quote says what each takes off or why it does not apply.
 * The cart page owns the choice, as its checkout sends it.
 */
export function CouponsInCart({ chosen, onChange, quote, disabled }: {
  chosen: number[]; onChange(chosen: number[]): void; quote: CouponQuoteState; disabled: boolean;
}) {
  const { t } = useI18n();
  const api = useApiClient();
  const id = useId();
  const wallet = useQuery(queries.coupons(api, 'AVAILABLE'));
  if (!wallet.data || wallet.data.length === 0) return null;
  return (
    <section className="use-points" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('coupons.inCart')}</h2>
      <p className="muted">{t('coupons.atCheckout')} <Link to="/coupons">{t('coupons.wallet')}</Link></p>
      <div className="filters">
        {wallet.data.map((c) => (
          <label key={c.id} className={chosen.includes(c.id) ? 'chip chosen' : 'chip'}>
            <input type="checkbox" checked={chosen.includes(c.id)} disabled={disabled} onChange={() => onChange(toggled(chosen, c.id))} />
            {c.name}
          </label>
        ))}
      </div>
      {quote.isPending && <p className="muted" role="status">{t('coupons.quoting')}</p>}
      {quote.data && <QuoteLines quote={quote.data} />}
      {quote.error && <ErrorBox error={asApiError(quote.error)} retry={quote.retry} />}
    </section>
  );
}
