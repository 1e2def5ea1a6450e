import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type ReconciliationSummary } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import { formatMoney } from '../../money';
import { chinaToday, difference, mismatchCounts, reconciliationDay, reportRange } from '../../pay/review';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import { usePayText, usePayWord as useWord } from './payMessages';

/** One of the channels pay offers (its public list), or all. */
function ChannelSelect({ value, onChange }: { value: string; onChange: (c: string) => void }) {
  const p = usePayText();
  const word = useWord();
  const channels = useQuery(queries.payChannels(useApiClient())).data?.map((c) => c.name) ?? [];
  return (
    <label className="field">
      <span>{p('recon.channel')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{p('recon.allChannels')}</option>
        {channels.map((c) => <option key={c} value={c}>{word('channel.', c)}</option>)}
      </select>
    </label>
  );
}

/** Reconciles a day again (one channel or all): the day is checked here first, then by pay (422 in its words). */
function RunForm() {
  const p = usePayText();
  const api = useApiClient();
  const client = useQueryClient();
  const [day, setDay] = useState('');
  const [channel, setChannel] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [shown, setShown] = useState(false);
  const draft = reconciliationDay(day, chinaToday(new Date()));
  const run = useMutation({
    mutationFn: (body: { day: string; channel?: string }) =>
      api.request<ReconciliationSummary[]>('/pay/admin/reconciliation/runs', { method: 'POST', idempotencyKey: key, body }),
    onSuccess: () => { setKey(newIdempotencyKey()); return client.invalidateQueries({ queryKey: keys.reconciliation }); },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if ('day' in draft) run.mutate({ day: draft.day, ...(channel ? { channel } : {}) });
  };
  const problem = shown && 'problem' in draft ? draft.problem : null;
  const changed = () => { setKey(newIdempotencyKey()); run.reset(); };
  return (
    <form className="run-form" onSubmit={submit} noValidate>
      <h3>{p('recon.run')}</h3>
      <div className="inline">
        <label className="field">
          <span>{p('recon.day')}</span>
          <input type="date" name="day" value={day} aria-invalid={problem !== null} aria-describedby={problem ? 'run-problem' : undefined}
            onChange={(e) => { setDay(e.target.value); changed(); }} />
        </label>
        <ChannelSelect value={channel} onChange={(c) => { setChannel(c); changed(); }} />
        <button type="submit" className="primary" disabled={run.isPending}>{p('recon.runSubmit')}</button>
      </div>
      {problem && <p id="run-problem" className="hint refused" role="alert">{p(`recon.problem.${problem}`)}</p>}
      <div aria-live="polite">{run.data && <p className="ok">{p('recon.runDone', { count: run.data.length, day: run.variables!.day })}</p>}</div>
      {run.error && <ErrorBox error={asApiError(run.error)} retry={() => run.mutate(run.variables!)} />}
    </form>
  );
}

/** The reports of a range of days (pay's default: the last 30), newest day first, and a day reconciled again. */
export function ConsoleReconciliation() {
  const p = usePayText();
  const word = useWord();
  const { lang } = useI18n();
  const api = useApiClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [channel, setChannel] = useState('');
  const range = reportRange(from, to);
  const filter = 'problem' in range ? { from: '', to: '', channel } : { ...range, channel };
  const reports = useQuery({ ...queries.reconciliationReports(api, filter), placeholderData: keepPreviousData });
  return (
    <>
      <div className="inline">
        <label className="field"><span>{p('recon.from')}</span><input type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="field"><span>{p('recon.to')}</span><input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <ChannelSelect value={channel} onChange={setChannel} />
      </div>
      {'problem' in range && <p className="hint refused" role="alert">{p(`recon.problem.${range.problem}`)}</p>}
      <Loaded query={reports}>
        {(list) => list.length === 0 ? <p className="notice">{p('recon.none')}</p> : (
          <table className="table" data-testid="reports">
            <thead><tr><th>{p('recon.day')}</th><th>{p('recon.channel')}</th><th>{p('recon.lines')}</th><th>{p('recon.mismatches')}</th><th /></tr></thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} data-report-id={r.id} data-status={r.status}>
                  <td><Link to={`/console/payments/reconciliation/${r.id}`}>{r.day}</Link><div className="muted">{p('recon.ran', { at: formatTime(r.ranAt, lang) })}</div></td>
                  <td data-label={p('recon.channel')}>{word('channel.', r.channel)}</td>
                  <td data-label={p('recon.lines')}>{r.ourLines} / {r.channelLines}</td>
                  <td data-label={p('recon.mismatches')}>{r.mismatches}</td>
                  <td><span className={`badge recon-${r.status.toLowerCase()}`}>{word('recon.status.', r.status)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <RunForm />
    </>
  );
}

/** One report: its counts, why it failed if it did, and every mismatch with both sides' amounts. */
export function ConsoleReconciliationReport({ id }: { id: number }) {
  const p = usePayText();
  const word = useWord();
  const { lang } = useI18n();
  const api = useApiClient();
  const report = useQuery(queries.reconciliationReport(api, id));
  const money = (m: { amountMinor: number; currency: string } | null) => (m ? formatMoney(m, lang) : '–');
  return (
    <Loaded query={report}>
      {({ summary, mismatches }) => (
        <div className="report">
          <div className="order-head">
            <h2>{p('recon.report', { channel: word('channel.', summary.channel), day: summary.day })}</h2>
            <span className={`badge recon-${summary.status.toLowerCase()}`}>{word('recon.status.', summary.status)}</span>
          </div>
          {summary.failureReason && <p className="error">{p('recon.failed', { reason: summary.failureReason })}</p>}
          <dl className="facts payment-facts">
            <div><dt>{p('recon.lines')}</dt><dd>{summary.ourLines} / {summary.channelLines}</dd></div>
            <div><dt>{p('recon.matched')}</dt><dd>{summary.matched}</dd></div>
            <div><dt>{p('recon.mismatches')}</dt><dd>{summary.mismatches}</dd></div>
            <div><dt>{p('recon.day')}</dt><dd>{p('recon.ran', { at: formatTime(summary.ranAt, lang) })}</dd></div>
          </dl>
          {mismatches.length > 0 && (
            <>
              <p>{mismatchCounts(mismatches).map((c) => p('recon.summary', { count: c.count, kind: word('recon.kind.', c.kind) })).join(' · ')}</p>
              <table className="table" data-testid="mismatches">
                <thead><tr><th>{p('recon.kind')}</th><th>{p('recon.ours')}</th><th>{p('recon.theirs')}</th><th>{p('recon.difference')}</th><th>{p('recon.detail')}</th></tr></thead>
                <tbody>
                  {mismatches.map((m, i) => {
                    const diff = difference(m.ourAmount, m.channelAmount);
                    return (
                      <tr key={i} data-kind={m.kind}>
                        <td><strong>{word('recon.kind.', m.kind)}</strong> · {word('recon.line.', m.lineKind)}<div className="muted"><code>{m.reference}</code>{m.tradeId && <> · <code>{m.tradeId}</code></>}</div></td>
                        <td data-label={p('recon.ours')}>{money(m.ourAmount)}</td>
                        <td data-label={p('recon.theirs')}>{money(m.channelAmount)}</td>
                        <td data-label={p('recon.difference')}>{diff ? money(diff) : '–'}</td>
                        <td>{m.detail}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </Loaded>
  );
}
