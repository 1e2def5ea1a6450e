import { Link } from 'react-router';
import type { Money } from '../money';
import { formatMoney } from '../money';
import { useI18n, localName } from '../i18n';

const PALETTE = ['#fde68a', '#bbf7d0', '#bfdbfe', '#fbcfe8', '#ddd6fe', '#fed7aa', '#a5f3fc'];

/** A picture stand-in until products carry images: the name's first character on a colour of its own. */
export function ProductArt({ name, large = false }: { name: string; large?: boolean }) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return (
    <div className={large ? 'art art-large' : 'art'} style={{ background: PALETTE[hash % PALETTE.length] }} aria-hidden="true">
      {[...name.trim()][0] ?? '?'}
    </div>
  );
}

export function ProductTile({ id, names, fallbackName, fromPrice }:
  { id: number; names: Record<string, string>; fallbackName: string; fromPrice: Money | null }) {
  const { t, lang } = useI18n();
  const name = localName(names, fallbackName, lang);
  return (
    <li className="tile">
      <Link to={`/products/${id}`} className="tile-link">
        <ProductArt name={name} />
        <span className="tile-name">{name}</span>
        {fromPrice && <span className="price">{t('common.from', { price: formatMoney(fromPrice, lang) })}</span>}
      </Link>
    </li>
  );
}

/** The lowest price among SKUs of one currency (the first SKU's). */
export function lowestPrice(prices: Money[]): Money | null {
  if (prices.length === 0) return null;
  const currency = prices[0].currency;
  return prices.filter((p) => p.currency === currency).reduce((a, b) => (b.amountMinor < a.amountMinor ? b : a));
}
