import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, type EarningRule } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { formatMoney } from '../../money';
import { emptyRule, multiplierText, ruleDraftOf, ruleProblems, ruleRequestOf, type RuleDraft } from '../../points/earningRuleDraft';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import { CURRENCIES } from './productDraft';

type TextField = 'name' | 'returnWindowDays' | 'sku' | 'multiplier' | 'bonusPerUnit' | 'minimum' | 'activeFrom' | 'activeTo' | 'priority';
const LABELS: Record<TextField, MessageKey> = {
  name: 'console.template.name', returnWindowDays: 'console.rule.returnWindowDays', sku: 'console.skuCode',
  multiplier: 'console.rule.multiplier', bonusPerUnit: 'console.rule.bonusPerUnit', minimum: 'console.rule.minimum',
  activeFrom: 'console.template.validFrom', activeTo: 'console.template.validTo', priority: 'console.rule.priority',
};

/** Creates a rule, or (with {@code rule}) replaces every term of it. */
function RuleForm({ rule, done }: { rule?: EarningRule; done(): void }) {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? ruleDraftOf(rule) : emptyRule()));
  const [tried, setTried] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const save = useMutation({
    mutationFn: () => (rule
      ? api.request(`/loyalty/earning-rules/${rule.id}`, { method: 'PUT', body: ruleRequestOf(draft) })
      : api.request('/loyalty/earning-rules', { method: 'POST', idempotencyKey: key, body: ruleRequestOf(draft) })),
    onSuccess: async () => { await client.invalidateQueries({ queryKey: keys.earningRules }); done(); },
  });
  const wrong = ruleProblems(draft);
  const set = (change: Partial<RuleDraft>) => { setDraft({ ...draft, ...change }); save.reset(); };
  const submit = (event: FormEvent) => { event.preventDefault(); setTried(true); if (wrong.length === 0) save.mutate(); };
  const field = (name: TextField, extra: Record<string, string> = {}) => {
    const invalid = tried && wrong.includes(name);
    return (
      <label className={invalid ? 'field invalid' : 'field'}>
        <span>{t(LABELS[name])}</span>
        <input name={`rule-${name}`} value={draft[name]} aria-invalid={invalid} onChange={(e) => set({ [name]: e.target.value })} {...extra} />
      </label>
    );
  };
  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{rule ? t('console.rule.edit', { name: rule.name }) : t('console.rule.new')}</legend>
        {field('name')}
        <label className="field">
          <span>{t('console.rule.trigger')}</span>
          <select name="rule-trigger" value={draft.trigger} onChange={(e) => set({ trigger: e.target.value as RuleDraft['trigger'] })}>
            {(['PAID', 'COMPLETED', 'RETURN_WINDOW_CLOSED'] as const).map((x) => <option key={x} value={x}>{t(`rule.trigger.${x}`)}</option>)}
          </select>
        </label>
        {draft.trigger === 'RETURN_WINDOW_CLOSED' && field('returnWindowDays', { inputMode: 'numeric' })}
        <label className="field">
          <span>{t('console.template.scope')}</span>
          <select name="rule-scope" value={draft.scope} onChange={(e) => set({ scope: e.target.value as RuleDraft['scope'] })}>
            <option value="ALL">{t('console.template.scope.ALL')}</option>
            <option value="PRODUCT">{t('console.rule.oneSku')}</option>
          </select>
        </label>
        {draft.scope === 'PRODUCT' && field('sku')}
        {field('multiplier', { inputMode: 'decimal' })}
        {field('bonusPerUnit', { inputMode: 'numeric' })}
        {field('minimum', { inputMode: 'decimal' })}
        <label className="field">
          <span>{t('console.currency')}</span>
          <select name="rule-currency" value={draft.currency} onChange={(e) => set({ currency: e.target.value })}>
            {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
          </select>
        </label>
        {field('activeFrom', { type: 'datetime-local' })}
        {field('activeTo', { type: 'datetime-local' })}
        {field('priority', { inputMode: 'numeric' })}
        <label className="chip">
          <input type="checkbox" name="rule-stop" checked={draft.stop} onChange={(e) => set({ stop: e.target.checked })} />
          {t('console.rule.stop')}
        </label>
      </fieldset>
      {tried && wrong.length > 0 && <p className="error" role="alert">{t('console.invalid')}</p>}
      {save.error && <ErrorBox error={asApiError(save.error)} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>{t('common.save')}</button>
        {rule && <button type="button" onClick={done}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}

/** What a rule does, in one line: its rate or bonus, when it grants, what it covers, from which order size and when. */
function RuleTerms({ rule }: { rule: EarningRule }) {
  const { t, lang } = useI18n();
  const parts = [
    rule.multiplierBasisPoints != null ? t('rule.multiplier', { x: multiplierText(rule.multiplierBasisPoints) }) : null,
    rule.bonusPerUnit != null ? t('rule.bonus', { points: rule.bonusPerUnit }) : null,
    rule.trigger === 'RETURN_WINDOW_CLOSED' ? t('rule.afterDays', { days: rule.returnWindowDays ?? 0 }) : t(`rule.trigger.${rule.trigger}`),
    rule.scope === 'PRODUCT' ? rule.sku : t('console.template.scope.ALL'),
    rule.minimumOrder ? t('rule.minimum', { amount: formatMoney(rule.minimumOrder, lang) }) : null,
    rule.activeFrom ? t('rule.from', { at: formatTime(rule.activeFrom, lang) }) : null,
    rule.activeTo ? t('rule.until', { at: formatTime(rule.activeTo, lang) }) : null,
    rule.stop ? t('console.rule.stop') : null,
  ];
  return <>{parts.filter(Boolean).join(' · ')}</>;
}

/** The mall's earning rules (admins): highest priority first; created, revised and deleted without a deploy. */
export function ConsoleEarningRules() {
  const { t } = useI18n();
  const auth = useAuth();
  const api = useApiClient();
  const client = useQueryClient();
  const admin = auth.roles.includes('admin');
  const rules = useQuery({ ...queries.earningRules(api), enabled: admin });
  const [editing, setEditing] = useState<number | null>(null);
  const [formKey, setFormKey] = useState(0);
  const remove = useMutation({
    mutationFn: (id: number) => api.request(`/loyalty/earning-rules/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.earningRules }),
  });
  if (!admin) return <p className="notice">{t('console.rule.adminsOnly')}</p>;
  return (
    <>
      <RuleForm key={formKey} done={() => setFormKey(formKey + 1)} />
      {remove.error && <ErrorBox error={asApiError(remove.error)} />}
      <Loaded query={rules}>
        {(list) => list.length === 0 ? <p className="notice">{t('console.rule.none')}</p> : (
          <table className="table">
            <thead><tr><th>{t('console.template.name')}</th><th>{t('console.rule.priority')}</th><th /></tr></thead>
            <tbody>
              {list.map((rule) => editing === rule.id ? (
                <tr key={rule.id}><td colSpan={3}><RuleForm rule={rule} done={() => setEditing(null)} /></td></tr>
              ) : (
                <tr key={rule.id} data-rule-id={rule.id}>
                  <td><strong>{rule.name}</strong><div className="muted"><RuleTerms rule={rule} /></div></td>
                  <td data-label={t('console.rule.priority')}>{rule.priority}</td>
                  <td>
                    <div className="inline">
                      <button type="button" onClick={() => setEditing(rule.id)}>{t('console.edit')}</button>
                      <button type="button" disabled={remove.isPending}
                        onClick={() => window.confirm(t('console.rule.deleteConfirm', { name: rule.name })) && remove.mutate(rule.id)}>
                        {t('console.rule.delete')}
                      </button>
                    </div>
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
