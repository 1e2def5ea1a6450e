import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type RiskReview } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import { formatMoney } from '../../money';
import { hitsByWeight } from '../../pay/review';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import { payKey, usePayText } from './payMessages';

const REVIEW_STATUSES = ['OPEN', 'APPROVED', 'DECLINED'] as const;

/** Payments risk control held for an operator: the queue (oldest first), or those decided. */
export function ConsoleRiskReviews() {
  const p = usePayText();
  const { lang } = useI18n();
  const api = useApiClient();
  const [status, setStatus] = useState<(typeof REVIEW_STATUSES)[number]>('OPEN');
  const reviews = useQuery({ ...queries.riskReviews(api, status), refetchInterval: 5000, placeholderData: keepPreviousData });
  return (
    <>
      <label className="field inline-field">
        <span>{p('reviews.status')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {REVIEW_STATUSES.map((s) => <option key={s} value={s}>{p(`reviews.${s}`)}</option>)}
        </select>
      </label>
      <Loaded query={reviews}>
        {(list) => list.length === 0 ? <p className="notice">{p(status === 'OPEN' ? 'reviews.none' : 'reviews.noneDecided')}</p> : (
          <table className="table" data-testid="reviews">
            <thead><tr><th>#</th><th>{p('amount')}</th><th>{p('review.score')}</th><th>{p('review.why')}</th></tr></thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} data-review-id={r.id}>
                  <td>
                    <Link to={`/console/payments/reviews/${r.id}`}>{p('review.title', { id: r.id })}</Link>
                    <div className="muted">{p('order', { id: r.orderId })} · {formatTime(r.attemptedAt, lang)}</div>
                  </td>
                  <td data-label={p('amount')}>{formatMoney(r.amount, lang)}</td>
                  <td data-label={p('review.score')}><strong>{r.score}</strong></td>
                  <td>{r.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

/** Approves or declines a held payment once; pay's 409 (decided already, by anybody) is shown in its words. */
function DecisionForm({ review }: { review: RiskReview }) {
  const p = usePayText();
  const api = useApiClient();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const decide = useMutation({
    mutationFn: (approve: boolean) => api.request(`/pay/admin/risk/reviews/${review.id}/decision`,
      { method: 'POST', idempotencyKey: key, body: { approve, note: note.trim() || undefined } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.riskReviews }),
    onError: (error) => { if (asApiError(error).status === 409) void client.invalidateQueries({ queryKey: keys.riskReviews }); },
  });
  const send = (approve: boolean) => (event: FormEvent) => {
    event.preventDefault();
    if (!approve && !window.confirm(p('review.declineConfirm', { id: review.orderId }))) return;
    decide.mutate(approve);
  };
  return (
    <form className="decision" onSubmit={send(true)}>
      <label className="field">
        <span>{p('review.note')}</span>
        <textarea name="note" rows={2} maxLength={1000} value={note} onChange={(e) => { setNote(e.target.value); setKey(newIdempotencyKey()); }} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={decide.isPending}>{p('review.approve')}</button>
        <button type="button" disabled={decide.isPending} onClick={send(false)}>{p('review.decline')}</button>
      </div>
      <div aria-live="polite">
        {decide.isSuccess && <p className="ok">{p(decide.variables ? 'review.approved' : 'review.declinedDone')}</p>}
      </div>
      {decide.error && <ErrorBox error={asApiError(decide.error)} retry={() => decide.mutate(decide.variables!)} />}
    </form>
  );
}

/** One held payment: the score, each rule that found something with its weight, and the decision. */
export function ConsoleRiskReview({ id }: { id: number }) {
  const p = usePayText();
  const { lang } = useI18n();
  const api = useApiClient();
  const review = useQuery(queries.riskReview(api, id));
  return (
    <Loaded query={review}>
      {(r) => {
        const decisionKey = payKey(`review.decision.${r.decision}`);
        return (
          <div className="review" data-review-id={r.id}>
            <div className="order-head">
              <h2>{p('review.title', { id: r.id })}</h2>
              <span className="badge">{p(`reviews.${r.status}`)}</span>
            </div>
            <dl className="facts payment-facts">
              <div><dt>{p('orderLabel')}</dt><dd><Link to={`/console/orders/${r.orderId}`}>{p('order', { id: r.orderId })}</Link></dd></div>
              <div><dt>{p('amount')}</dt><dd>{formatMoney(r.amount, lang)}</dd></div>
              <div><dt>{p('channel')}</dt><dd>{r.channel}</dd></div>
              <div><dt>{p('review.score')}</dt><dd>{r.score} · {decisionKey ? p(decisionKey) : r.decision}</dd></div>
              <div><dt>{p('shopper')}</dt><dd className="muted" title={r.shopperId}>{r.shopperId.slice(0, 8)}</dd></div>
              <div><dt>{p('review.device')}</dt><dd>{r.deviceId ?? '–'}</dd></div>
              <div><dt>{p('review.payer')}</dt><dd>{r.payerFingerprint ?? '–'}</dd></div>
              <div><dt>{p('review.regions')}</dt><dd>{r.shippingRegion ?? '–'} / {r.billingRegion ?? '–'}</dd></div>
              <div><dt>{p('review.attempted')}</dt><dd>{formatTime(r.attemptedAt, lang)}</dd></div>
            </dl>
            <h3>{p('review.why')}</h3>
            <p>{r.explanation}</p>
            <table className="table">
              <thead><tr><th>{p('review.rule')}</th><th>{p('review.points')}</th><th>{p('recon.detail')}</th></tr></thead>
              <tbody>
                {hitsByWeight(r.hits, r.score).map((h) => (
                  <tr key={h.rule}>
                    <td><code>{h.rule}</code></td>
                    <td data-label={p('review.points')}>+{h.points} <span className="muted">({Math.round(h.share * 100)}%)</span></td>
                    <td>{h.explanation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.status === 'OPEN' ? <DecisionForm review={r} /> : (
              <p className="notice">
                {p('review.decided', { decision: p(`reviews.${r.status}`), by: r.decidedBy ?? '–', at: r.decidedAt ? formatTime(r.decidedAt, lang) : '–' })}
                {r.note && <><br />{r.note}</>}
              </p>
            )}
          </div>
        );
      }}
    </Loaded>
  );
}
