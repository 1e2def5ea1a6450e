import type { LotteryPrize } from '../api';

// What a shopper can check of an ended lottery in their own browser, with loyalty's DrawRandomness
// rules: the revealed seed hashes to the commitment published at the start, and which draws of the
// proof are theirs (their pseudonym is an HMAC of their account id under the seed).

const bytesOf = (hex: string): Uint8Array<ArrayBuffer> | null => {
  if (!/^([0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
};

const hexOf = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Whether hex(SHA-256(seed)) is the commitment: the seed is the one fixed before the first draw. */
export async function seedMatchesCommitment(seedHex: string, commitment: string): Promise<boolean> {
  const seed = bytesOf(seedHex);
  if (!seed) return false;
  return hexOf(await crypto.subtle.digest('SHA-256', seed)) === commitment.toLowerCase();
}

/** The shopper's pseudonym in the proof: hex of the first 16 bytes of HMAC-SHA256(seed, "participant:" + id). */
export async function participantOf(seedHex: string, shopperId: string): Promise<string | null> {
  const seed = bytesOf(seedHex);
  if (!seed) return null;
  const key = await crypto.subtle.importKey('raw', seed, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`participant:${shopperId}`));
  return hexOf(mac.slice(0, 16));
}

/** Each prize's chance of one draw, as published: its weight over all weights, no prize included. */
export function oddsOf(prizes: Pick<LotteryPrize, 'weight'>[], noPrizeWeight: number): number[] {
  const total = prizes.reduce((sum, p) => sum + p.weight, noPrizeWeight);
  return prizes.map((p) => (total > 0 ? p.weight / total : 0));
}
