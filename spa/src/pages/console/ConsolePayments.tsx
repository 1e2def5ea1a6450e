import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState, type FormEvent } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { newIdempotencyKey, type AdminPayment, type PaymentRefund } from '../../api';
import { ErrorBox, Loaded, Loading, RequireSignIn } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import { formatMoney } from '../../money';
import { allOf, refundable, refundDraft } from '../../pay/refundDraft';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import { usePayText, usePayWord as useWord } from './payMessages';

const PAYMENT_STATUSES = ['PENDING', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DECLINED', 'VOIDED', 'TIMED_OUT'];
const REFUND_STATUSES = ['PENDING', 'PROCESSING', 'DONE', 'REFUSED'];

/** The console's payment area (admins): payments, refunds, the risk review queue and reconciliation, a tab each. */
export function PaymentsLayout() {
  const p = usePayText();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');
  return (
    <RequireSignIn role="admin">
      <nav className="tabs subtabs" aria-label={p('nav')}>
        <NavLink to="/console/payments" end className={tab}>{p('tab.payments')}</NavLink>
        <NavLink to="/console/payments/refunds" className={tab}>{p('tab.refunds')}</NavLink>
        <NavLink to="/console/payments/reviews" className={tab}>{p('tab.reviews')}</NavLink>
        <NavLink to="/console/payments/reconciliation" className={tab}>{p('tab.reconciliation')}</NavLink>
      </nav>
      <Suspense fallback={<Loading />}><Outlet /></Suspense>
    </RequireSignIn>
  );
}

function StatusFilter({ value, onChange, statuses, prefix }: { value: string; onChange: (s: string) => void; statuses: string[]; prefix: string }) {
  const p = usePayText();
  const word = useWord();
  return (
    <label className="field inline-field">
      <span>{p('filter')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{p('all')}</option>
        {statuses.map((s) => <option key={s} value={s}>{word(prefix, s)}</option>)}
      </select>
    </label>
  );
}

/** Every payment attempt, newest first, by status; each links to its page with its refunds. */
export function ConsolePayments() {
  const p = usePayText();
  const word = useWord();
  const { lang } = useI18n();
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const payments = useQuery({ ...queries.adminPayments(api, status), refetchInterval: 5000, placeholderData: keepPreviousData });
  return (
    <>
      <StatusFilter value={status} onChange={setStatus} statuses={PAYMENT_STATUSES} prefix="status." />
      <Loaded query={payments}>
        {(list) => list.length === 0 ? <p className="notice">{p('none')}</p> : (
          <table className="table" data-testid="payments">
            <thead><tr><th>#</th><th>{p('channel')}</th><th>{p('amount')}</th><th>{p('refunded')}</th><th>{p('filter')}</th></tr></thead>
            <tbody>
              {list.map(({ payment }) => (
                <tr key={payment.id} data-payment-id={payment.id} data-order-id={payment.orderId} data-status={payment.status}>
                  <td>
                    <Link to={`/console/payments/${payment.id}`}>{p('payment', { id: payment.id })}</Link>
                    <div className="muted">{p('order', { id: payment.orderId })} · {formatTime(payment.createdAt, lang)}</div>
                  </td>
                  <td data-label={p('channel')}>{word('channel.', payment.channel)}</td>
                  <td data-label={p('amount')}>{formatMoney(payment.amount, lang)}</td>
                  <td data-label={p('refunded')}>{payment.refunded && payment.refunded.amountMinor > 0 ? formatMoney(payment.refunded, lang) : '–'}</td>
                  <td><span className={`badge payment-${payment.status.toLowerCase()}`}>{word('status.', payment.status)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

function RefundRows({ refunds, showPayment }: { refunds: PaymentRefund[]; showPayment?: boolean }) {
  const p = usePayText();
  const word = useWord();
  const { lang } = useI18n();
  return (
    <table className="table" data-testid="refunds">
      <thead><tr><th>{p('refund.id')}</th><th>{p('amount')}</th><th>{p('filter')}</th><th>{p('refund.attempts')}</th></tr></thead>
      <tbody>
        {refunds.map((r) => (
          <tr key={r.id} data-refund-id={r.id} data-status={r.status}>
            <td>
              #{r.id}{showPayment && <> · <Link to={`/console/payments/${r.paymentId}`}>{p('payment', { id: r.paymentId })}</Link></>}
              <div className="muted">{formatTime(r.createdAt, lang)}{r.reason ? ` · ${r.reason}` : ''}</div>
              {r.refusal && <div className="refused">{p('refund.refusal')}: {r.refusal}</div>}
            </td>
            <td data-label={p('amount')}>{formatMoney(r.amount, lang)}</td>
            <td><span className={`badge refund-${r.status.toLowerCase()}`}>{word('refund.status.', r.status)}</span></td>
            <td data-label={p('refund.attempts')}>{r.attempts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Refunds part or all of what is left of a captured payment: checked here first (a positive amount,
 * no more than is left), then by pay, whose 409 is shown in its words. One Idempotency-Key per refund
 * typed (it is also the refund's reference at the channel), reused when the same refund is sent again.
 */
function RefundForm({ payment }: { payment: AdminPayment['payment'] }) {
  const p = usePayText();
  const word = useWord();
  const { lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const left = refundable(payment);
  const [text, setText] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [shown, setShown] = useState(false);
  const draft = refundDraft(text, left);
  const refund = useMutation({
    mutationFn: (amount: { amountMinor: number; currency: string }) => api.request<PaymentRefund>(
      `/pay/admin/payments/${payment.id}/refunds`, { method: 'POST', idempotencyKey: key, body: { amount } }),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      setText('');
      setShown(false);
      return client.invalidateQueries({ queryKey: keys.adminPayments });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (!('amount' in draft)) return;
    const amount = formatMoney(draft.amount, lang);
    if (window.confirm(p('refund.confirm', { amount, id: payment.id, channel: word('channel.', payment.channel) }))) refund.mutate(draft.amount);
  };
  const problem = 'problem' in draft && shown ? draft.problem : null;
  return (
    <form className="refund-form" onSubmit={submit} noValidate>
      <h3>{p('refund.title')}</h3>
      <div className="inline">
        <label className="field">
          <span>{p('refund.amount', { currency: left.currency })}</span>
          <input name="refund-amount" inputMode="decimal" value={text} aria-invalid={problem !== null}
            aria-describedby={problem ? 'refund-problem' : undefined}
            onChange={(e) => { setText(e.target.value); setKey(newIdempotencyKey()); refund.reset(); }} />
        </label>
        <button type="button" className="link" onClick={() => { setText(allOf(left)); setKey(newIdempotencyKey()); refund.reset(); }}>
          {p('refund.all', { amount: formatMoney(left, lang) })}
        </button>
        <button type="submit" className="primary" disabled={refund.isPending}>{p('refund.submit')}</button>
      </div>
      {problem && (
        <p id="refund-problem" className="hint refused" role="alert">
          {problem === 'tooMuch' ? p('problem.tooMuch', { amount: formatMoney(left, lang) }) : p(`problem.${problem}`)}
        </p>
      )}
      <div aria-live="polite">
        {refund.data && <p className="ok">{p('refund.done', { id: refund.data.id, amount: formatMoney(refund.data.amount, lang) })}</p>}
      </div>
      {refund.error && <ErrorBox error={asApiError(refund.error)} retry={() => refund.mutate(refund.variables!)} />}
    </form>
  );
}

/** One payment: its facts, its refunds, and (while money is left) the refund form. */
export function ConsolePayment({ id }: { id: number }) {
  const p = usePayText();
  const word = useWord();
  const { lang } = useI18n();
  const api = useApiClient();
  const one = useQuery({ ...queries.adminPayment(api, id), refetchInterval: 3000 });
  return (
    <Loaded query={one}>
      {({ payment, shopperId, reference, tradeId, surplus, refunds }) => (
        <div className="payment" data-payment-id={payment.id}>
          <div className="order-head">
            <h2>{p('payment', { id: payment.id })}</h2>
            <span className={`badge payment-${payment.status.toLowerCase()}`} data-testid="payment-status">{word('status.', payment.status)}</span>
          </div>
          {surplus && <p className="error">{p('surplus')}</p>}
          <dl className="facts payment-facts">
            <div><dt>{p('orderLabel')}</dt><dd><Link to={`/console/orders/${payment.orderId}`}>{p('order', { id: payment.orderId })}</Link></dd></div>
            <div><dt>{p('channel')}</dt><dd>{word('channel.', payment.channel)}</dd></div>
            <div><dt>{p('amount')}</dt><dd>{formatMoney(payment.amount, lang)}</dd></div>
            <div><dt>{p('refunded')}</dt><dd data-testid="payment-refunded">{formatMoney(payment.refunded ?? { ...payment.amount, amountMinor: 0 }, lang)}</dd></div>
            <div><dt>{p('left')}</dt><dd data-testid="payment-left">{formatMoney(refundable(payment), lang)}</dd></div>
            <div><dt>{p('shopper')}</dt><dd className="muted" title={shopperId}>{shopperId.slice(0, 8)}</dd></div>
            <div><dt>{p('reference')}</dt><dd><code>{reference}</code></dd></div>
            <div><dt>{p('tradeId')}</dt><dd>{tradeId ? <code>{tradeId}</code> : '–'}</dd></div>
            <div><dt>{p('created')}</dt><dd>{formatTime(payment.createdAt, lang)}</dd></div>
            <div><dt>{p('paidAt')}</dt><dd>{payment.paidAt ? formatTime(payment.paidAt, lang) : '–'}</dd></div>
            {payment.failureReason && <div><dt>{p('failure')}</dt><dd>{payment.failureReason}</dd></div>}
          </dl>
          <h3>{p('refunds')}</h3>
          {refunds.length === 0 ? <p className="muted">{p('noRefunds')}</p> : <RefundRows refunds={refunds} />}
          {(payment.status === 'CAPTURED' || payment.status === 'PARTIALLY_REFUNDED') && <RefundForm payment={payment} />}
        </div>
      )}
    </Loaded>
  );
}

/** Every refund, newest first, by status, each linked to its payment. */
export function ConsoleRefunds() {
  const p = usePayText();
  const api = useApiClient();
  const [status, setStatus] = useState('');
  const refunds = useQuery({ ...queries.adminRefunds(api, status), refetchInterval: 5000, placeholderData: keepPreviousData });
  return (
    <>
      <StatusFilter value={status} onChange={setStatus} statuses={REFUND_STATUSES} prefix="refund.status." />
      <Loaded query={refunds}>
        {(list) => list.length === 0 ? <p className="notice">{p('noRefunds')}</p> : <RefundRows refunds={list} showPayment />}
      </Loaded>
    </>
  );
}
