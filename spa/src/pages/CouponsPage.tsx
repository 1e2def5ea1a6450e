import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type Coupon, type CouponState, type CouponTemplate } from '../api';
import { ErrorBox, Loaded, SignedInPage } from '../components/Status';
import { scopeText, termsText, validityText } from '../coupons/couponText';
import { formatDate, useI18n } from '../i18n';
import { asApiError, keys, queries, useApiClient } from '../queries';

const STATES: CouponState[] = ['AVAILABLE', 'USED', 'EXPIRED'];

/** One template to claim from; a retried click reuses its key, so it claims one coupon. */
function Claimable({ template }: { template: CouponTemplate }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const claim = useMutation({
    mutationFn: () => api.request<Coupon>(`/loyalty/coupons/templates/${template.id}/claims`, { method: 'POST', idempotencyKey: key }),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      return Promise.all([
        client.invalidateQueries({ queryKey: keys.coupons }),
        client.invalidateQueries({ queryKey: keys.couponTemplates }),
      ]);
    },
  });
  return (
    <li className="coupon" data-template-id={template.id}>
      <strong className="coupon-value">{termsText(template, lang)}</strong>
      <div className="coupon-text">
        <strong>{template.name}</strong>
        <span>{scopeText(template, lang)}</span>
        <span className="muted">{validityText(template, lang)}</span>
        <span className="muted">
          {t('coupons.limit', { n: template.perShopperLimit })} · {t('coupons.left', { n: Math.max(0, template.totalLimit - template.issued) })}
        </span>
      </div>
      <button type="button" className="primary" disabled={claim.isPending} onClick={() => claim.mutate()}
        aria-label={`${t('coupons.claim')}: ${template.name}`}>
        {t('coupons.claim')}
      </button>
      {claim.isSuccess && <p className="ok" role="status">{t('coupons.claimed')}</p>}
      {claim.error && <ErrorBox error={asApiError(claim.error)} />}
    </li>
  );
}

function ClaimableList() {
  const { t } = useI18n();
  const api = useApiClient();
  const templates = useQuery(queries.couponTemplates(api));
  return (
    <Loaded query={templates}>
      {(list) => list.length === 0 ? <p className="notice">{t('coupons.noneClaimable')}</p> : (
        <ul className="coupons">{list.map((template) => <Claimable key={template.id} template={template} />)}</ul>
      )}
    </Loaded>
  );
}

/** One coupon of the wallet: its terms (in the reader's language while its template can be read), until when, and what used it. */
function WalletCoupon({ coupon, template }: { coupon: Coupon; template: CouponTemplate | undefined }) {
  const { t, lang } = useI18n();
  const notYet = new Date(coupon.validFrom).getTime() > Date.now();
  return (
    <li className={`coupon coupon-${coupon.state.toLowerCase()}`} data-coupon-id={coupon.id}>
      <strong className="coupon-value">{template ? termsText(template, lang) : coupon.summary}</strong>
      <div className="coupon-text">
        <strong>{coupon.name}</strong>
        {template && <span>{scopeText(template, lang)}</span>}
        <span className="muted">
          {notYet ? t('coupons.from', { date: formatDate(coupon.validFrom, lang) }) : t('coupons.until', { date: formatDate(coupon.expiresAt, lang) })}
        </span>
        <span className="muted">{coupon.stackable ? t('coupons.stacks') : t('coupons.alone')}</span>
        {coupon.source === 'ISSUED' && <span className="muted">{t('coupons.source.ISSUED')}</span>}
        {coupon.orderId != null && (
          <span>{t('coupons.usedFor')} <Link to={`/orders/${coupon.orderId}`}>{t('orders.order', { id: coupon.orderId })}</Link></span>
        )}
      </div>
      <span className="badge">{t(`coupons.state.${coupon.state as CouponState}`)}</span>
    </li>
  );
}

function Wallet() {
  const { t } = useI18n();
  const api = useApiClient();
  const [state, setState] = useState<CouponState>('AVAILABLE');
  const coupons = useQuery(queries.coupons(api, state));
  const templates = useQuery(queries.couponTemplates(api));
  return (
    <>
      <div className="filters" role="group" aria-label={t('coupons.wallet')}>
        {STATES.map((s) => (
          <button key={s} type="button" className={s === state ? 'chip chosen' : 'chip'} aria-pressed={s === state} onClick={() => setState(s)}>
            {t(`coupons.state.${s}`)}
          </button>
        ))}
      </div>
      <Loaded query={coupons}>
        {(list) => list.length === 0 ? <p className="notice">{t('coupons.walletEmpty')}</p> : (
          <ul className="coupons" data-testid="wallet">
            {list.map((c) => <WalletCoupon key={c.id} coupon={c} template={templates.data?.find((x) => x.id === c.templateId)} />)}
          </ul>
        )}
      </Loaded>
    </>
  );
}

export function CouponsPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t('coupons.title')} role="shopper">
      <h2>{t('coupons.claimable')}</h2>
      <ClaimableList />
      <h2>{t('coupons.wallet')}</h2>
      <Wallet />
    </SignedInPage>
  );
}
