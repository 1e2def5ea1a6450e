import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type Draw, type Lottery, type LotteryProof } from '../api';
import { useAuth } from '../auth';
import { ErrorBox, Loaded } from '../components/Status';
import { useConfig } from '../context';
import { formatTime, useI18n } from '../i18n';
import { oddsOf, participantOf, seedMatchesCommitment } from '../lottery/proof';
import { asApiError, keys, queries, useApiClient } from '../queries';

const percent = (share: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(share);

function LotteryStatus({ lottery }: { lottery: Lottery }) {
  const { t } = useI18n();
  return <span className={`badge lottery-${lottery.status.toLowerCase()}`}>{t(`lottery.status.${lottery.status}`)}</span>;
}

/** Every lottery, newest first: open ones to draw in, ended ones with their proof. */
export function LotteriesPage() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const lotteries = useQuery(queries.lotteries(api));
  return (
    <section>
      <h1>{t('lottery.title')}</h1>
      <Loaded query={lotteries}>
        {(list) => list.length === 0 ? <p className="notice">{t('lottery.none')}</p> : (
          <ul className="rows">
            {list.map((l) => (
              <li key={l.id}>
                <Link to={`/lotteries/${l.id}`} className="row">
                  <span>{l.name}</span>
                  <span className="muted">{formatTime(l.startsAt, lang)} – {formatTime(l.endsAt, lang)}</span>
                  <LotteryStatus lottery={l} />
                  <span>{t('lottery.cost', { points: l.costPerDraw.toLocaleString(lang) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

/** The prizes with their published odds and what is left of each. */
function Prizes({ lottery }: { lottery: Lottery }) {
  const { t, known, lang } = useI18n();
  const odds = oddsOf(lottery.prizes, lottery.noPrizeWeight);
  return (
    <table className="table">
      <thead><tr><th>{t('lottery.prize')}</th><th>{t('lottery.odds')}</th><th>{t('lottery.left')}</th></tr></thead>
      <tbody>
        {lottery.prizes.map((p, i) => (
          <tr key={p.id}>
            <td>{p.name} <span className="muted">{known(`lottery.kind.${p.kind}`, p.kind)}{p.kind === 'POINTS' ? ` · ${t('common.points', { points: p.value.toLocaleString(lang) })}` : ''}</span></td>
            <td data-label={t('lottery.odds')}>{percent(odds[i], lang)}</td>
            <td data-label={t('lottery.left')}>{p.stockLeft.toLocaleString(lang)} / {p.stock.toLocaleString(lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DrawResult({ draw }: { draw: Draw }) {
  const { t, lang } = useI18n();
  return draw.prize
    ? <>{t('lottery.won', { prize: draw.prize.name })}{draw.pointsWon > 0 && ` (+${draw.pointsWon.toLocaleString(lang)})`}</>
    : <>{t('lottery.nothing')}</>;
}

/** Drawing once (one key per click, so a retry is the same draw) and the shopper's draws so far. */
function Drawing({ lottery }: { lottery: Lottery }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const mine = useQuery(queries.myDraws(api, lottery.id));
  const [key, setKey] = useState(newIdempotencyKey);
  const draw = useMutation({
    mutationFn: () => api.request<Draw>(`/loyalty/lotteries/${lottery.id}/draws`, { method: 'POST', idempotencyKey: key }),
    onSettled: () => {
      setKey(newIdempotencyKey());
      return Promise.all([client.invalidateQueries({ queryKey: [...keys.lotteries, lottery.id] }),
        client.invalidateQueries({ queryKey: keys.points })]);
    },
  });
  const left = mine.data?.drawsLeft;
  return (
    <section className="pay">
      <h2>{t('lottery.draw')}</h2>
      {lottery.status === 'OPEN' && (
        <p>
          <button type="button" className="primary" disabled={draw.isPending || left === 0} onClick={() => { draw.reset(); draw.mutate(); }}>
            {t('lottery.drawFor', { points: lottery.costPerDraw.toLocaleString(lang) })}
          </button>{' '}
          {left !== undefined && <span className="muted" data-testid="draws-left">{t('lottery.drawsLeft', { n: left })}</span>}
        </p>
      )}
      <p className="draw-result" role="status" aria-live="polite" data-testid="draw-result">
        {draw.data && <DrawResult draw={draw.data} />}
      </p>
      {draw.error && <ErrorBox error={asApiError(draw.error)} />}
      <Loaded query={mine}>
        {(m) => m.draws.length === 0 ? null : (
          <ul className="rows" data-testid="my-draws">
            {m.draws.map((d) => (
              <li key={d.id} className="row">
                <span>{t('lottery.drawNo', { n: d.sequence })} <DrawResult draw={d} /></span>
                <time className="muted" dateTime={d.drawnAt}>{formatTime(d.drawnAt, lang)}</time>
                <strong className="minus">{'\u2212'}{d.pointsSpent.toLocaleString(lang)}</strong>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

/** After the end: the seed checked against the commitment here, in the browser, and the shopper's draws found in the proof. */
function Proof({ lottery }: { lottery: Lottery }) {
  const { t } = useI18n();
  const { apiBase } = useConfig();
  const auth = useAuth();
  const api = useApiClient();
  const proof = useQuery(queries.lotteryProof(api, lottery.id));
  const [check, setCheck] = useState<{ matches: boolean; mine: number[] } | null>(null);
  const subject = auth.user?.profile.sub;
  useEffect(() => {
    if (!proof.data) return;
    let live = true;
    void checkProof(proof.data, subject).then((result) => { if (live) setCheck(result); });
    return () => { live = false; };
  }, [proof.data, subject]);
  return (
    <section className="proof">
      <h2>{t('lottery.proof')}</h2>
      <p>{t('lottery.proofHow')}</p>
      <p><a href={`${apiBase}/loyalty/lotteries/${lottery.id}/proof`} data-testid="proof-link">{t('lottery.proofLink')}</a></p>
      {lottery.seed && <p className="muted">{t('lottery.seed')} <code className="hash">{lottery.seed}</code></p>}
      {proof.error && <ErrorBox error={asApiError(proof.error)} retry={() => void proof.refetch()} />}
      {check && (
        <p className={check.matches ? 'ok' : 'error'} data-testid="proof-check">
          {check.matches ? t('lottery.seedMatches') : t('lottery.seedMismatch')}
        </p>
      )}
      {check && subject && (
        <p data-testid="proof-mine">
          {check.mine.length === 0 ? t('lottery.noneOfMine') : t('lottery.mineInProof', { draws: check.mine.map((n) => `#${n}`).join(', ') })}
        </p>
      )}
    </section>
  );
}

async function checkProof(proof: LotteryProof, subject: string | undefined) {
  const matches = await seedMatchesCommitment(proof.seed, proof.commitment);
  const participant = subject ? await participantOf(proof.seed, subject) : null;
  return { matches, mine: proof.draws.filter((d) => d.participant === participant).map((d) => d.sequence) };
}

export function LotteryPage({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const auth = useAuth();
  const api = useApiClient();
  const lottery = useQuery({ ...queries.lottery(api, id), refetchInterval: 5000 });
  return (
    <Loaded query={lottery}>
      {(l) => (
        <section className="lottery">
          <div className="order-head"><h1>{l.name}</h1><LotteryStatus lottery={l} /></div>
          <p className="muted">{formatTime(l.startsAt, lang)} – {formatTime(l.endsAt, lang)}</p>
          <p>
            {t('lottery.cost', { points: l.costPerDraw.toLocaleString(lang) })} · {t('lottery.perShopper', { n: l.drawsPerShopper })}
            {' · '}{t('lottery.drawsMade', { n: l.draws.toLocaleString(lang) })}
          </p>
          <Prizes lottery={l} />
          <p className="muted">{t('lottery.commitment')} <code className="hash" data-testid="commitment">{l.commitment}</code></p>
          {auth.user && auth.roles.includes('shopper') && <Drawing lottery={l} />}
          {!auth.user && l.status === 'OPEN' && (
            <p><button type="button" className="primary" onClick={() => auth.signIn()}>{t('nav.signIn')}</button></p>
          )}
          {l.status === 'ENDED' && <Proof lottery={l} />}
        </section>
      )}
    </Loaded>
  );
}
