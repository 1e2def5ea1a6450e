import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  COUNTRIES, MAX_LENGTH, WITHOUT_POSTCODES, addressFormOf, addressProblems, addressRequest, addressServerProblems, countryName, emptyAddress,
  type AddressField, type AddressForm as Form,
} from '../addresses/addressDraft';
import { newIdempotencyKey, type AddressView } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { asApiError, keys, useApiClient } from '../queries';
import { ErrorBox } from './Status';

/** Fields whose input helps the browser fill them in and phones show the right keyboard. */
const INPUTS: Partial<Record<AddressField, Record<string, string>>> = {
  recipient: { autoComplete: 'name' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  province: { autoComplete: 'address-level1' },
  city: { autoComplete: 'address-level2' },
  district: { autoComplete: 'address-level3' },
  line1: { autoComplete: 'address-line1' },
  line2: { autoComplete: 'address-line2' },
  postcode: { autoComplete: 'postal-code' },
};

/**
 * A new address ({@code address} absent) or a change to one in the book: checked here by the rules
 * cart-order keeps (each problem at its field once the shopper tried to save), and cart-order's own
 * refusal shown at the fields it names. One Idempotency-Key per draft: a retry of the same draft
 * adds one address, any change is another request.
 */
export function AddressForm({ address, onSaved, onCancel }: {
  address?: AddressView; onSaved(saved: AddressView): void; onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const id = useId();
  const [form, setForm] = useState<Form>(() => (address ? addressFormOf(address) : emptyAddress()));
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const save = useMutation({
    mutationFn: (f: Form) => (address
      ? api.request<AddressView>(`/cart-order/addresses/${address.id}`, { method: 'PUT', body: addressRequest(f) })
      : api.request<AddressView>('/cart-order/addresses', { method: 'POST', idempotencyKey: key, body: addressRequest(f) })),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: keys.addresses });
      onSaved(saved);
    },
  });
  const problems = addressProblems(form);
  const server = save.error ? addressServerProblems(asApiError(save.error)) : { fields: {}, general: false };
  const set = (change: Partial<Form>) => {
    setForm({ ...form, ...change });
    setKey(newIdempotencyKey());
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) save.mutate(form);
  };
  const problemText = (name: AddressField): string | undefined => {
    const own = tried ? problems[name] : undefined;
    if (own) return t(`address.problem.${own}` as MessageKey, { max: MAX_LENGTH[name] });
    return server.fields[name];
  };
  const cn = form.country === 'CN';
  const field = (name: AddressField) => {
    const problem = problemText(name);
    const optional = (name === 'province' && !cn && form.country !== 'US') || (name === 'district' && !cn)
      || (name === 'postcode' && WITHOUT_POSTCODES.includes(form.country));
    return (
      <label className={problem ? 'field invalid' : 'field'}>
        <span>{t(`address.field.${name}` as MessageKey)}{optional && ` ${t('address.optional')}`}</span>
        <input name={name} value={form[name]} aria-invalid={!!problem} aria-describedby={problem ? `${id}-${name}-problem` : undefined}
          onChange={(e) => set({ [name]: e.target.value })} {...INPUTS[name]} />
        {problem && <p className="hint" id={`${id}-${name}-problem`}>{problem}</p>}
      </label>
    );
  };
  const countryProblem = problemText('country');
  const title = address ? t('address.editOf', { recipient: address.recipient }) : t('address.new');
  return (
    <form className="address-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="address-form">
      <h2 id={`${id}-title`}>{title}</h2>
      <fieldset>
        <legend>{t('address.contact')}</legend>
        {field('recipient')}
        {field('phone')}
      </fieldset>
      <fieldset>
        <legend>{t('address.where')}</legend>
        <label className={countryProblem ? 'field invalid' : 'field'}>
          <span>{t('address.field.country')}</span>
          <select name="country" value={form.country} aria-invalid={!!countryProblem}
            aria-describedby={countryProblem ? `${id}-country-problem` : undefined} onChange={(e) => set({ country: e.target.value })}>
            {COUNTRIES.map((c) => <option key={c} value={c}>{countryName(c, lang)}</option>)}
          </select>
          {countryProblem && <p className="hint" id={`${id}-country-problem`}>{countryProblem}</p>}
        </label>
        {field('province')}
        {field('city')}
        {field('district')}
        {field('line1')}
        {field('line2')}
        {field('postcode')}
        {field('label')}
      </fieldset>
      {save.error && server.general && <ErrorBox error={asApiError(save.error)} retry={() => save.mutate(form)} />}
      {((save.error && !server.general) || (tried && Object.keys(problems).length > 0)) && <p className="error" role="alert">{t('address.invalid')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>{t('address.save')}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}
