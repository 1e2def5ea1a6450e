import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../api';
import { ErrorBox } from '../../components/Status';
import { emptyTemplate, problemsOf, requestOf, type TemplateDraft } from '../../coupons/templateDraft';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { asApiError, keys, useApiClient } from '../../queries';
import { CURRENCIES } from './productDraft';

const KINDS = ['FIXED', 'PERCENT', 'THRESHOLD'] as const;
const SCOPES = ['ALL', 'PRODUCT', 'CATEGORY'] as const;
type Field = Exclude<keyof TemplateDraft, 'stackable'>;
const LABELS: Record<Field, MessageKey> = {
  name: 'console.template.name', kind: 'console.template.kind', currency: 'console.currency',
  amountOff: 'console.template.amountOff', percentOff: 'console.template.percentOff', cap: 'console.template.cap',
  minSubtotal: 'console.template.minSubtotal', scope: 'console.template.scope', targets: 'console.template.targets',
  validity: 'console.template.validity', validFrom: 'console.template.validFrom', validTo: 'console.template.validTo',
  days: 'console.template.days', perShopperLimit: 'console.template.perShopperLimit',
  totalLimit: 'console.template.totalLimit', exclusiveGroup: 'console.template.exclusiveGroup',
};

/** A new coupon template: its terms, what it covers, when it is valid, how many, and whether it stacks. */
export function CouponTemplateForm() {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TemplateDraft>(emptyTemplate);
  const [tried, setTried] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const save = useMutation({
    mutationFn: () => api.request('/loyalty/operator/coupon-templates', { method: 'POST', idempotencyKey: key, body: requestOf(draft) }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.operatorCouponTemplates }),
        client.invalidateQueries({ queryKey: keys.couponTemplates }),
      ]);
      navigate('/console/coupons');
    },
  });
  const problems = problemsOf(draft);
  const set = (change: Partial<TemplateDraft>) => setDraft({ ...draft, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) save.mutate();
  };
  const label = (name: Field) => t(LABELS[name]);
  const field = (name: Field, extra: Record<string, string> = {}) => {
    const invalid = tried && name in problems;
    return (
      <label className={invalid ? 'field invalid' : 'field'}>
        <span>{label(name)}</span>
        <input name={name} value={draft[name]} aria-invalid={invalid} onChange={(e) => set({ [name]: e.target.value })} {...extra} />
      </label>
    );
  };
  const choice = (name: 'kind' | 'scope' | 'validity' | 'currency', options: readonly string[], text: (o: string) => string): ReactNode => (
    <label className="field">
      <span>{label(name)}</span>
      <select name={name} value={draft[name]} onChange={(e) => set({ [name]: e.target.value } as Partial<TemplateDraft>)}>
        {options.map((o) => <option key={o} value={o}>{text(o)}</option>)}
      </select>
    </label>
  );

  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <h2>{t('console.newTemplate')}</h2>
      <fieldset>
        <legend>{t('console.template.terms')}</legend>
        {field('name')}
        {choice('kind', KINDS, (k) => t(`console.template.kind.${k}` as MessageKey))}
        {choice('currency', CURRENCIES, (c) => c)}
        {draft.kind !== 'PERCENT' && field('amountOff', { inputMode: 'decimal' })}
        {draft.kind === 'PERCENT' && field('percentOff', { inputMode: 'decimal' })}
        {draft.kind === 'PERCENT' && field('cap', { inputMode: 'decimal' })}
        {draft.kind === 'THRESHOLD' && field('minSubtotal', { inputMode: 'decimal' })}
      </fieldset>
      <fieldset>
        <legend>{t('console.template.scope')}</legend>
        {choice('scope', SCOPES, (s) => t(`console.template.scope.${s}` as MessageKey))}
        {draft.scope !== 'ALL' && field('targets')}
      </fieldset>
      <fieldset>
        <legend>{t('console.template.validity')}</legend>
        {choice('validity', ['days', 'window'], (v) => t(`console.template.validity.${v}` as MessageKey))}
        {draft.validity === 'days' && field('days', { inputMode: 'numeric' })}
        {draft.validity === 'window' && field('validFrom', { type: 'datetime-local' })}
        {draft.validity === 'window' && field('validTo', { type: 'datetime-local' })}
      </fieldset>
      <fieldset>
        <legend>{t('console.template.limits')}</legend>
        {field('perShopperLimit', { inputMode: 'numeric' })}
        {field('totalLimit', { inputMode: 'numeric' })}
        <label className="chip">
          <input type="checkbox" name="stackable" checked={draft.stackable} onChange={(e) => set({ stackable: e.target.checked })} />
          {t('console.template.stackable')}
        </label>
        {field('exclusiveGroup')}
      </fieldset>
      {tried && Object.keys(problems).length > 0 && <p className="error" role="alert">{t('console.invalid')}</p>}
      {save.error && <ErrorBox error={asApiError(save.error)} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending || save.isSuccess}>{t('common.save')}</button>
        <button type="button" onClick={() => navigate('/console/coupons')}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
