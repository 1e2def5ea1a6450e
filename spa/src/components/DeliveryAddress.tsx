import { useId } from 'react';
import { addressText } from '../addresses/addressDraft';
import type { DeliveryAddress, OrderView, ShippingOption } from '../api';
import { useI18n } from '../i18n';

/** An address as a parcel's label shows it: who, their phone, and where (in the reader's language's order). */
export function AddressLines({ address }: { address: DeliveryAddress }) {
  const { lang } = useI18n();
  return (
    <span className="address-lines">
      <strong>{address.recipient}</strong> <span>{address.phone}</span>
      {address.label && <span className="badge">{address.label}</span>}
      <span className="address-text">{addressText(address, lang)}</span>
    </span>
  );
}

/**
 * "Deliver to" on an order: the copy of the address taken at checkout and the delivery service chosen
 * (orders placed without an address show nothing).
 */
export function DeliverTo({ address, shipping }: { address: DeliveryAddress | null | undefined; shipping?: OrderView['shipping'] }) {
  const { t } = useI18n();
  const id = useId();
  if (!address) return null;
  return (
    <section className="deliver-to" aria-labelledby={`${id}-title`} data-testid="deliver-to">
      <h2 id={`${id}-title`}>{t('address.deliverTo')}</h2>
      <address><AddressLines address={address} /></address>
      {shipping && <p className="muted" data-testid="delivery-service">{t(`shipping.${shipping.option as ShippingOption}`)}</p>}
    </section>
  );
}
