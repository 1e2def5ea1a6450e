import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PointsAccount, PointsEntry } from '../api';
import { CheckInCard, ReferralCard, TierCard } from '../components/Activities';
import { ErrorBox, Loaded, SignedInPage } from '../components/Status';
import { formatDate, formatTime, useI18n } from '../i18n';
import { historyOf, signedPoints } from '../points/history';
import { asApiError, queries, useApiClient } from '../queries';

/** What the shopper can spend, what unpaid orders hold, and what expires soon. */
function Summary({ account }: { account: PointsAccount }) {
  const { t, lang } = useI18n();
  const { expiringSoon } = account;
  return (
    <div className="points-summary">
      <p className="balance">
        <span>{t('points.balance')}</span>
        <strong data-testid="points-balance">{account.balance.toLocaleString(lang)}</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('points.held')}</dt>
          <dd data-testid="points-held">{account.held.toLocaleString(lang)}</dd>
          <dd className="muted">{t('points.heldHint')}</dd>
        </div>
        <div>
          <dt>{t('points.expiringSoon')}</dt>
          <dd data-testid="points-expiring">
            {expiringSoon.points > 0
              ? t('points.expiring', { points: expiringSoon.points.toLocaleString(lang), date: formatDate(expiringSoon.before, lang) })
              : t('points.expiringNone', { date: formatDate(expiringSoon.before, lang) })}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function Entry({ entry }: { entry: PointsEntry }) {
  const { t, known, lang } = useI18n();
  return (
    <li className="row" data-reason={entry.reason}>
      <span>
        {known(`points.reason.${entry.reason}`, entry.reason)}
        {entry.orderId != null && <> <Link to={`/orders/${entry.orderId}`}>{t('orders.order', { id: entry.orderId })}</Link></>}
      </span>
      <time className="muted" dateTime={entry.createdAt}>{formatTime(entry.createdAt, lang)}</time>
      <strong className={entry.points >= 0 ? 'plus' : 'minus'}>{signedPoints(entry.points, lang)}</strong>
    </li>
  );
}

function Account() {
  const { t } = useI18n();
  const api = useApiClient();
  const account = useInfiniteQuery({ ...queries.points(api), refetchInterval: 5000 });
  return (
    <Loaded query={account}>
      {({ pages }) => {
        const entries = historyOf(pages);
        return (
          <>
            <Summary account={pages[0]} />
            <div className="activities">
              <CheckInCard />
              <TierCard />
              <ReferralCard />
            </div>
            <h2>{t('points.history')}</h2>
            {entries.length === 0 ? <p className="notice">{t('points.empty')}</p> : (
              <ul className="rows" data-testid="points-history">
                {entries.map((e) => <Entry key={e.id} entry={e} />)}
              </ul>
            )}
            {account.hasNextPage && (
              <p className="more">
                <button type="button" disabled={account.isFetchingNextPage} onClick={() => void account.fetchNextPage()}>
                  {account.isFetchingNextPage ? t('common.loading') : t('points.older')}
                </button>
              </p>
            )}
            {account.isFetchNextPageError && <ErrorBox error={asApiError(account.error)} retry={() => void account.fetchNextPage()} />}
          </>
        );
      }}
    </Loaded>
  );
}

export function PointsPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('points.title')} role="shopper"><Account /></SignedInPage>;
}
