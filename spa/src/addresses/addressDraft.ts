import type { AddressDraft, AddressView, ApiError, DeliveryAddress } from '../api';

/** The address form as a shopper types it; turned into cart-order's AddressDraft only when valid. */
export interface AddressForm {
  recipient: string;
  phone: string;
  country: string;
  province: string;
  city: string;
  district: string;
  line1: string;
  line2: string;
  postcode: string;
  label: string;
}

export type AddressField = keyof AddressForm;

/** What is wrong with a field, by the rules cart-order's address validation keeps (the service has the last word). */
export type AddressProblem =
  | 'required' | 'tooLong' | 'phoneCN' | 'phone' | 'country'
  | 'postcodeCN' | 'postcodeUS' | 'postcodeJP' | 'postcodeGB' | 'postcodeFiveDigits' | 'postcode';

/** The countries the form offers, mainland China first. */
export const COUNTRIES = ['CN', 'HK', 'JP', 'US', 'GB', 'DE', 'FR', 'SG'] as const;

/** The fields' longest lengths, as cart-order's AddressDraft bounds them. */
export const MAX_LENGTH: Record<AddressField, number> = {
  recipient: 50, phone: 20, country: 2, province: 50, city: 50, district: 50, line1: 120, line2: 120, postcode: 10, label: 20,
};

// cart-order's AddressPolicy, rule for rule.
/** A mainland mobile number: 1[3-9] and nine more digits, after an optional +86 (spaces and hyphens aside). */
const PHONE_CN = /^(\+86)?1[3-9]\d{9}$/;
/** Elsewhere 6 to 20 digits, spaces, brackets or hyphens after an optional +, at least 6 of them digits. */
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
/** Each country's postcode form (checked in upper case); a country not listed has the general one. */
const POSTCODES: Record<string, { pattern: RegExp; problem: AddressProblem }> = {
  CN: { pattern: /^\d{6}$/, problem: 'postcodeCN' },
  US: { pattern: /^\d{5}(-\d{4})?$/, problem: 'postcodeUS' },
  JP: { pattern: /^\d{3}-?\d{4}$/, problem: 'postcodeJP' },
  DE: { pattern: /^\d{5}$/, problem: 'postcodeFiveDigits' },
  FR: { pattern: /^\d{5}$/, problem: 'postcodeFiveDigits' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, problem: 'postcodeGB' },
};
const ANY_POSTCODE = { pattern: /^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/, problem: 'postcode' as AddressProblem };
/** Where an address may have no postcode. */
export const WITHOUT_POSTCODES = ['HK', 'AE', 'IE'];

export const emptyAddress = (country = 'CN'): AddressForm => ({
  recipient: '', phone: '', country, province: '', city: '', district: '', line1: '', line2: '', postcode: '', label: '',
});

/** The form of an address in the book, to edit it. */
export function addressFormOf(a: AddressView): AddressForm {
  return {
    recipient: a.recipient, phone: a.phone, country: a.country, province: a.province ?? '', city: a.city,
    district: a.district ?? '', line1: a.line1, line2: a.line2 ?? '', postcode: a.postcode ?? '', label: a.label ?? '',
  };
}

/** A phone number without the spaces and dashes people type inside it. */
export function compactPhone(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/** Field → what is wrong with it; empty when the form can be sent. */
export function addressProblems(f: AddressForm): Partial<Record<AddressField, AddressProblem>> {
  const problems: Partial<Record<AddressField, AddressProblem>> = {};
  const cn = f.country === 'CN';
  const need = (field: AddressField, required: boolean) => {
    const text = f[field].trim();
    if (required && text === '') problems[field] = 'required';
    else if ([...text].length > MAX_LENGTH[field]) problems[field] = 'tooLong';
  };
  need('recipient', true);
  const phone = f.phone.trim();
  if (phone === '') problems.phone = 'required';
  else if (cn && !PHONE_CN.test(compactPhone(phone))) problems.phone = 'phoneCN';
  else if (!cn && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 6)) problems.phone = 'phone';
  if (!(COUNTRIES as readonly string[]).includes(f.country)) problems.country = 'country';
  need('province', cn || f.country === 'US');
  need('city', true);
  need('district', cn);
  need('line1', true);
  need('line2', false);
  need('label', false);
  const postcode = f.postcode.trim().toUpperCase();
  const rule = POSTCODES[f.country] ?? ANY_POSTCODE;
  if (problems.country) {
    // A postcode's form depends on the country.
  } else if (postcode === '') {
    if (!WITHOUT_POSTCODES.includes(f.country)) problems.postcode = 'required';
  } else if (!rule.pattern.test(postcode)) {
    problems.postcode = rule.problem;
  }
  return problems;
}

/**
 * cart-order's AddressDraft of a form without problems: trimmed, optional fields left empty sent as
 * null, a Chinese mobile without its spaces and hyphens, a postcode in upper case.
 */
export function addressRequest(f: AddressForm): AddressDraft {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  const postcode = f.postcode.trim();
  return {
    recipient: f.recipient.trim(),
    phone: f.country === 'CN' ? compactPhone(f.phone.trim()) : f.phone.trim(),
    country: f.country,
    province: optional(f.province),
    city: f.city.trim(),
    district: optional(f.district),
    line1: f.line1.trim(),
    line2: optional(f.line2),
    postcode: postcode === '' ? null : postcode.toUpperCase(),
    label: optional(f.label),
  };
}

const FIELDS: AddressField[] = ['recipient', 'phone', 'country', 'province', 'city', 'district', 'line1', 'line2', 'postcode', 'label'];

/**
 * Where cart-order's refusal belongs on the form: each violation (422, or Bean Validation's 400) at
 * its field (the last part of the violation's path); {@code general} is true when some of it
 * belongs to no field and the whole problem should be shown above the form.
 */
export function addressServerProblems(error: ApiError): { fields: Partial<Record<AddressField, string>>; general: boolean } {
  const fields: Partial<Record<AddressField, string>> = {};
  if ((error.status !== 400 && error.status !== 422) || error.violations.length === 0) return { fields, general: true };
  let general = false;
  for (const v of error.violations) {
    const name = v.field.slice(v.field.lastIndexOf('.') + 1) as AddressField;
    if (FIELDS.includes(name)) fields[name] = fields[name] ? `${fields[name]}; ${v.message}` : v.message;
    else general = true;
  }
  return { fields, general };
}

/** The country's name in the reader's language ("CN" → 中国 or China), else its code. */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * An address as it is written on a parcel: in China from the province down to the street, without
 * separators; elsewhere from the street up to the country, separated by commas.
 */
export function addressText(a: DeliveryAddress, lang: string): string {
  const parts = (list: (string | null | undefined)[]) => list.filter((p): p is string => !!p && p.trim() !== '');
  if (a.country === 'CN') {
    return parts([a.province, a.city, a.district, a.line1, a.line2]).join(' ') + (a.postcode ? ` ${a.postcode}` : '');
  }
  const cityLine = parts([a.city, parts([a.province, a.postcode]).join(' ')]).join(', ');
  return parts([a.line1, a.line2, a.district, cityLine, countryName(a.country, lang)]).join(', ');
}

/**
 * The address a checkout sends: the one the shopper picked while it is still in the book, else the
 * default, else none (an empty book, or one not read yet).
 */
export function chosenAddress(book: AddressView[] | undefined, picked: number | null): number | null {
  if (!book) return null;
  if (picked !== null && book.some((a) => a.id === picked)) return picked;
  return book.find((a) => a.isDefault)?.id ?? null;
}

/** Whether a checkout's refusal is cart-order's 422 address-not-yours (an address deleted meanwhile, or another shopper's). */
export function isAddressNotYours(error: ApiError): boolean {
  return error.status === 422 && error.type.slice(error.type.lastIndexOf('/') + 1) === 'address-not-yours';
}
