import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { newIdempotencyKey, type AfterSalesDraft, type AfterSalesRequest, type OrderView } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import {
  AFTER_SALES_KINDS, NOTE_MAX, REFUND_REASONS, choiceLabel, claimableLines, hasProblems, refundDraft, refundFormOf, refundProblems,
  refundServerProblems, type RefundForm as Form,
} from '../orders/afterSales';
import { asApiError, keys, queries, useApiClient } from '../queries';
import { AfterSalesRefusal } from './AfterSalesRefusal';

/**
 * An after-sales request on {@code order}: refund only, return and refund, or exchange (with, for each line, the same item
 * or another size or colour of it at its price, as cart-order offers), why, how many units of each line not claimed yet (all of
 * them at first), and a note. Checked here first (each problem at its field once the shopper tried
 * to send), then cart-order's violations at the fields they name and its other refusals above the
 * buttons. One Idempotency-Key per draft: a retry of the same draft makes one request.
 */
export function RefundForm({ order, requests, onSent, onCancel }: {
  order: OrderView; requests: AfterSalesRequest[]; onSent(request: AfterSalesRequest): void; onCancel(): void;
}) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const id = useId();
  const lines = useMemo(() => claimableLines(order, requests).filter((l) => l.claimable > 0), [order, requests]);
  const [form, setForm] = useState<Form>(() => refundFormOf(lines));
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const options = useQuery({ ...queries.exchangeOptions(api, order.id), enabled: form.kind === 'EXCHANGE' });
  const insteadOf = (sku: string) => (form.kind === 'EXCHANGE' ? options.data?.find((o) => o.sku === sku)?.instead ?? [] : []);
  const send = useMutation({
    mutationFn: (draft: AfterSalesDraft) => api.request<AfterSalesRequest>(`/cart-order/orders/${order.id}/after-sales`,
      { method: 'POST', idempotencyKey: key, body: draft }),
    onSuccess: async (created) => {
      // The order no longer offers a request while this one is open; its timeline has a step more.
      await Promise.all([client.invalidateQueries({ queryKey: keys.orders }), client.invalidateQueries({ queryKey: keys.afterSales })]);
      onSent(created);
    },
    onError: (error) => {
      if (asApiError(error).status === 409) void client.invalidateQueries({ queryKey: keys.afterSales });
    },
  });
  const problems = refundProblems(form, lines);
  const server = send.error && send.variables
    ? refundServerProblems(asApiError(send.error), send.variables) : { units: {} as Record<string, string>, general: false };
  const set = (change: Partial<Form>) => {
    setForm({ ...form, ...change });
    setKey(newIdempotencyKey());
    send.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!hasProblems(problems)) send.mutate(refundDraft(form, lines));
  };
  const reasonProblem = (tried && problems.reason ? t('afterSales.problem.reason') : undefined) ?? server.reason;
  const noteProblem = (tried && problems.note ? t('afterSales.problem.note', { max: NOTE_MAX }) : undefined) ?? server.note;
  const invalid = (tried && hasProblems(problems)) || (send.error !== null && !server.general);
  const described = (problem: string | undefined, name: string) => (problem ? `${id}-${name}-problem` : undefined);

  return (
    <form className="refund-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="refund-form">
      <h3 id={`${id}-title`}>{t('afterSales.formTitle')}</h3>
      <fieldset className="after-sales-kind">
        <legend>{t('afterSales.kind')}</legend>
        {AFTER_SALES_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => set({ kind: k })} />
            <span>{t(`afterSales.kind.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className={reasonProblem ? 'field invalid' : 'field'}>
        <span>{t('afterSales.reason')}</span>
        <select name="reason" value={form.reason} aria-invalid={!!reasonProblem} aria-describedby={described(reasonProblem, 'reason')}
          onChange={(e) => set({ reason: e.target.value as Form['reason'] })}>
          <option value="">{t('afterSales.chooseReason')}</option>
          {REFUND_REASONS.map((r) => <option key={r} value={r}>{t(`afterSales.reason.${r}` as MessageKey)}</option>)}
        </select>
        {reasonProblem && <p className="hint" id={`${id}-reason-problem`}>{reasonProblem}</p>}
      </label>
      <fieldset className="refund-units">
        <legend>{t('afterSales.units')}</legend>
        {lines.map((line) => {
          const problem = (tried && problems.units[line.sku] ? t('afterSales.problem.quantity', { max: line.claimable }) : undefined)
            ?? server.units[line.sku];
          return (
            <label key={line.sku} className={problem ? 'field invalid' : 'field'} data-sku={line.sku}>
              <span>{t('afterSales.quantityOf', { name: line.productName })} ({t('afterSales.atMost', { max: line.claimable.toLocaleString(lang) })})</span>
              <input name={`units-${line.sku}`} type="number" inputMode="numeric" min={0} max={line.claimable} step={1}
                value={form.units[line.sku] ?? ''} aria-invalid={!!problem} aria-describedby={described(problem, line.sku)}
                onChange={(e) => set({ units: { ...form.units, [line.sku]: e.target.value } })} />
              {problem && <p className="hint" id={`${id}-${line.sku}-problem`}>{problem}</p>}
              {insteadOf(line.sku).length > 0 && (
                <span className="exchange-for">
                  <span>{t('afterSales.sendInstead')}</span>
                  <select name={`replacement-${line.sku}`} value={form.replacements[line.sku] ?? ''}
                    onChange={(e) => set({ replacements: { ...form.replacements, [line.sku]: e.target.value } })}>
                    <option value="">{t('afterSales.sameItem')}</option>
                    {insteadOf(line.sku).map((c) => <option key={c.sku} value={c.sku}>{choiceLabel(c)}</option>)}
                  </select>
                </span>
              )}
            </label>
          );
        })}
        {tried && problems.nothing && <p className="hint" role="alert">{t('afterSales.problem.nothing')}</p>}
      </fieldset>
      <label className={noteProblem ? 'field invalid' : 'field'}>
        <span>{t('afterSales.note')}</span>
        <textarea name="note" rows={3} maxLength={NOTE_MAX} value={form.note} aria-invalid={!!noteProblem}
          aria-describedby={described(noteProblem, 'note')} onChange={(e) => set({ note: e.target.value })} />
        {noteProblem && <p className="hint" id={`${id}-note-problem`}>{noteProblem}</p>}
      </label>
      {send.error && server.general && (
        <AfterSalesRefusal error={asApiError(send.error)} retry={() => send.variables && send.mutate(send.variables)} />
      )}
      {invalid && <p className="error" role="alert">{t('afterSales.invalid')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? t('afterSales.sending') : t('afterSales.send')}
        </button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
