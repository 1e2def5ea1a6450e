import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useI18n } from '../i18n';
import { formatMoney, fractionDigits, type Money } from '../money';
import { POINTS_RULE, maxPointsFor, parsePoints, pointsPayment, usablePoints } from '../points/pointsAtCheckout';
import { queries, useApiClient } from '../queries';

/** What the shopper chose: whether to use points, and the count as typed. */
export interface PointsChoice { use: boolean; text: string }

export const NO_POINTS: PointsChoice = { use: false, text: '' };

/** The points the choice asks the service for at checkout (0: none; null: not a whole number). */
export function requestedPoints(choice: PointsChoice): number | null {
  return choice.use ? parsePoints(choice.text) : 0;
}

/** Why the typed points will not do, as a message key, else null. */
function problemOf(goods: Money, balance: number, requested: number | null) {
  if (requested === null) return 'usePoints.notWhole' as const;
  if (requested === 0) return null;
  if (requested > balance) return 'usePoints.overBalance' as const;
  if (requested > maxPointsFor(goods)) return 'usePoints.overMax' as const;
  if (!pointsPayment(goods, requested)) return 'usePoints.tooFew' as const;
  return null;
}

/**
 * The cart's "use points" control: the balance, the most this cart can use by cart-order's rule,
 * and what the typed points would take off. The service decides at checkout; what it refuses is
 * shown in its own words.
 */
export function UsePoints({ goods, choice, onChange, disabled }: {
  goods: Money; choice: PointsChoice; onChange(choice: PointsChoice): void; disabled: boolean;
}) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const id = useId();
  const account = useQuery(queries.pointsBalance(api));
  if (!account.data) {
    return account.error ? <p className="muted use-points">{t('usePoints.unknown')}</p> : null;
  }
  const balance = account.data.balance;
  const usable = usablePoints(goods, balance);
  const requested = requestedPoints(choice);
  const problem = problemOf(goods, balance, requested);
  const rule = t('usePoints.rule', {
    points: POINTS_RULE.perCurrencyUnit,
    unit: formatMoney({ amountMinor: 10 ** fractionDigits(goods.currency), currency: goods.currency }, lang),
    share: `${POINTS_RULE.maxShareBasisPoints / 100}%`,
  });
  return (
    <section className="use-points" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('usePoints.title')}</h2>
      <p>
        {t('usePoints.balance', { points: balance.toLocaleString(lang) })}{' '}
        {usable > 0 && <span data-testid="points-usable">{t('usePoints.usable', { points: usable.toLocaleString(lang) })}</span>}
      </p>
      <p className="muted">{rule}</p>
      {usable > 0 && (
        <div className="inline">
          <label className="chip">
            <input type="checkbox" checked={choice.use} disabled={disabled}
              onChange={(e) => onChange({ use: e.target.checked, text: choice.text || String(usable) })} />
            {t('usePoints.use')}
          </label>
          {choice.use && (
            <>
              <label className="inline">
                <span>{t('usePoints.count')}</span>
                <input name="points" inputMode="numeric" value={choice.text} disabled={disabled}
                  aria-invalid={problem !== null} aria-describedby={problem ? `${id}-problem` : undefined}
                  onChange={(e) => onChange({ use: true, text: e.target.value })} />
              </label>
              <button type="button" className="link" disabled={disabled} onClick={() => onChange({ use: true, text: String(usable) })}>
                {t('usePoints.most', { points: usable.toLocaleString(lang) })}
              </button>
            </>
          )}
        </div>
      )}
      {choice.use && problem && (
        <p className="hint" id={`${id}-problem`} role="status">
          {t(problem, { balance: balance.toLocaleString(lang), max: maxPointsFor(goods).toLocaleString(lang) })}
        </p>
      )}
    </section>
  );
}

