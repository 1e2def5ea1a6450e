import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type Redemption, type Reward } from '../api';
import { useAuth } from '../auth';
import { ProductArt } from '../components/ProductTile';
import { RedeemButton, pointsPriceText } from '../components/Redeem';
import { ErrorBox, Loaded, RequireSignIn } from '../components/Status';
import { formatTime, localName, useI18n } from '../i18n';
import { asApiError, keys, queries, useApiClient } from '../queries';

/** What a redemption handed over: a voucher code to copy, or a coupon now in the wallet. */
function Handed({ redemption }: { redemption: Redemption }) {
  const { t } = useI18n();
  if (redemption.code) return <span>{t('mall.code')} <code data-testid="voucher-code">{redemption.code}</code></span>;
  if (redemption.couponId != null) return <span>{t('mall.couponInWallet')} <Link to="/coupons">{t('nav.coupons')}</Link></span>;
  return null;
}

/** One reward; a retried click reuses its key, so it redeems once. */
function RewardCard({ reward, balance, redeemed }: { reward: Reward; balance: number | undefined; redeemed: number }) {
  const { t, known, lang } = useI18n();
  const auth = useAuth();
  const api = useApiClient();
  const client = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const redeem = useMutation({
    mutationFn: () => api.request<Redemption>(`/loyalty/rewards/${reward.id}/redemptions`, { method: 'POST', idempotencyKey: key }),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      return Promise.all([keys.points, keys.rewards, keys.redemptions, keys.coupons]
        .map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  const short = balance !== undefined && balance < reward.pointsCost;
  const soldOut = reward.left <= 0;
  const atLimit = redeemed >= reward.perShopperLimit;
  const cost = reward.pointsCost.toLocaleString(lang);
  return (
    <li className="reward" data-reward-id={reward.id}>
      <strong>{reward.name}</strong>
      {reward.description && <span>{reward.description}</span>}
      <span className="muted">{known(`mall.kind.${reward.kind}`, reward.kind)} · {t('coupons.limit', { n: reward.perShopperLimit })} · {t('coupons.left', { n: reward.left })}</span>
      <span className="reward-cost">{t('common.points', { points: cost })}</span>
      {auth.user ? (
        <button type="button" className="primary" disabled={redeem.isPending || short || soldOut || atLimit}
          aria-label={`${t('mall.redeem')}: ${reward.name}`}
          onClick={() => window.confirm(t('mall.confirm', { name: reward.name, points: t('common.points', { points: cost }) })) && redeem.mutate()}>
          {t('mall.redeem')}
        </button>
      ) : (
        <button type="button" onClick={() => auth.signIn()}>{t('product.signInToBuy')}</button>
      )}
      {auth.user && atLimit && <span className="muted">{t('mall.atLimit')}</span>}
      {auth.user && short && !soldOut && !atLimit && <span className="muted">{t('mall.short')}</span>}
      {redeem.data && <p className="ok" role="status">{t('mall.redeemed')} <Handed redemption={redeem.data} /></p>}
      {redeem.error && <ErrorBox error={asApiError(redeem.error)} />}
    </li>
  );
}

function Redemptions({ rewards }: { rewards: Reward[] }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const redemptions = useQuery(queries.redemptions(api));
  return (
    <Loaded query={redemptions}>
      {(list) => list.length === 0 ? <p className="notice">{t('mall.noRedemptions')}</p> : (
        <ul className="rows" data-testid="redemptions">
          {list.map((r) => (
            <li key={r.id} className="row">
              <span>{rewards.find((x) => x.id === r.rewardId)?.name ?? t('mall.reward', { id: r.rewardId })} <Handed redemption={r} /></span>
              <time className="muted" dateTime={r.redeemedAt}>{formatTime(r.redeemedAt, lang)}</time>
              <strong className="minus">{'\u2212'}{r.points.toLocaleString(lang)}</strong>
            </li>
          ))}
        </ul>
      )}
    </Loaded>
  );
}

/** Listed goods with a points price, each SKU redeemed as an order of its own (its money part, if any, paid on the order page). */
function Goods() {
  const { t, lang } = useI18n();
  const auth = useAuth();
  const api = useApiClient();
  const products = useQuery(queries.redeemableProducts(api));
  return (
    <Loaded query={products}>
      {(list) => list.length === 0 ? <p className="notice">{t('mall.goodsNone')}</p> : (
        <ul className="rewards" data-testid="mall-goods">
          {list.flatMap((p) => p.skus.filter((s) => s.pointsPrice != null).map((s) => {
            const name = localName(p.names, p.name, lang);
            const variant = Object.values(s.attributes ?? {}).join(' / ');
            return (
              <li key={s.sku} className="reward" data-sku={s.sku}>
                <ProductArt name={name} />
                <Link to={`/products/${p.id}`}><strong>{name}</strong></Link>
                {variant && <span className="muted">{variant}</span>}
                {s.redeemLimitPerShopper != null && <span className="muted">{t('mall.limit', { n: s.redeemLimitPerShopper })}</span>}
                <span className="reward-cost">{pointsPriceText(s, lang, t)}</span>
                {auth.user ? <RedeemButton sku={s} name={variant ? `${name} (${variant})` : name} />
                  : <button type="button" onClick={() => auth.signIn()}>{t('product.signInToBuy')}</button>}
              </li>
            );
          }))}
        </ul>
      )}
    </Loaded>
  );
}

/** The points mall: goods for points (orders), coupons and voucher codes (handed over at once), and what the shopper redeemed of those. */
export function PointsMallPage() {
  const { t, lang } = useI18n();
  const auth = useAuth();
  const api = useApiClient();
  const rewards = useQuery(queries.rewards(api));
  const shopper = auth.user != null && auth.roles.includes('shopper');
  const account = useQuery({ ...queries.pointsBalance(api), enabled: shopper });
  const redemptions = useQuery({ ...queries.redemptions(api), enabled: shopper });
  const redeemedOf = (id: number) => redemptions.data?.filter((r) => r.rewardId === id).length ?? 0;
  const balance = account.data?.balance;
  return (
    <section>
      <h1>{t('mall.title')}</h1>
      {balance !== undefined && (
        <p className="balance"><span>{t('points.balance')}</span><strong data-testid="points-balance">{balance.toLocaleString(lang)}</strong>
          <Link to="/points">{t('points.history')}</Link></p>
      )}
      <h2>{t('mall.goods')}</h2>
      <Goods />
      <h2>{t('mall.vouchers')}</h2>
      <Loaded query={rewards}>
        {(list) => (
          <>
            {list.length === 0 ? <p className="notice">{t('mall.empty')}</p> : (
              <ul className="rewards">{list.map((r) => <RewardCard key={r.id} reward={r} balance={balance} redeemed={redeemedOf(r.id)} />)}</ul>
            )}
            {auth.user && (
              <>
                <h2>{t('mall.mine')}</h2>
                <RequireSignIn role="shopper"><Redemptions rewards={list} /></RequireSignIn>
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
