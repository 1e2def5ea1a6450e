import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MessageView, NotificationSettings } from '../api';
import { ErrorBox, Loaded, SignedInPage } from '../components/Status';
import { LANGS, formatDate, useI18n, type Lang } from '../i18n';
import type { MessageKey } from '../messages';
import { formatMoney } from '../money';
import { asApiError, keys, queries, useApiClient } from '../queries';

/** Messages shown at first; "older messages" shows this many more, up to what the API gives in one page. */
const PAGE = 20;
const MOST = 100;

/** A message in the reader's language: its notice's text, with the order and the money it moved. */
export function useMessageText() {
  const { t, lang } = useI18n();
  return (message: MessageView) => t(`inbox.notice.${message.notice}` as MessageKey, {
    order: message.orderId, amount: message.amount ? formatMoney(message.amount, lang) : '',
  });
}

/** Marking messages read: one, or all; the list and the header's count are read again. */
function useMarkRead() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') => api.request(id === 'all' ? '/cart-order/me/messages/read' : `/cart-order/me/messages/${id}/read`,
      { method: 'PUT' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.messages }),
  });
}

function MessageList() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const [size, setSize] = useState(PAGE);
  const messages = useQuery({ ...queries.messages(api, size), refetchInterval: 10_000 });
  const unread = useQuery(queries.unreadMessages(api));
  const mark = useMarkRead();
  const navigate = useNavigate();
  const text = useMessageText();
  const open = (message: MessageView) => {
    if (!message.read) mark.mutate(message.id);
    void navigate(`/orders/${message.orderId}`);
  };
  return (
    <Loaded query={messages}>
      {(list) => (
        <>
          <div className="address-bar">
            <p className="muted" role="status" data-testid="unread">{t('inbox.unread', { n: unread.data?.unread ?? 0 })}</p>
            {list.some((m) => !m.read) && (
              <button type="button" onClick={() => mark.mutate('all')} disabled={mark.isPending}>{t('inbox.markAll')}</button>
            )}
          </div>
          {mark.error && <ErrorBox error={asApiError(mark.error)} />}
          {list.length === 0 ? <p className="muted">{t('inbox.none')}</p> : (
            <ul className="messages">
              {list.map((m) => (
                <li key={m.id} className={m.read ? 'message' : 'message unread'} data-notice={m.notice} data-order-id={m.orderId}>
                  <a href={`/orders/${m.orderId}`} onClick={(e) => { e.preventDefault(); open(m); }}>
                    {!m.read && <span className="badge off">{t('inbox.new')}</span>} {text(m)}
                  </a>
                  <time className="muted" dateTime={m.createdAt}>{formatDate(m.createdAt, lang)}</time>
                </li>
              ))}
            </ul>
          )}
          {list.length === size && size < MOST && (
            <button type="button" onClick={() => setSize(Math.min(MOST, size + PAGE))}>{t('inbox.more')}</button>
          )}
        </>
      )}
    </Loaded>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const [email, setEmail] = useState(settings.email);
  const [language, setLanguage] = useState<Lang>(settings.language);
  const save = useMutation({
    mutationFn: () => api.request<NotificationSettings>('/cart-order/me/notification-settings',
      { method: 'PUT', body: { email, language } }),
    onSuccess: (saved) => client.setQueryData(keys.notificationSettings, saved),
  });
  useEffect(() => { save.reset(); }, [email, language]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <form className="settings" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <label className="check">
        <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} disabled={!settings.emailAddress} />
        {t('inbox.settings.email')}
      </label>
      <p className="muted">{settings.emailAddress ? t('inbox.settings.emailTo', { address: settings.emailAddress }) : t('inbox.settings.noAddress')}</p>
      <label>
        {t('inbox.settings.language')}{' '}
        <select value={language} onChange={(e) => setLanguage(e.target.value as Lang)}>
          {LANGS.map((l) => <option key={l.tag} value={l.tag}>{l.label}</option>)}
        </select>
      </label>
      <button type="submit" className="primary" disabled={save.isPending}>{t('inbox.settings.save')}</button>
      {save.isSuccess && <p className="ok" role="status">{t('inbox.settings.saved')}</p>}
      {save.error && <ErrorBox error={asApiError(save.error)} />}
    </form>
  );
}

function Settings() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const settings = useQuery(queries.notificationSettings(api, lang));
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('inbox.settings')}</h2>
      <Loaded query={settings}>{(s) => <SettingsForm settings={s} />}</Loaded>
    </section>
  );
}

/** The signed-in shopper's message centre: every step of their orders they are told of, newest first, and their settings. */
export function MessagesPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t('inbox.title')} role="shopper">
      <MessageList />
      <Settings />
    </SignedInPage>
  );
}

/** An email's unsubscribe link: no sign-in, one button, the token from the link. */
export function UnsubscribePage() {
  const { t } = useI18n();
  const api = useApiClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useMutation({
    mutationFn: () => api.request<NotificationSettings>('/cart-order/notifications/unsubscribe', { method: 'POST', query: { token } }),
  });
  const bad = !/^[0-9a-f]{48}$/.test(token) || (unsubscribe.error && asApiError(unsubscribe.error).status === 404);
  return (
    <section>
      <h1>{t('unsubscribe.title')}</h1>
      {bad ? <p className="error" role="alert">{t('unsubscribe.badLink')}</p>
        : unsubscribe.isSuccess ? <p className="ok" role="status">{t('unsubscribe.done')} <Link to="/messages">{t('inbox.title')}</Link></p>
          : (
            <>
              <p>{t('unsubscribe.explain')}</p>
              <button type="button" className="primary" disabled={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
                {t('unsubscribe.confirm')}
              </button>
              {unsubscribe.error && <ErrorBox error={asApiError(unsubscribe.error)} />}
            </>
          )}
    </section>
  );
}
