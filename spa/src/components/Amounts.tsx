import type { OrderView } from '../api';
import { useI18n } from '../i18n';
import { formatMoney, type Money } from '../money';

/** One thing taken off the goods' subtotal, named for the reader. */
export interface AmountOff { label: string; amount: Money }

/**
 * The goods' subtotal, each thing taken off it line by line, and what is left to pay in money;
 * without anything taken off, the total alone.
 */
export function Amounts({ subtotal, off, total, testId }: { subtotal: Money; off: AmountOff[]; total: Money; testId?: string }) {
  const { t, lang } = useI18n();
  return (
    <dl className="amounts">
      {off.length > 0 && (
        <>
          <div><dt>{t('amounts.subtotal')}</dt><dd>{formatMoney(subtotal, lang)}</dd></div>
          {off.map((o) => (
            <div key={o.label} className="off" data-testid="amount-off">
              <dt>{o.label}</dt><dd>{'\u2212'}{formatMoney(o.amount, lang)}</dd>
            </div>
          ))}
        </>
      )}
      <div className="total">
        <dt>{off.length > 0 ? t('amounts.toPay') : t('order.total')}</dt>
        <dd data-testid={testId}>{formatMoney(total, lang)}</dd>
      </div>
    </dl>
  );
}

/** An order's amounts as cart-order explains them: subtotal, each adjustment, the money left to pay. */
export function OrderAmounts({ order }: { order: OrderView }) {
  const { t, known, lang } = useI18n();
  const off = order.adjustments.map((a) => ({
    label: a.kind === 'POINTS' ? t('amounts.points', { points: order.pointsUsed.toLocaleString(lang) })
      : known(`amounts.${a.kind}`, a.description),
    amount: a.amount,
  }));
  return (
    <>
      {order.kind === 'REDEMPTION' && <p className="redeemed-with" data-testid="redeemed-with">{t('order.redeemedWith', { points: order.pointsUsed.toLocaleString(lang) })}</p>}
      <Amounts subtotal={order.subtotal} off={off} total={order.total} testId="order-total" />
    </>
  );
}
