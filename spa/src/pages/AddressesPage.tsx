import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { newIdempotencyKey, type AddressView } from '../api';
import { AddressForm } from '../components/AddressForm';
import { AddressLines } from '../components/DeliveryAddress';
import { ErrorBox, Loaded, SignedInPage } from '../components/Status';
import { useI18n } from '../i18n';
import { asApiError, keys, queries, useApiClient } from '../queries';

/** cart-order keeps at most this many addresses per shopper (422 address-book-full beyond). */
export const MAX_ADDRESSES = 20;

/** Deleting an address and making one the default: either changes the book, which is read again. */
function useBookChange() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: 'delete' | 'default' }) => (change === 'delete'
      ? api.request(`/cart-order/addresses/${id}`, { method: 'DELETE' })
      : api.request(`/cart-order/addresses/${id}/default`, { method: 'POST', idempotencyKey: newIdempotencyKey() })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.addresses }),
  });
}

function AddressCard({ address, onEdit, busy, change }: {
  address: AddressView; onEdit(): void; busy: boolean; change(change: 'delete' | 'default'): void;
}) {
  const { t } = useI18n();
  return (
    <li className={address.isDefault ? 'address default' : 'address'} data-address-id={address.id}>
      {address.isDefault && <span className="badge status-completed">{t('address.default')}</span>}
      <address><AddressLines address={address} /></address>
      <div className="actions">
        <button type="button" onClick={onEdit} disabled={busy}>{t('address.edit')}</button>
        {!address.isDefault && <button type="button" onClick={() => change('default')} disabled={busy}>{t('address.makeDefault')}</button>}
        <button type="button" disabled={busy}
          onClick={() => window.confirm(t('address.deleteConfirm', { recipient: address.recipient })) && change('delete')}>
          {t('address.delete')}
        </button>
      </div>
    </li>
  );
}

function AddressBook() {
  const { t } = useI18n();
  const api = useApiClient();
  const book = useQuery(queries.addresses(api));
  const change = useBookChange();
  // 'new' for the new-address form, an address's id for its edit form; the cart sends ?add=1 to open the first.
  const [params] = useSearchParams();
  const [editing, setEditing] = useState<number | 'new' | null>(params.get('add') ? 'new' : null);
  const [saved, setSaved] = useState(false);
  const back = params.get('back');
  const done = () => { setEditing(null); setSaved(true); };
  const open = (which: number | 'new') => { change.reset(); setSaved(false); setEditing(which); };
  return (
    <Loaded query={book}>
      {(list) => (
        <>
          <div className="address-bar">
            <p className="muted">{list.length === 0 ? t('address.none') : t('address.count', { n: list.length, max: MAX_ADDRESSES })}</p>
            {editing !== 'new' && list.length < MAX_ADDRESSES && (
              <button type="button" className="primary" onClick={() => open('new')}>{t('address.add')}</button>
            )}
          </div>
          {saved && <p className="ok" role="status">{t('address.saved')} {back === 'cart' && <Link to="/cart">{t('nav.cart')}</Link>}</p>}
          {editing === 'new' && <AddressForm onSaved={done} onCancel={() => setEditing(null)} />}
          {change.error && <ErrorBox error={asApiError(change.error)} />}
          <ul className="addresses">
            {list.map((a) => (editing === a.id
              ? <li key={a.id} className="address editing"><AddressForm address={a} onSaved={done} onCancel={() => setEditing(null)} /></li>
              : <AddressCard key={a.id} address={a} busy={change.isPending} onEdit={() => open(a.id)}
                change={(c) => { setSaved(false); change.mutate({ id: a.id, change: c }); }} />))}
          </ul>
        </>
      )}
    </Loaded>
  );
}

/** The signed-in shopper's address book: the default first and marked; add, edit, delete, make default. */
export function AddressesPage() {
  const { t } = useI18n();
  return <SignedInPage title={t('address.title')} role="shopper"><AddressBook /></SignedInPage>;
}
