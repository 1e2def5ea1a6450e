import type { ApiError, Coupon } from '../api';
import { isAddressNotYours } from '../addresses/addressDraft';
import { couponProblemOf, couponRefusalsOf } from '../coupons/checkout';
import { useI18n } from '../i18n';
import { ErrorBox } from './Status';

/**
 * Why cart-order refused a checkout. Its coupon problems are told in the reader's language: each
 * coupon that does not apply by its name and loyalty's reason, one no longer in the wallet, and
 * loyalty not answering (the same checkout may be sent again: {@code retry}). Anything else as the
 * service said it; an address no longer in the book asks for another.
 */
export function CheckoutProblem({ error, wallet, retry }: { error: ApiError; wallet: Coupon[] | undefined; retry(): void }) {
  const { t, known } = useI18n();
  if (isAddressNotYours(error)) {
    return <div className="error" role="alert" data-problem="address-not-yours"><strong>{error.title}</strong><p>{t('address.notYours')}</p></div>;
  }
  const problem = couponProblemOf(error);
  if (problem === null) return <ErrorBox error={error} />;
  const nameOf = (id: number) => wallet?.find((c) => c.id === id)?.name ?? t('cart.couponNumbered', { id });
  const refusals = problem === 'coupon-not-applicable' ? couponRefusalsOf(error) : [];
  return (
    <div className="error" role="alert" data-problem={problem}>
      <strong>{error.title}</strong>
      {problem === 'coupon-not-applicable' && (
        <>
          <p>{t('cart.couponsNotApplicable')}</p>
          <ul>
            {refusals.map((r) => (
              <li key={r.couponId} data-coupon-id={r.couponId}>
                <strong>{nameOf(r.couponId)}</strong>: {r.reason ? known(`coupon.reason.${r.reason}`, r.why) : r.why}
              </li>
            ))}
          </ul>
          {refusals.length === 0 && <p>{error.detail}</p>}
        </>
      )}
      {problem === 'coupon-not-yours' && <><p>{t('cart.couponNotYours')}</p><p>{error.detail}</p></>}
      {problem === 'coupons-unavailable' && (
        <>
          <p>{error.retryAfterSeconds ? t('cart.couponsUnavailable', { seconds: error.retryAfterSeconds }) : error.detail}</p>
          <button type="button" onClick={retry}>{t('common.retry')}</button>
        </>
      )}
    </div>
  );
}
