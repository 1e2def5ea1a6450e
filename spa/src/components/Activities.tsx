import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, type CheckIn } from '../api';
import { formatDate, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { percentText } from '../coupons/couponText';
import { asApiError, keys, queries, useApiClient } from '../queries';
import { ErrorBox } from './Status';

/** Today's check-in: the button while it is not done, the streak, and what the next check-in earns. */
export function CheckInCard() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const status = useQuery(queries.checkIn(api));
  const [key] = useState(newIdempotencyKey);
  const checkIn = useMutation({
    mutationFn: () => api.request<CheckIn>('/loyalty/check-ins', { method: 'POST', idempotencyKey: key }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keys.checkIn }), client.invalidateQueries({ queryKey: keys.points })]),
  });
  const s = status.data;
  if (!s) return status.error ? <ErrorBox error={asApiError(status.error)} retry={() => void status.refetch()} /> : null;
  return (
    <div className="activity" data-testid="check-in">
      <h2>{t('checkIn.title')}</h2>
      <p>{s.streak > 0 ? t('checkIn.streak', { n: s.streak }) : t('checkIn.noStreak')}</p>
      {s.checkedInToday ? (
        <p className="ok" role="status">{checkIn.data ? t('checkIn.done', { points: checkIn.data.points }) : t('checkIn.doneToday')}</p>
      ) : (
        <button type="button" className="primary" disabled={checkIn.isPending} onClick={() => checkIn.mutate()}>
          {t('checkIn.button', { points: s.next.points })}
        </button>
      )}
      <p className="muted">{t('checkIn.next', { date: formatDate(`${s.next.day}T12:00:00`, lang), points: s.next.points, n: s.next.streak })}</p>
      {checkIn.error && <ErrorBox error={asApiError(checkIn.error)} />}
    </div>
  );
}

/** The shopper's membership tier, the spend behind it, and what reaches the next one. */
export function TierCard() {
  const { t, known, lang } = useI18n();
  const api = useApiClient();
  const tier = useQuery(queries.tier(api));
  const v = tier.data;
  if (!v) return null;
  return (
    <div className="activity" data-testid="tier">
      <h2>{t('tier.title')}</h2>
      <p><strong className="tier-name">{known(`tier.${v.tier}`, v.tier)}</strong> · {t('tier.multiplier', { percent: percentText(v.multiplierBasisPoints, lang) })}</p>
      <p className="muted">{t('tier.spend', { spend: formatMoney(v.spend, lang), since: formatDate(v.spendSince, lang) })}</p>
      {v.next ? (
        <p>{t('tier.next', { remaining: formatMoney(v.next.remaining, lang), tier: known(`tier.${v.next.tier}`, v.next.tier),
          percent: percentText(v.next.multiplierBasisPoints, lang) })}</p>
      ) : <p>{t('tier.top')}</p>}
    </div>
  );
}

/** The shopper's referral code to share, and the code of whoever brought them (registered once, before a first paid order). */
export function ReferralCard() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const referrals = useQuery(queries.referrals(api));
  const [code, setCode] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const register = useMutation({
    mutationFn: () => api.request('/loyalty/referrals', { method: 'POST', idempotencyKey: key, body: { code: code.trim() } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.referrals }),
  });
  const v = referrals.data;
  if (!v) return null;
  const submit = (event: FormEvent) => { event.preventDefault(); if (code.trim()) register.mutate(); };
  return (
    <div className="activity" data-testid="referrals">
      <h2>{t('referral.title')}</h2>
      <p>{t('referral.mine')} <code className="referral-code" data-testid="referral-code">{v.code}</code></p>
      <p className="muted">{t('referral.counts', { referred: v.referred.toLocaleString(lang), rewarded: v.rewarded.toLocaleString(lang) })}</p>
      {v.referredBy ? (
        <p data-testid="referred-by">{t('referral.cameOn', { code: v.referredBy.code })}{v.referredBy.rewarded ? ` ${t('referral.rewarded')}` : ''}</p>
      ) : (
        <form className="inline" onSubmit={submit}>
          <label className="inline">
            <span>{t('referral.enter')}</span>
            <input name="referral-code" value={code} maxLength={32} autoComplete="off"
              onChange={(e) => { setCode(e.target.value); setKey(newIdempotencyKey()); register.reset(); }} />
          </label>
          <button type="submit" disabled={register.isPending}>{t('referral.register')}</button>
        </form>
      )}
      {register.error && <ErrorBox error={asApiError(register.error)} />}
    </div>
  );
}
