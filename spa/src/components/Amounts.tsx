import type { OrderView, ShippingOption } from '../api';
import { useI18n } from '../i18n';
import { Link } from 'react-router';
import { formatMoney, type Money } from '../money';

/** One thing taken off the goods' subtotal, named for the reader. */
export interface AmountOff { label: string; amount: Money }

/**
 * The goods' subtotal, each thing taken off it line by line, a delivery fee added, and what is left
 * to pay in money; with nothing taken off or added, the total alone.
 */
export function Amounts({ subtotal, off, added = [], total, testId }: {
  subtotal: Money; off: AmountOff[]; added?: AmountOff[]; total: Money; testId?: string;
}) {
  const { t, lang } = useI18n();
  const itemised = off.length + added.length > 0;
  return (
    <dl className="amounts">
      {itemised && (
        <>
          <div><dt>{t('amounts.subtotal')}</dt><dd>{formatMoney(subtotal, lang)}</dd></div>
          {off.map((o, i) => (
            // Two coupons of one template share a name: the place in the list tells them apart.
            <div key={i} className="off" data-testid="amount-off">
              <dt>{o.label}</dt><dd>{'\u2212'}{formatMoney(o.amount, lang)}</dd>
            </div>
          ))}
          {added.map((a, i) => (
            <div key={`added-${i}`} className="added" data-testid="amount-added">
              <dt>{a.label}</dt><dd>+{formatMoney(a.amount, lang)}</dd>
            </div>
          ))}
        </>
      )}
      <div className="total">
        <dt>{itemised ? t('amounts.toPay') : t('order.total')}</dt>
        <dd data-testid={testId}>{formatMoney(total, lang)}</dd>
      </div>
    </dl>
  );
}

/**
 * An order's amounts as cart-order explains them: subtotal, each adjustment in the order it was
 * taken (each coupon with its name and why, then the points), the money left to pay.
 */
export function OrderAmounts({ order }: { order: OrderView }) {
  const { t, known, lang } = useI18n();
  const labelOf = (a: OrderView['adjustments'][number]) => {
    if (a.kind === 'POINTS') return t('amounts.points', { points: order.pointsUsed.toLocaleString(lang) });
    if (a.kind === 'COUPON') return t('amounts.coupon', { name: a.description });
    return known(`amounts.${a.kind}`, a.description);
  };
  const off = order.adjustments.map((a) => ({ label: labelOf(a), amount: a.amount }));
  // Free delivery adds no line; a paid one is named by its service (an order from before delivery options has none).
  const shipping = order.shipping as OrderView['shipping'] | undefined;
  const added = shipping && shipping.fee.amountMinor > 0
    ? [{ label: t('shipping.fee', { option: t(`shipping.${shipping.option as ShippingOption}`) }), amount: shipping.fee }] : [];
  return (
    <>
      {order.kind === 'REDEMPTION' && <p className="redeemed-with" data-testid="redeemed-with">{t('order.redeemedWith', { points: order.pointsUsed.toLocaleString(lang) })}</p>}
      {order.replacementFor != null && (
        <p className="replacement-for" data-testid="replacement-for">
          <Link to={`/orders/${order.replacementFor}`}>{t('order.replacementFor', { id: order.replacementFor })}</Link>
        </p>
      )}
      <Amounts subtotal={order.subtotal} off={off} added={added} total={order.total} testId="order-total" />
    </>
  );
}
