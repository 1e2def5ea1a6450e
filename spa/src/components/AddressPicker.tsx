import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { AddressView } from '../api';
import { useI18n } from '../i18n';
import { asApiError, queries, useApiClient } from '../queries';
import { AddressForm } from './AddressForm';
import { AddressLines } from './DeliveryAddress';
import { ErrorBox } from './Status';

/**
 * The address a checkout delivers to, that the shopper picks from their book (the default is
 * what {@code chosen} starts as: the cart page works it out with chosenAddress). With an
 * empty book the form to add one is right here, and the new address is chosen once saved.
 */
export function AddressPicker({ chosen, onChange, disabled }: { chosen: number | null; onChange(id: number): void; disabled: boolean }) {
  const { t } = useI18n();
  const api = useApiClient();
  const id = useId();
  const book = useQuery(queries.addresses(api));
  const [adding, setAdding] = useState(false);
  const added = (a: AddressView) => { setAdding(false); onChange(a.id); };
  return (
    <section className="use-points address-picker" aria-labelledby={`${id}-title`} data-testid="address-picker">
      <h2 id={`${id}-title`}>{t('address.deliverTo')}</h2>
      {book.error && <ErrorBox error={asApiError(book.error)} retry={() => void book.refetch()} />}
      {book.data && book.data.length > 0 && (
        <fieldset className="address-choices">
          <legend>{t('address.choose')}</legend>
          {book.data.map((a) => (
            <label key={a.id} className={a.id === chosen ? 'address-choice chosen' : 'address-choice'} data-address-id={a.id}>
              <input type="radio" name={`${id}-address`} value={a.id} checked={a.id === chosen} disabled={disabled}
                onChange={() => onChange(a.id)} />
              <AddressLines address={a} />
              {a.isDefault && <span className="badge status-completed">{t('address.default')}</span>}
            </label>
          ))}
        </fieldset>
      )}
      {book.data && (book.data.length === 0 || adding)
        ? <AddressForm onSaved={added} onCancel={book.data.length > 0 ? () => setAdding(false) : undefined} />
        : book.data && (
          <p className="address-links">
            <button type="button" className="link" onClick={() => setAdding(true)} disabled={disabled}>{t('address.addAnother')}</button>
            <Link to="/account/addresses">{t('address.manage')}</Link>
          </p>
        )}
    </section>
  );
}

