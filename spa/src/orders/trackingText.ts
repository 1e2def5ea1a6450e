import { formatTime, translate, type Lang } from '../i18n';
import { en, type MessageKey } from '../messages';

/** What a tracking event says, as shipping reports it: a code and place code, and the carrier's own words. */
export interface Scan {
  status: string;
  code: string;
  place?: string | null;
  location: string;
}

const text = (lang: Lang, key: string, fallback: string) =>
  key in en ? translate(lang, key as MessageKey) : fallback;

/**
 * A scan in the reader's language: what happened by its code, where by its place code. A code or
 * place this SPA does not know yet (a new carrier's) shows the status and the carrier's location as sent.
 */
export function scanText(scan: Scan, lang: Lang): { what: string; where: string } {
  return {
    what: text(lang, `tracking.code.${scan.code}`, text(lang, `tracking.${scan.status}`, scan.status)),
    where: scan.place ? text(lang, `tracking.place.${scan.place}`, scan.location) : scan.location,
  };
}

/** "Expected by …" for a parcel on its way; nothing once it is delivered or stopped (no ETA). */
export function etaText(eta: string | null | undefined, lang: Lang): string | null {
  return eta ? translate(lang, 'tracking.eta', { time: formatTime(eta, lang) }) : null;
}

/** The parcel's heading: its carrier by name where this SPA knows it, and its waybill once the carrier gave one. */
export function parcelText(shipment: { carrier: string; trackingNumber?: string | null }, lang: Lang): string {
  const carrier = text(lang, `tracking.carrier.${shipment.carrier}`, shipment.carrier);
  return shipment.trackingNumber
    ? translate(lang, 'tracking.parcel', { number: shipment.trackingNumber, carrier })
    : translate(lang, 'tracking.booking', { carrier });
}
