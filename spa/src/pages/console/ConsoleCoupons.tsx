import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type Coupon, type CouponTemplate } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { scopeText, termsText, validityText } from '../../coupons/couponText';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { asApiError, keys, queries, useApiClient } from '../../queries';

const STATUSES = ['ACTIVE', 'PAUSED', 'ENDED'];
type Transition = 'pause' | 'resume' | 'end';

/** What each status allows: pause an active template, resume a paused one, end either. */
const TRANSITIONS: Record<string, Transition[]> = { ACTIVE: ['pause', 'end'], PAUSED: ['resume', 'end'], ENDED: [] };

function useTemplateChange() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ template, to }: { template: CouponTemplate; to: Transition }) =>
      api.request<CouponTemplate>(`/loyalty/operator/coupon-templates/${template.id}/${to}`, { method: 'POST', idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: keys.operatorCouponTemplates }),
      client.invalidateQueries({ queryKey: keys.couponTemplates }),
    ]),
  });
}

/** Issues one coupon of the template to a shopper by account id (the subject the console's orders show). */
function IssueForm({ template }: { template: CouponTemplate }) {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const [shopperId, setShopperId] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const issue = useMutation({
    mutationFn: () => api.request<Coupon>(`/loyalty/operator/coupon-templates/${template.id}/issues`,
      { method: 'POST', idempotencyKey: key, body: { shopperId: shopperId.trim() } }),
    onSuccess: () => { setKey(newIdempotencyKey()); return client.invalidateQueries({ queryKey: keys.operatorCouponTemplates }); },
  });
  const submit = (event: FormEvent) => { event.preventDefault(); if (shopperId.trim()) issue.mutate(); };
  return (
    <form className="inline" onSubmit={submit}>
      <label className="inline">
        <span className="visually-hidden">{t('console.issueTo')}</span>
        <input name="shopperId" placeholder={t('console.issueTo')} value={shopperId}
          onChange={(e) => { setShopperId(e.target.value); setKey(newIdempotencyKey()); issue.reset(); }} />
      </label>
      <button type="submit" disabled={issue.isPending}>{t('console.issue')}</button>
      {issue.isSuccess && <span className="ok" role="status">{t('console.issuedOne')}</span>}
      {issue.error && <ErrorBox error={asApiError(issue.error)} />}
    </form>
  );
}

function TemplateRow({ template, change }: { template: CouponTemplate; change: ReturnType<typeof useTemplateChange> }) {
  const { t, lang } = useI18n();
  const act = (to: Transition) => {
    if (to === 'end' && !window.confirm(t('console.endConfirm', { name: template.name }))) return;
    change.mutate({ template, to });
  };
  return (
    <tr data-template-id={template.id}>
      <td>
        <strong>{template.name}</strong>{' '}
        <span className={`badge template-${template.status.toLowerCase()}`}>{t(`console.templateStatus.${template.status}` as MessageKey)}</span>
        <div>{termsText(template, lang)}</div>
        <div className="muted">{scopeText(template, lang)} · {validityText(template, lang)}</div>
      </td>
      <td data-label={t('console.template.totalLimit')}>
        {t('console.handedOut', { issued: template.issued, total: template.totalLimit })}
        <div className="muted">{t('coupons.limit', { n: template.perShopperLimit })}</div>
      </td>
      <td>
        <div className="inline">
          {TRANSITIONS[template.status]?.map((to) => (
            <button key={to} type="button" disabled={change.isPending} onClick={() => act(to)}>{t(`console.${to}`)}</button>
          ))}
        </div>
        {template.status !== 'ENDED' && <IssueForm template={template} />}
      </td>
    </tr>
  );
}

/** The coupon templates the operator manages (every template for an admin): status, terms, how many are out. */
export function ConsoleCoupons() {
  const { t } = useI18n();
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const templates = useQuery({ ...queries.operatorCouponTemplates(api, status), placeholderData: keepPreviousData });
  const change = useTemplateChange();
  return (
    <>
      <div className="inline">
        <Link to="/console/coupons/new" className="button primary">{t('console.newTemplate')}</Link>
        <label className="field inline-field">
          <span>{t('console.coupons')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('console.allStatuses')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`console.templateStatus.${s}` as MessageKey)}</option>)}
          </select>
        </label>
      </div>
      {change.error && <ErrorBox error={asApiError(change.error)} />}
      <Loaded query={templates}>
        {(list) => list.length === 0 ? <p className="notice">{t('console.noTemplates')}</p> : (
          <table className="table">
            <thead><tr><th>{t('console.template.name')}</th><th>{t('console.template.totalLimit')}</th><th /></tr></thead>
            <tbody>{list.map((template) => <TemplateRow key={template.id} template={template} change={change} />)}</tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
