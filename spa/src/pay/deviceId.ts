const STORAGE_KEY = 'quarkmall.device';

/**
 * The id this browser keeps for itself, sent with each payment attempt: pay's risk control counts
 * attempts by device. Random, not derived from the device, and kept until the browser's data is cleared.
 */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage, make: () => string = () => crypto.randomUUID()): string {
  const kept = storage.getItem(STORAGE_KEY);
  if (kept && /^[A-Za-z0-9_-]{1,64}$/.test(kept)) return kept;
  const fresh = make();
  storage.setItem(STORAGE_KEY, fresh);
  return fresh;
}
