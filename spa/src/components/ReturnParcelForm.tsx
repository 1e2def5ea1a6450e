import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { newIdempotencyKey, type AfterSalesRequest, type ReturnParcelDraft } from '../api';
import { useI18n } from '../i18n';
import { CARRIER_MAX, returnParcelDraft, returnParcelProblems, type ReturnParcelForm as Form } from '../orders/afterSales';
import { asApiError, keys, useApiClient } from '../queries';
import { AfterSalesRefusal } from './AfterSalesRefusal';

/**
 * The return parcel of an approved return: its carrier and tracking number, checked here first,
 * then sent once per draft (one Idempotency-Key). The merchant's deadline to receive it starts then.
 */
export function ReturnParcelForm({ request }: { request: AfterSalesRequest }) {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const id = useId();
  const [form, setForm] = useState<Form>({ carrier: '', trackingNumber: '' });
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const send = useMutation({
    mutationFn: (draft: ReturnParcelDraft) => api.request<AfterSalesRequest>(
      `/cart-order/orders/${request.orderId}/after-sales/${request.id}/return-parcel`, { method: 'POST', idempotencyKey: key, body: draft }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keys.orders }), client.invalidateQueries({ queryKey: keys.afterSales })]),
  });
  const problems = returnParcelProblems(form);
  const set = (change: Partial<Form>) => {
    setForm({ ...form, ...change });
    setKey(newIdempotencyKey());
    send.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!problems.carrier && !problems.trackingNumber) send.mutate(returnParcelDraft(form));
  };
  const carrierProblem = tried && problems.carrier ? t('afterSales.parcel.problem.carrier', { max: CARRIER_MAX }) : undefined;
  const trackingProblem = tried && problems.trackingNumber ? t('afterSales.parcel.problem.trackingNumber') : undefined;
  return (
    <form className="return-parcel-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="return-parcel-form">
      <h4 id={`${id}-title`}>{t('afterSales.parcel.title')}</h4>
      <label className={carrierProblem ? 'field invalid' : 'field'}>
        <span>{t('afterSales.parcel.carrier')}</span>
        <input name="carrier" autoComplete="off" maxLength={CARRIER_MAX + 10} value={form.carrier} aria-invalid={!!carrierProblem}
          aria-describedby={carrierProblem ? `${id}-carrier-problem` : undefined} onChange={(e) => set({ carrier: e.target.value })} />
        {carrierProblem && <p className="hint" id={`${id}-carrier-problem`}>{carrierProblem}</p>}
      </label>
      <label className={trackingProblem ? 'field invalid' : 'field'}>
        <span>{t('afterSales.parcel.trackingNumber')}</span>
        <input name="trackingNumber" autoComplete="off" inputMode="text" value={form.trackingNumber} aria-invalid={!!trackingProblem}
          aria-describedby={trackingProblem ? `${id}-tracking-problem` : undefined} onChange={(e) => set({ trackingNumber: e.target.value })} />
        {trackingProblem && <p className="hint" id={`${id}-tracking-problem`}>{trackingProblem}</p>}
      </label>
      {send.error && <AfterSalesRefusal error={asApiError(send.error)} retry={() => send.variables && send.mutate(send.variables)} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? t('afterSales.sending') : t('afterSales.parcel.send')}
        </button>
      </div>
    </form>
  );
}
