import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { ShippingOption } from '../api';
import { useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, queries, useApiClient } from '../queries';
import { ErrorBox } from './Status';

/**
 * The delivery services cart-order offers the cart to the chosen address, each with its fee (or
 * free), its days and the goods' value it would be free from; the shopper picks one. The fees come
 * from the server, priced by the address's zone and the parcel's weight.
 */
export function ShippingChoice({ addressId, chosen, onChange, disabled }: {
  addressId: number | null; chosen: ShippingOption; onChange(option: ShippingOption): void; disabled: boolean;
}) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const id = useId();
  const options = useQuery(queries.shippingOptions(api, addressId));
  return (
    <section className="use-points shipping-choice" aria-labelledby={`${id}-title`} data-testid="shipping-choice">
      <h2 id={`${id}-title`}>{t('shipping.title')}</h2>
      {options.error && <ErrorBox error={asApiError(options.error)} retry={() => void options.refetch()} />}
      {options.data && options.data.length === 0 && <p className="hint">{t('shipping.none')}</p>}
      {options.data && options.data.length > 0 && (
        <fieldset className="address-choices">
          <legend>{t('shipping.choose')}</legend>
          {options.data.map((o) => {
            const free = o.fee.amountMinor === 0;
            return (
              <label key={o.option} className={o.option === chosen ? 'address-choice chosen' : 'address-choice'}
                data-shipping-option={o.option}>
                <input type="radio" name={`${id}-shipping`} value={o.option} checked={o.option === chosen} disabled={disabled}
                  onChange={() => onChange(o.option as ShippingOption)} />
                <span className="shipping-text">
                  <strong>{t(`shipping.${o.option as ShippingOption}`)}</strong>
                  <span className="muted">
                    {t('shipping.days', { min: o.minDays, max: o.maxDays })}
                    {o.zone !== 'MAINLAND' && ` · ${t(`shipping.zone.${o.zone as 'REMOTE' | 'INTERNATIONAL'}`)}`}
                    {` · ${t('shipping.weight', { kg: (o.weightGrams / 1000).toLocaleString(lang, { maximumFractionDigits: 2 }) })}`}
                  </span>
                  {!free && o.freeFrom && (
                    <span className="muted">{t('shipping.freeFrom', { amount: formatMoney(o.freeFrom, lang) })}</span>
                  )}
                </span>
                <span className="price" data-testid="shipping-fee">{free ? t('shipping.free') : formatMoney(o.fee, lang)}</span>
              </label>
            );
          })}
        </fieldset>
      )}
    </section>
  );
}
