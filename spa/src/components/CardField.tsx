import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { cardTokenOf, type CardToken } from '../pay/attempt';

/**
 * The card PSP's hosted field, framed from its own origin: the card number is typed there and goes
 * to the PSP alone; this page receives a token, the brand and the last four digits by postMessage,
 * taken only from that origin and frame, with the hosted field's message type.
 */
export function CardField({ pspOrigin, onToken }: { pspOrigin: string; onToken: (card: CardToken) => void }) {
  const { t } = useI18n();
  const frame = useRef<HTMLIFrameElement>(null);
  const handler = useRef(onToken);
  handler.current = onToken;
  useEffect(() => {
    const listen = (event: MessageEvent) => {
      const card = cardTokenOf({ origin: event.origin, data: event.data, fromFrame: event.source === frame.current?.contentWindow }, pspOrigin);
      if (card) handler.current(card);
    };
    window.addEventListener('message', listen);
    return () => window.removeEventListener('message', listen);
  }, [pspOrigin]);
  const src = `${pspOrigin}/hosted-fields?origin=${encodeURIComponent(window.location.origin)}`;
  return (
    <div className="card-field">
      <iframe ref={frame} src={src} title={t('pay.cardField')} referrerPolicy="no-referrer" />
      <p className="muted">{t('pay.cardFieldHint')}</p>
    </div>
  );
}
