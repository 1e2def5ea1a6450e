/**
 * Which channels a shopper is offered and how each one is presented: Alipay and WeChat Pay by a QR
 * code on a desktop and by a redirect to the channel's page on a phone; a card by the PSP's token.
 */

export type ChannelName = 'alipay' | 'wechat' | 'card';
export type Presentation = 'QR_CODE' | 'REDIRECT' | 'TOKEN';
export type Device = 'phone' | 'desktop';

/** The order the storefront lists channels in: the wallets most shoppers in China use first. */
export const CHANNEL_ORDER: ChannelName[] = ['alipay', 'wechat', 'card'];

/** Narrower than this, or with a touch screen and no mouse, is a phone: a QR code cannot be scanned by the phone showing it. */
export const PHONE_MAX_WIDTH = 760;

/** A phone or a desktop, from the viewport's width and whether its main pointer is coarse (a finger). */
export function deviceOf(viewport: { width: number; coarsePointer: boolean }): Device {
  return viewport.width <= PHONE_MAX_WIDTH || viewport.coarsePointer ? 'phone' : 'desktop';
}

export function presentationFor(channel: ChannelName, device: Device): Presentation {
  if (channel === 'card') return 'TOKEN';
  return device === 'phone' ? 'REDIRECT' : 'QR_CODE';
}

export interface Offer { name: string; available: boolean }

/** The channels pay offers that the storefront knows how to show, in {@link CHANNEL_ORDER}. */
export function offeredChannels(offers: Offer[]): { name: ChannelName; available: boolean }[] {
  return CHANNEL_ORDER.flatMap((name) => {
    const offer = offers.find((o) => o.name === name);
    return offer ? [{ name, available: offer.available }] : [];
  });
}

/**
 * The channel chosen at first: the card when it is up (one click with a saved choice), else the
 * first one up, else none.
 */
export function firstChoice(offers: { name: ChannelName; available: boolean }[]): ChannelName | null {
  const up = offers.filter((o) => o.available);
  return up.find((o) => o.name === 'card')?.name ?? up[0]?.name ?? null;
}

/** A channel pay refused with 503 channel-unavailable is shown as down until the channels are read again. */
export function withDown(offers: { name: ChannelName; available: boolean }[], down: ChannelName | null) {
  return offers.map((o) => (o.name === down ? { ...o, available: false } : o));
}

/** Where the channel sends the shopper's browser back after a redirect: this order's page. */
export function returnUrlOf(origin: string, orderId: number): string {
  return `${origin}/orders/${orderId}`;
}
