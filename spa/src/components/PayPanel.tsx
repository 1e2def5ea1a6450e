import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { newIdempotencyKey, type OrderView, type PaymentView, type PayRequest } from '../api';
import { useConfig } from '../context';
import { formatTime, useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { formatMoney } from '../money';
import {
  answered, attemptView, followInterval, keyForAttempt, latestAttempt, type AttemptView, type CardToken, type SentAttempt,
} from '../pay/attempt';
import { deviceId } from '../pay/deviceId';
import { firstChoice, offeredChannels, presentationFor, returnUrlOf, withDown, type ChannelName } from '../pay/channels';
import { useDevice } from '../pay/useDevice';
import { asApiError, keys, queries, useApiClient } from '../queries';
import { CardField } from './CardField';
import { QrCode } from './QrCode';
import { ErrorBox } from './Status';

/** Pay learns the order is payable a moment after its stock is held: until then it answers 404 (or the key is still in use). */
const notPayableYet = (e: Error) => {
  const problem = asApiError(e);
  return problem.status === 404 || problem.type.endsWith('/idempotency-key-in-use');
};

/** How often the order is asked for between the payment's capture and the order's PAID step. */
const PAID_POLL_MS = 2000;

/** Where a card comes from: the PSP's hosted field, or (local runs only) one of the sandbox PSP's test tokens. */
type CardSource = 'field' | 'tok_sandbox_success' | 'tok_sandbox_decline';
const SANDBOX_TOKENS = [['tok_sandbox_success', 'pay.sandboxSuccess'], ['tok_sandbox_decline', 'pay.sandboxDecline']] as const;

/** The outcome in words, for the live region: what happened to the latest attempt. */
function outcomeText(view: AttemptView, channel: string, amount: string, t: (key: MessageKey, params?: Record<string, string>) => string): string {
  switch (view.kind) {
    case 'paid': return t('order.paid');
    case 'scan': return t('pay.scan', { channel, amount });
    case 'redirect': return t('pay.redirecting', { channel });
    case 'waiting': return t('pay.waiting', { channel });
    case 'review': return t('pay.review');
    case 'approved': return t('pay.approved');
    case 'refused': return t(`pay.refused.${view.reason}`, { channel, code: view.code });
    default: return '';
  }
}

/**
 * Pays an order awaiting payment through the channel the shopper picks (Alipay or WeChat Pay by QR
 * code on a desktop and by the channel's page on a phone; a card through the PSP's hosted field),
 * follows the attempt until it settles, and after a decline lets the shopper try again, each new
 * attempt with a new Idempotency-Key (the same one only when the same attempt is sent again for
 * want of an answer).
 */
export function PayPanel({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const config = useConfig();
  const device = useDevice();
  const channels = useQuery(queries.payChannels(api));
  const mine = useQuery(queries.myPayments(api));
  const [down, setDown] = useState<{ name: ChannelName; seenAt: number } | null>(null);
  const offers = withDown(offeredChannels(channels.data ?? []), down && down.seenAt === channels.dataUpdatedAt ? down.name : null);
  const [chosen, setChosen] = useState<ChannelName | null>(null);
  const channel = offers.some((o) => o.name === chosen && o.available) ? chosen : firstChoice(offers);
  const pspOrigin = config.cardFieldsOrigin;
  const [cardSource, setCardSource] = useState<CardSource>(config.sandbox || !pspOrigin ? 'tok_sandbox_success' : 'field');
  const [card, setCard] = useState<CardToken | null>(null);
  const [cardNeeded, setCardNeeded] = useState(false);
  const last = useRef<SentAttempt | null>(null);
  const [attemptId, setAttemptId] = useState<number | null>(null);
  const [startedId, setStartedId] = useState<number | null>(null);
  const attempt = useQuery({
    ...queries.payment(api, attemptId ?? 0), enabled: attemptId !== null, refetchInterval: (q) => followInterval(q.state.data),
  });

  // Back from a channel's page (or a reload): the order's latest attempt is followed, or its refusal said.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !mine.data) return;
    resumed.current = true;
    const latest = latestAttempt(mine.data, order.id);
    if (latest && (latest.status !== 'VOIDED' || latest.failureReason === 'REVIEW_APPROVED')) {
      client.setQueryData(queries.payment(api, latest.id).queryKey, latest);
      setAttemptId(latest.id);
    }
  }, [mine.data, order.id, api, client]);

  const pay = useMutation({
    mutationFn: ({ key, body }: { key: string; body: PayRequest }) =>
      api.request<PaymentView>('/pay/payments', { method: 'POST', idempotencyKey: key, body }),
    retry: (failures, error) => failures < 15 && notPayableYet(error),
    retryDelay: 700,
    onSuccess: (payment) => {
      if (last.current) last.current.answered = true;
      client.setQueryData(queries.payment(api, payment.id).queryKey, payment);
      setAttemptId(payment.id);
      setStartedId(payment.id);
      if (payment.status !== 'PENDING' && payment.status !== 'CAPTURED') setCard(null);
      return client.invalidateQueries({ queryKey: keys.payments });
    },
    onError: (error, { body }) => {
      const problem = asApiError(error);
      if (last.current) last.current.answered = answered(problem.status);
      if (problem.type.endsWith('/channel-unavailable')) {
        setDown({ name: body.channel as ChannelName, seenAt: channels.dataUpdatedAt });
        void channels.refetch();
      }
      if (problem.status === 409) void client.invalidateQueries({ queryKey: [...keys.orders, order.id] });
    },
  });

  const current = attempt.data;
  const view = attemptView(current, current !== undefined && current.id === startedId);
  useEffect(() => {
    if (view.kind === 'redirect') window.location.assign(view.url);
    if (view.kind !== 'paid') return undefined;
    // Paid, and the order learns it a moment later: asked for again until it does (this panel then goes),
    // whether or not its live stream brings the step.
    const again = () => void client.invalidateQueries({ queryKey: [...keys.orders, order.id] });
    again();
    const timer = setInterval(again, PAID_POLL_MS);
    return () => clearInterval(timer);
  }, [view.kind, view.kind === 'redirect' ? view.url : '', client, order.id]);

  const amount = formatMoney(order.total, lang);
  const channelName = (name: string) => t(`pay.channel.${name}` as MessageKey);
  const busy = pay.isPending || view.kind === 'waiting' || view.kind === 'redirect' || view.kind === 'review';

  const submit = () => {
    if (!channel) return;
    const presentation = presentationFor(channel, device);
    const token = channel === 'card' ? (cardSource === 'field' ? card?.token : cardSource) : undefined;
    if (channel === 'card' && !token) {
      setCardNeeded(true);
      return;
    }
    const body: PayRequest = {
      orderId: order.id, channel, presentation, deviceId: deviceId(),
      ...(token ? { token } : {}),
      ...(presentation === 'REDIRECT' ? { returnUrl: returnUrlOf(window.location.origin, order.id) } : {}),
    };
    const draft = JSON.stringify(body);
    const key = keyForAttempt(last.current, draft, newIdempotencyKey);
    last.current = { draft, key, answered: false };
    pay.mutate({ key, body });
  };

  if (view.kind === 'paid') return <p className="ok" role="status">{t('order.paid')}</p>;
  const problem = pay.error ? asApiError(pay.error) : null;
  const scanning = view.kind === 'scan' && current ? current : null;
  return (
    <section className="pay" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('order.payTitle')}</h2>
      {order.payBy && <p className="muted">{t('order.payBy', { at: formatTime(order.payBy, lang) })}</p>}
      <div aria-live="polite" aria-atomic="true" data-testid="pay-outcome"
        className={view.kind === 'refused' ? 'error' : view.kind === 'none' ? undefined : 'notice'}>
        {view.kind !== 'none' && current && <p>{outcomeText(view, channelName(current.channel), amount, t)}</p>}
        {view.kind === 'refused' && order.payBy && <p>{t('pay.tryAgainWith', { at: formatTime(order.payBy, lang) })}</p>}
      </div>
      {scanning && (
        <div className="pay-qr">
          <QrCode content={(scanning.action ?? { content: '' }).content} label={t('pay.qrAlt', { channel: channelName(scanning.channel), amount })} />
          {config.sandbox && (
            <a href={scanning.action?.content} target="_blank" rel="noopener noreferrer" className="small">{t('pay.openWallet')}</a>
          )}
        </div>
      )}
      {(scanning || view.kind === 'waiting') && (
        <button type="button" className="link" onClick={() => { setAttemptId(null); setStartedId(null); }}>{t('pay.otherWay')}</button>
      )}
      {channels.error && <ErrorBox error={asApiError(channels.error)} retry={() => void channels.refetch()} />}
      {channels.data && offers.length > 0 && !offers.some((o) => o.available) && <p className="error" role="alert">{t('pay.noChannel')}</p>}
      {channels.data && !scanning && (
        <>
          <fieldset className="channels">
            <legend>{t('pay.with')}</legend>
            {offers.map((o) => (
              <label key={o.name} className={o.name === channel ? 'chip chosen' : 'chip'}>
                <input type="radio" name="channel" value={o.name} checked={o.name === channel} disabled={!o.available || busy}
                  onChange={() => { setChosen(o.name); setCardNeeded(false); }} />
                {o.available ? channelName(o.name) : t('pay.channelDown', { channel: channelName(o.name) })}
              </label>
            ))}
          </fieldset>
          {channel && channel !== 'card' && (
            <p className="muted">{t(`pay.qrHint.${device}`, { channel: channelName(channel) })}</p>
          )}
          {channel === 'card' && (
            <fieldset className="card-source">
              <legend>{t('pay.cardSource')}</legend>
              {pspOrigin && (
                <label className={cardSource === 'field' ? 'chip chosen' : 'chip'}>
                  <input type="radio" name="card-source" value="field" checked={cardSource === 'field'}
                    onChange={() => setCardSource('field')} />{t('pay.cardEnter')}
                </label>
              )}
              {config.sandbox && SANDBOX_TOKENS.map(([token, label]) => (
                <label key={token} className={cardSource === token ? 'chip chosen' : 'chip'}>
                  <input type="radio" name="card-source" value={token} checked={cardSource === token}
                    onChange={() => setCardSource(token)} />{t(label)}
                </label>
              ))}
              {cardSource === 'field' && pspOrigin && (card ? (
                <p className="ok" data-testid="card-ready">
                  {t('pay.cardReady', { brand: card.brand, last4: card.last4 })}{' '}
                  <button type="button" className="link" onClick={() => setCard(null)}>{t('pay.cardAgain')}</button>
                </p>
              ) : (
                <CardField pspOrigin={pspOrigin} onToken={(c) => { setCard(c); setCardNeeded(false); }} />
              ))}
              {cardNeeded && <p className="error" role="alert">{t('pay.cardNeeded')}</p>}
            </fieldset>
          )}
          <button type="button" className="primary" disabled={!channel || busy} onClick={submit}>
            {pay.isPending ? t('order.paying') : `${t('order.pay')} ${amount}`}
          </button>
        </>
      )}
      {problem?.type.endsWith('/channel-unavailable') && (
        <p className="error" role="alert">{t('pay.channelUnavailable', { channel: channelName(pay.variables?.body.channel ?? '') })}</p>
      )}
      {problem && <ErrorBox error={problem} retry={answered(problem.status) ? undefined : submit} />}
    </section>
  );
}
