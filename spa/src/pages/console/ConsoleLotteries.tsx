import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type Lottery } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, Loaded } from '../../components/Status';
import { useConfig } from '../../context';
import { formatTime, useI18n } from '../../i18n';
import { emptyLottery, emptyPrize, lotteryProblems, lotteryRequestOf, type LotteryDraft, type PrizeDraft } from '../../lottery/lotteryDraft';
import type { MessageKey } from '../../messages';
import { asApiError, keys, queries, useApiClient } from '../../queries';

type LotteryField = Exclude<keyof LotteryDraft, 'prizes'>;
const FIELDS: { name: LotteryField; label: MessageKey; type?: string }[] = [
  { name: 'name', label: 'console.template.name' },
  { name: 'startsAt', label: 'console.lottery.startsAt', type: 'datetime-local' },
  { name: 'endsAt', label: 'console.lottery.endsAt', type: 'datetime-local' },
  { name: 'costPerDraw', label: 'console.lottery.costPerDraw' },
  { name: 'drawsPerShopper', label: 'console.lottery.drawsPerShopper' },
  { name: 'budget', label: 'console.lottery.budget' },
  { name: 'noPrizeWeight', label: 'console.lottery.noPrizeWeight' },
];
const PRIZE_FIELDS: { name: Exclude<keyof PrizeDraft, 'kind'>; label: MessageKey }[] = [
  { name: 'name', label: 'lottery.prize' },
  { name: 'weight', label: 'console.lottery.weight' },
  { name: 'stock', label: 'console.reward.stock' },
  { name: 'value', label: 'console.lottery.value' },
];

/** A new lottery (admins): its window, cost, limits, budget and prizes; its commitment is fixed when it is created. */
function LotteryForm() {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const [draft, setDraft] = useState(emptyLottery);
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: () => api.request<Lottery>('/loyalty/operator/lotteries', { method: 'POST', idempotencyKey: key, body: lotteryRequestOf(draft) }),
    onSuccess: () => { setDraft(emptyLottery()); setTried(false); setKey(newIdempotencyKey()); return client.invalidateQueries({ queryKey: keys.lotteries }); },
  });
  const wrong = lotteryProblems(draft);
  const edit = (next: LotteryDraft) => { setDraft(next); setKey(newIdempotencyKey()); create.reset(); };
  const setPrize = (i: number, change: Partial<PrizeDraft>) => edit({ ...draft, prizes: draft.prizes.map((p, j) => (i === j ? { ...p, ...change } : p)) });
  const submit = (event: FormEvent) => { event.preventDefault(); setTried(true); if (wrong.length === 0) create.mutate(); };
  const cls = (name: string) => (tried && wrong.includes(name) ? 'field invalid' : 'field');
  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('console.newLottery')}</legend>
        {FIELDS.map(({ name, label, type }) => (
          <label key={name} className={cls(name)}>
            <span>{t(label)}</span>
            <input name={`lottery-${name}`} type={type} value={draft[name]} aria-invalid={tried && wrong.includes(name)}
              inputMode={type || name === 'name' ? undefined : 'numeric'} onChange={(e) => edit({ ...draft, [name]: e.target.value })} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('console.lottery.prizes')}</legend>
        {draft.prizes.map((p, i) => (
          <div className="sku-row" key={i}>
            {PRIZE_FIELDS.map(({ name, label }) => (
              <label key={name} className={cls(`prize-${i}-${name}`)}>
                <span>{t(label)}</span>
                <input name={`prize-${i}-${name}`} value={p[name]} aria-invalid={tried && wrong.includes(`prize-${i}-${name}`)}
                  inputMode={name === 'name' ? undefined : 'numeric'} onChange={(e) => setPrize(i, { [name]: e.target.value })} />
              </label>
            ))}
            <label className="field">
              <span>{t('console.template.kind')}</span>
              <select name={`prize-${i}-kind`} value={p.kind} onChange={(e) => setPrize(i, { kind: e.target.value as PrizeDraft['kind'] })}>
                {(['POINTS', 'ITEM', 'VIRTUAL'] as const).map((k) => <option key={k} value={k}>{t(`lottery.kind.${k}`)}</option>)}
              </select>
            </label>
            {draft.prizes.length > 1 && (
              <button type="button" className="link" onClick={() => edit({ ...draft, prizes: draft.prizes.filter((_, j) => j !== i) })}>
                {t('console.lottery.removePrize')}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => edit({ ...draft, prizes: [...draft.prizes, emptyPrize()] })}>{t('console.lottery.addPrize')}</button>
      </fieldset>
      {tried && wrong.length > 0 && <p className="error" role="alert">{t('console.invalid')}</p>}
      {create.error && <ErrorBox error={asApiError(create.error)} />}
      {create.isSuccess && <p className="ok" role="status">{t('console.saved')}</p>}
      <div className="actions"><button type="submit" className="primary" disabled={create.isPending}>{t('common.save')}</button></div>
    </form>
  );
}

/** Lotteries in the console: admins create them; each one's winners to fulfil, and its proof after the end. */
export function ConsoleLotteries() {
  const { t, lang } = useI18n();
  const auth = useAuth();
  const api = useApiClient();
  const lotteries = useQuery(queries.lotteries(api));
  const admin = auth.roles.includes('admin');
  return (
    <>
      {admin ? <LotteryForm /> : <p className="notice">{t('console.lottery.adminsOnly')}</p>}
      <Loaded query={lotteries}>
        {(list) => list.length === 0 ? <p className="notice">{t('lottery.none')}</p> : (
          <table className="table">
            <thead><tr><th>{t('console.template.name')}</th><th>{t('lottery.title')}</th><th /></tr></thead>
            <tbody>
              {list.map((l) => (
                <tr key={l.id} data-lottery-id={l.id}>
                  <td><strong>{l.name}</strong> <span className="badge">{t(`lottery.status.${l.status}`)}</span>
                    <div className="muted">{formatTime(l.startsAt, lang)} – {formatTime(l.endsAt, lang)}</div></td>
                  <td data-label={t('lottery.title')}>{t('lottery.drawsMade', { n: l.draws })} · {t('console.lottery.budgetLeft', { left: l.budgetLeft, budget: l.budget })}</td>
                  <td>{admin && <Link to={`/console/lotteries/${l.id}`}>{t('console.lottery.winners')}</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

/** One lottery's winning draws, in sequence, with the shopper and the prize to send; its proof once it has ended. */
export function ConsoleLottery({ id }: { id: number }) {
  const { t, known, lang } = useI18n();
  const { apiBase } = useConfig();
  const api = useApiClient();
  const lottery = useQuery(queries.lottery(api, id));
  const winners = useQuery(queries.lotteryWinners(api, id));
  return (
    <>
      {lottery.data && <h2>{lottery.data.name} <span className="badge">{t(`lottery.status.${lottery.data.status}`)}</span></h2>}
      {lottery.data?.status === 'ENDED' && (
        <p><a href={`${apiBase}/loyalty/lotteries/${id}/proof`}>{t('lottery.proofLink')}</a> · <Link to={`/lotteries/${id}`}>{t('lottery.proof')}</Link></p>
      )}
      <Loaded query={winners}>
        {(list) => list.length === 0 ? <p className="notice">{t('console.lottery.noWinners')}</p> : (
          <table className="table">
            <thead><tr><th>#</th><th>{t('console.shopper')}</th><th>{t('lottery.prize')}</th></tr></thead>
            <tbody>
              {list.map((w) => (
                <tr key={w.drawId}>
                  <td>{w.sequence}<div className="muted">{formatTime(w.drawnAt, lang)}</div></td>
                  <td data-label={t('console.shopper')}><code>{w.shopperId}</code></td>
                  <td data-label={t('lottery.prize')}>{w.prize.name} <span className="muted">{known(`lottery.kind.${w.prize.kind}`, w.prize.kind)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
