/** Money as the services send it: minor units (fen, cents) and an ISO-4217 currency. Never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** How many minor units a currency has (CNY 2, JPY 0), as the browser knows it. */
export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(money: Money, locale: string): string {
  const digits = fractionDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency })
    .format(money.amountMinor / 10 ** digits);
}

/**
 * "128.5" in CNY → 12850 minor units, by string arithmetic (no float rounding). Null when the text
 * is not a positive amount with at most the currency's decimals.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const match = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minor > 0 && Number.isSafeInteger(minor) ? minor : null;
}

/** 12850 minor units of CNY → "128.50", for an input field. */
export function amountText(amountMinor: number, currency: string): string {
  const digits = fractionDigits(currency);
  if (digits === 0) return String(amountMinor);
  const text = String(amountMinor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
