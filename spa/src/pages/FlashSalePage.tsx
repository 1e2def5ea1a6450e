import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import type { FlashSaleView } from '../api';
import { FlashSaleBuy } from '../components/FlashSaleBuy';
import { ProductArt } from '../components/ProductTile';
import { Loaded } from '../components/Status';
import { clockText, countdown, phaseAt, type SalePhase } from '../flash/clock';
import { percentOff, type SaleProduct } from '../flash/saleProducts';
import { useServerNow } from '../flash/useServerNow';
import { formatTime, localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { queries, useApiClient } from '../queries';

const LIST_MS = 5000;
const SALE_MS = 3000;
/** A clock further off than this is worth telling the shopper about. */
const NOTABLE_OFFSET_MS = 2000;
const PRODUCTS_STALE_MS = 60_000;

function useSaleProducts(skus: string[]) {
  const api = useApiClient();
  const unique = [...new Set(skus)].sort();
  return useQuery({ ...queries.saleProducts(api, unique), enabled: unique.length > 0, staleTime: PRODUCTS_STALE_MS }).data;
}

function PhaseBadge({ phase }: { phase: SalePhase }) {
  const { t } = useI18n();
  return <span className={`badge flash-${phase.toLowerCase()}`} data-testid="flash-phase">{t(`flash.phase.${phase}`)}</span>;
}

/** Time to the start (upcoming) or to the end (live), on the server's clock; a timer, so not read out every second. */
function Countdown({ sale, now }: { sale: FlashSaleView; now: number }) {
  const { t } = useI18n();
  const label = useId();
  const phase = phaseAt(sale, now);
  if (phase === 'ENDED') return null;
  const to = phase === 'UPCOMING' ? sale.startsAt : sale.endsAt;
  const { days, time } = clockText(countdown(Date.parse(to) - now));
  return (
    <p className={`countdown countdown-${phase.toLowerCase()}`}>
      <span id={label}>{phase === 'UPCOMING' ? t('flash.startsIn') : t('flash.endsIn')}</span>{' '}
      <span role="timer" aria-labelledby={label} data-testid="countdown">
        {days > 0 && `${t('flash.days', { n: days })} `}{time}
      </span>
    </p>
  );
}

/** The sale price beside the regular one (when catalog lists the SKU) and how much less it is. */
function Prices({ sale, product }: { sale: FlashSaleView; product: SaleProduct | undefined }) {
  const { t, lang } = useI18n();
  const regular = product?.sku.price;
  const off = regular ? percentOff(sale.price, regular) : null;
  return (
    <p className="flash-prices">
      <span className="visually-hidden">{t('flash.salePrice')}</span>
      <strong className="price big" data-testid="flash-price">{formatMoney(sale.price, lang)}</strong>
      {regular && (
        <>
          {' '}<span className="visually-hidden">{t('flash.regularPrice')}</span>
          <s className="was" data-testid="regular-price">{formatMoney(regular, lang)}</s>
        </>
      )}
      {off !== null && <> <span className="badge off">{t('flash.off', { percent: off })}</span></>}
    </p>
  );
}

/** Units left of the sale's, as a bar and in words, and the per-shopper limit. */
function Units({ sale, now }: { sale: FlashSaleView; now: number }) {
  const { t, lang } = useI18n();
  const left = Math.max(0, Math.min(sale.remaining, sale.quantity));
  return (
    <div className="units">
      <div className="bar" aria-hidden="true"><span style={{ width: `${(left * 100) / sale.quantity}%` }} /></div>
      <p>
        <span data-testid="units-left">{t('flash.left', { left: left.toLocaleString(lang), quantity: sale.quantity.toLocaleString(lang) })}</span>
        {' · '}<span data-testid="limit">{t('flash.limit', { n: sale.perShopperLimit })}</span>
      </p>
      {left === 0 && phaseAt(sale, now) === 'LIVE' && <p className="muted">{t('flash.allTaken')}</p>}
    </div>
  );
}

function nameOf(sale: FlashSaleView, product: SaleProduct | undefined, lang: Parameters<typeof localName>[2]): string {
  return product ? localName(product.product.names, product.product.name, lang) : sale.sku;
}

/** Upcoming and live sales, soonest first, each counting down on the server's clock. */
export function FlashSalesPage() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const sales = useQuery({ ...queries.flashSales(api), refetchInterval: LIST_MS });
  const now = useServerNow(sales.data?.offsetMs ?? 0);
  const products = useSaleProducts(sales.data?.data.map((s) => s.sku) ?? []);
  return (
    <section>
      <h1>{t('flash.title')}</h1>
      <Loaded query={sales}>
        {({ data: list }) => list.length === 0 ? <p className="notice">{t('flash.none')}</p> : (
          <ul className="flash-sales">
            {list.map((sale) => {
              const product = products?.get(sale.sku);
              const name = nameOf(sale, product, lang);
              return (
                <li key={sale.id} className="flash-card" data-sale={sale.id}>
                  <ProductArt name={name} />
                  <div className="flash-card-body">
                    <div className="order-head">
                      <h2><Link to={`/flash-sales/${sale.id}`}>{name}</Link></h2>
                      <PhaseBadge phase={phaseAt(sale, now)} />
                    </div>
                    <Countdown sale={sale} now={now} />
                    <Prices sale={sale} product={product} />
                    <Units sale={sale} now={now} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

/** One sale: its countdown, prices and units, and the buy panel with the answer to each attempt. */
export function FlashSalePage({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const sale = useQuery({
    ...queries.flashSale(api, id),
    refetchInterval: (q) => (q.state.data?.data.phase === 'ENDED' ? false : SALE_MS),
  });
  const offsetMs = sale.data?.offsetMs ?? 0;
  const now = useServerNow(offsetMs);
  const products = useSaleProducts(sale.data ? [sale.data.data.sku] : []);
  return (
    <Loaded query={sale}>
      {({ data: s }) => {
        const product = products?.get(s.sku);
        const name = nameOf(s, product, lang);
        return (
          <article className="product flash-sale">
            <ProductArt name={name} large />
            <div className="buy">
              <div className="order-head"><h1>{name}</h1><PhaseBadge phase={phaseAt(s, now)} /></div>
              {product && <Link to={`/products/${product.product.id}`} className="muted">{s.sku}</Link>}
              <Countdown sale={s} now={now} />
              <p className="muted">{t('flash.window', { from: formatTime(s.startsAt, lang), to: formatTime(s.endsAt, lang) })}</p>
              {Math.abs(offsetMs) > NOTABLE_OFFSET_MS && (
                <p className="muted" data-testid="clock-off">{t('flash.clockOff', { seconds: Math.round(Math.abs(offsetMs) / 1000) })}</p>
              )}
              <Prices sale={s} product={product} />
              <Units sale={s} now={now} />
              <FlashSaleBuy sale={s} now={now} offsetMs={offsetMs} resync={() => void sale.refetch()} />
            </div>
          </article>
        );
      }}
    </Loaded>
  );
}
