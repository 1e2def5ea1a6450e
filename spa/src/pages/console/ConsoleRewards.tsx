import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, type OperatorReward } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { EMPTY_OFFER, offerOf, offerProblems, type OfferDraft } from '../../points/rewardOffer';
import { asApiError, keys, queries, useApiClient } from '../../queries';

/** A new reward: a coupon of one of the operator's templates, or a voucher code, for points. */
function OfferForm() {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const templates = useQuery(queries.operatorCouponTemplates(api, 'ACTIVE'));
  const [draft, setDraft] = useState(EMPTY_OFFER);
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const offer = useMutation({
    mutationFn: () => api.request<OperatorReward>('/loyalty/operator/rewards', { method: 'POST', idempotencyKey: key, body: offerOf(draft) }),
    onSuccess: () => {
      setDraft(EMPTY_OFFER); setTried(false); setKey(newIdempotencyKey());
      return Promise.all([client.invalidateQueries({ queryKey: keys.operatorRewards }), client.invalidateQueries({ queryKey: keys.rewards })]);
    },
  });
  const wrong = offerProblems(draft);
  const set = (change: Partial<OfferDraft>) => { setDraft({ ...draft, ...change }); setKey(newIdempotencyKey()); offer.reset(); };
  const submit = (event: FormEvent) => { event.preventDefault(); setTried(true); if (wrong.length === 0) offer.mutate(); };
  const field = (name: 'name' | 'description' | 'pointsCost' | 'stock' | 'perShopperLimit', label: MessageKey, numeric = false) => {
    const invalid = tried && wrong.includes(name);
    return (
      <label className={invalid ? 'field invalid' : 'field'}>
        <span>{t(label)}</span>
        <input name={`reward-${name}`} value={draft[name]} aria-invalid={invalid} inputMode={numeric ? 'numeric' : undefined}
          onChange={(e) => set({ [name]: e.target.value })} />
      </label>
    );
  };
  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('console.newReward')}</legend>
        {field('name', 'console.template.name')}
        {field('description', 'console.reward.description')}
        <label className="field">
          <span>{t('console.template.kind')}</span>
          <select name="reward-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as OfferDraft['kind'] })}>
            <option value="VOUCHER">{t('mall.kind.VOUCHER')}</option>
            <option value="COUPON">{t('mall.kind.COUPON')}</option>
          </select>
        </label>
        {draft.kind === 'COUPON' && (
          <label className={tried && wrong.includes('couponTemplateId') ? 'field invalid' : 'field'}>
            <span>{t('console.reward.template')}</span>
            <select name="reward-template" value={draft.couponTemplateId} onChange={(e) => set({ couponTemplateId: e.target.value })}>
              <option value="">–</option>
              {templates.data?.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
            </select>
          </label>
        )}
        {field('pointsCost', 'console.reward.pointsCost', true)}
        {field('stock', 'console.reward.stock', true)}
        {field('perShopperLimit', 'console.template.perShopperLimit', true)}
      </fieldset>
      {tried && wrong.length > 0 && <p className="error" role="alert">{t('console.invalid')}</p>}
      {offer.error && <ErrorBox error={asApiError(offer.error)} />}
      {offer.isSuccess && <p className="ok" role="status">{t('console.saved')}</p>}
      <div className="actions"><button type="submit" className="primary" disabled={offer.isPending}>{t('console.offer')}</button></div>
    </form>
  );
}

/** The rewards the operator offers in the points mall (every one for an admin): cost, stock, what is left; ended here. */
export function ConsoleRewards() {
  const { t, known, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const rewards = useQuery(queries.operatorRewards(api));
  const end = useMutation({
    mutationFn: (id: number) => api.request(`/loyalty/operator/rewards/${id}/end`, { method: 'POST', idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: keys.operatorRewards }), client.invalidateQueries({ queryKey: keys.rewards })]),
  });
  return (
    <>
      <OfferForm />
      {end.error && <ErrorBox error={asApiError(end.error)} />}
      <Loaded query={rewards}>
        {(list) => list.length === 0 ? <p className="notice">{t('mall.empty')}</p> : (
          <table className="table">
            <thead><tr><th>{t('console.template.name')}</th><th>{t('console.reward.pointsCost')}</th><th>{t('console.reward.stock')}</th><th /></tr></thead>
            <tbody>
              {list.map(({ reward, stock, status }) => (
                <tr key={reward.id} data-reward-id={reward.id}>
                  <td>
                    <strong>{reward.name}</strong>{' '}
                    <span className="badge">{known(`console.templateStatus.${status}`, status)}</span>
                    <div className="muted">{known(`mall.kind.${reward.kind}`, reward.kind)}{reward.description && ` · ${reward.description}`}</div>
                  </td>
                  <td data-label={t('console.reward.pointsCost')}>{reward.pointsCost.toLocaleString(lang)}</td>
                  <td data-label={t('console.reward.stock')}>{t('coupons.left', { n: reward.left })} / {stock}</td>
                  <td>
                    {status === 'ACTIVE' && (
                      <button type="button" disabled={end.isPending}
                        onClick={() => window.confirm(t('console.endConfirm', { name: reward.name })) && end.mutate(reward.id)}>{t('console.end')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
