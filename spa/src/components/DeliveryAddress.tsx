import { useId } from 'react';
import { addressText } from '../addresses/addressDraft';
import type { DeliveryAddress } from '../api';
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

/** "Deliver to" on an order: the copy of the address taken at checkout (orders placed without one show nothing). */
export function DeliverTo({ address }: { address: DeliveryAddress | null | undefined }) {
  const { t } = useI18n();
  const id = useId();
  if (!address) return null;
  return (
    <section className="deliver-to" aria-labelledby={`${id}-title`} data-testid="deliver-to">
      <h2 id={`${id}-title`}>{t('address.deliverTo')}</h2>
      <address><AddressLines address={address} /></address>
    </section>
  );
}
