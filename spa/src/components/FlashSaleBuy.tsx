import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type FlashSaleAdmission, type FlashSaleView } from '../api';
import { useAuth } from '../auth';
import { admitted, refusal, retryAttempt, retryDelayMs, tokenNotYet, unanswered, type Answer } from '../flash/answer';
import { phaseAt, tokenWindowOpen } from '../flash/clock';
import { flashOrdersSince, orderOfTicket } from '../flash/ticketOrders';
import { useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, queries, useApiClient } from '../queries';
import { ErrorBox, Loading } from './Status';

const ORDERS_MS = 1500;
/** After this long without its order, a ticket says the order is slow (it still appears in My orders). */
const SLOW_MS = 30_000;

/** A unit the shopper was admitted to, and when (the server's clock). */
interface Ticket { ticketId: string; at: number }

const short = (ticketId: string) => ticketId.slice(0, 8);

/** The answer to the last attempt, announced as it comes. */
function AnswerText({ answer, sale }: { answer: Answer; sale: FlashSaleView }) {
  const { t } = useI18n();
  switch (answer.kind) {
    case 'ADMITTED': return <p className="ok">{t('flash.answer.ADMITTED', { ticket: short(answer.ticketId) })}</p>;
    case 'LIMIT_REACHED': return <p className="refused">{t('flash.answer.LIMIT_REACHED', { n: sale.perShopperLimit })}</p>;
    case 'RATE_LIMITED': return <p className="refused">{t('flash.answer.RATE_LIMITED', { seconds: answer.retryAfterSeconds })}</p>;
    case 'PROBLEM': return null;
    default: return <p className="refused">{t(`flash.answer.${answer.kind}`)}</p>;
  }
}

/** The shopper's admitted units, each with its order once cart-order has placed it (polled until then). */
function Tickets({ tickets, now }: { tickets: Ticket[]; now: number }) {
  const { t } = useI18n();
  const api = useApiClient();
  const since = Math.min(...tickets.map((k) => k.at));
  const allPlaced = useRef(false);
  const orders = useQuery({ ...queries.orders(api), refetchInterval: () => (allPlaced.current ? false : ORDERS_MS) });
  // Each FLASH_SALE order is opened once: its ticket never changes.
  const views = useQueries({
    queries: flashOrdersSince(orders.data ?? [], since).map((id) => ({ ...queries.order(api, id), staleTime: Infinity })),
  }).map((q) => q.data);
  const placed = tickets.map((k) => orderOfTicket(views, k.ticketId));
  allPlaced.current = placed.every(Boolean);
  return (
    <section className="flash-tickets">
      <h2>{t('flash.yours')}</h2>
      <ul className="rows" data-testid="flash-tickets">
        {tickets.map((k, i) => {
          const order = placed[i];
          return (
            <li key={k.ticketId} className="row" data-ticket={k.ticketId}>
              <span className="hash" title={k.ticketId}>{t('flash.ticket', { ticket: short(k.ticketId) })}</span>
              {order ? (
                <Link to={`/orders/${order.id}`} data-testid="flash-order">{t('flash.orderReady', { id: order.id })}</Link>
              ) : (
                <span className="muted" role="status">{now - k.at > SLOW_MS ? t('flash.orderSlow') : t('flash.placingOrder')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {orders.error && <ErrorBox error={asApiError(orders.error)} retry={() => void orders.refetch()} />}
    </section>
  );
}

/**
 * Buying as a signed-in shopper: the sale token fetched by itself once the token window opens, the
 * button unlocked at the start by the server's clock, one click one attempt with one Idempotency-Key,
 * sent again with the same key while no answer came (no network, 429 after its Retry-After, 5xx).
 */
function ShopperBuy({ sale, now, offsetMs, resync }: { sale: FlashSaleView; now: number; offsetMs: number; resync(): void }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const phase = phaseAt(sale, now);
  const token = useQuery({
    ...queries.saleToken(api, sale.id),
    enabled: tokenWindowOpen(sale, now) && phase !== 'ENDED',
    retry: (failures, error) => failures < 30 && (tokenNotYet(asApiError(error)) || unanswered(asApiError(error))),
    retryDelay: (failures, error) => retryDelayMs(asApiError(error), Math.min(failures, 3)),
  });
  const [key, setKey] = useState(newIdempotencyKey);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const buy = useMutation({
    mutationFn: ({ key: attemptKey, saleToken }: { key: string; saleToken: string }) =>
      api.request<FlashSaleAdmission>(`/stock/flash-sales/${sale.id}/purchases`,
        { method: 'POST', idempotencyKey: attemptKey, headers: { 'Sale-Token': saleToken } }),
    retry: (failures, error) => retryAttempt(failures, asApiError(error)),
    retryDelay: (failures, error) => retryDelayMs(asApiError(error), failures),
    onSuccess: (admission) => {
      setAnswer(admitted(admission));
      setTickets((list) => (list.some((k) => k.ticketId === admission.ticketId) ? list
        : [...list, { ticketId: admission.ticketId, at: Date.now() + offsetMs }]));
      setKey(newIdempotencyKey());
      resync();
    },
    onError: (error) => {
      const problem = asApiError(error);
      const said = refusal(problem);
      setAnswer(said);
      // Unanswered, the same attempt is tried again with its key; answered, the next click is a new attempt.
      if (!unanswered(problem)) setKey(newIdempotencyKey());
      if (said.kind === 'TOKEN_REFUSED') void token.refetch();
      if (said.kind === 'NOT_STARTED' || said.kind === 'ENDED' || said.kind === 'SOLD_OUT') resync();
    },
  });
  const saleToken = token.data?.data.token;
  const attempt = () => {
    if (!saleToken) return;
    setAnswer(null);
    buy.mutate({ key, saleToken });
  };
  const waiting = buy.isPending && buy.failureReason ? asApiError(buy.failureReason) : null;

  return (
    <div className="flash-buy">
      {phase !== 'ENDED' && (
        <button type="button" className="primary big" data-testid="flash-buy"
          disabled={phase !== 'LIVE' || !saleToken || buy.isPending} onClick={attempt}>
          {buy.isPending ? t('flash.buying') : t('flash.buy', { price: formatMoney(sale.price, lang) })}
        </button>
      )}
      {phase === 'UPCOMING' && (
        <p className="muted" data-testid="flash-token">
          {saleToken ? t('flash.ready') : token.isFetching ? t('flash.tokenFetching') : t('flash.tokenSoon')}
        </p>
      )}
      {phase === 'ENDED' && <p className="notice">{t('flash.over')}</p>}
      {token.error && !tokenNotYet(asApiError(token.error)) && (
        <ErrorBox error={asApiError(token.error)} retry={() => void token.refetch()} />
      )}
      <div className="flash-answer" role="status" aria-live="polite" data-testid="flash-answer" data-answer={answer?.kind ?? ''}>
        {answer && <AnswerText answer={answer} sale={sale} />}
        {waiting?.status === 429 && <p className="muted">{t('flash.retrying', { seconds: waiting.retryAfterSeconds ?? 1 })}</p>}
      </div>
      {answer?.kind === 'PROBLEM' && <ErrorBox error={answer.error} retry={attempt} />}
      {tickets.length > 0 && <Tickets tickets={tickets} now={now} />}
    </div>
  );
}

/** The buy panel: shoppers buy; guests are asked to sign in; other accounts are told they cannot. */
export function FlashSaleBuy(props: { sale: FlashSaleView; now: number; offsetMs: number; resync(): void }) {
  const { t } = useI18n();
  const auth = useAuth();
  if (!auth.ready) return <Loading />;
  if (!auth.user) {
    return <button type="button" className="primary big" onClick={() => auth.signIn()}>{t('flash.signIn')}</button>;
  }
  if (!auth.roles.includes('shopper')) return <p className="notice">{t('flash.shoppersOnly')}</p>;
  return <ShopperBuy {...props} />;
}
