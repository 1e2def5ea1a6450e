// What a bench/points run needs in the mall: shoppers who have not checked in today (a check-in is
// rewarded once per shopper and day, so each run creates its own, bench-points-<run>-00001 ...,
// and deletes them at the end), and a 1-point voucher in the points mall for them to redeem.
import { randomUUID } from 'node:crypto';
import { api, createUser, deleteUsers, ensureMerchant, inBatches, MERCHANT, signIn } from '../checkout/mall.mjs';

/** How many Keycloak requests run at once while preparing: Keycloak hashes each password at the first sign-in. */
const KEYCLOAK_WIDTH = 6;

export class RunShoppers {
  /** `kind` names the benchmark in the shoppers' names (bench/flash-sale's are bench-flash-<run>-00001 ...). */
  constructor(kind = 'points') {
    this.prefix = `bench-${kind}-${Date.now().toString(36)}-`;
    this.all = [];
  }

  /** `count` more shoppers, created in Keycloak and signed in: [{ name, token, validUntil, points }]. */
  async add(count) {
    const fresh = Array.from({ length: count }, (_, i) => ({
      name: this.prefix + String(this.all.length + i + 1).padStart(5, '0'), token: null, validUntil: 0, points: 0,
    }));
    const began = performance.now();
    await inBatches(fresh, KEYCLOAK_WIDTH, async (s) => {
      await createUser(s.name, { quick: true });
      Object.assign(s, await signIn(s.name));
    });
    this.all.push(...fresh);
    console.log(`  created and signed in ${count} shoppers (${fresh[0].name} …) in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    return fresh;
  }

  /** Signs in again every shopper whose token runs out within `seconds`. */
  async refresh(shoppers, seconds) {
    const stale = shoppers.filter((s) => s.validUntil < Date.now() + seconds * 1000);
    await inBatches(stale, KEYCLOAK_WIDTH, async (s) => Object.assign(s, await signIn(s.name)));
  }

  /** Deletes this run's shoppers from Keycloak (loyalty keeps their check-ins, ledger entries and redemptions). */
  async delete() {
    return deleteUsers(this.prefix);
  }
}

/** A VOUCHER reward of the bench's merchant, 1 point each, enough stock for the run. */
export async function offerVoucher({ stock, perShopperLimit }) {
  await ensureMerchant();
  const { token } = await signIn(MERCHANT);
  const offered = await api('POST', '/api/loyalty/operator/rewards', {
    token, key: randomUUID(),
    body: { name: `Benchmark voucher ${new Date().toISOString()}`, kind: 'VOUCHER', pointsCost: 1, stock, perShopperLimit },
  });
  if (offered.status !== 201) throw new Error(`loyalty refused the voucher: ${offered.status} ${JSON.stringify(offered.json)}`);
  return { id: offered.json.reward.id, pointsCost: 1 };
}

/** Ends the voucher, so the points mall does not fill up with benchmark rewards. */
export async function endVoucher({ id }) {
  const { token } = await signIn(MERCHANT);
  const ended = await api('POST', `/api/loyalty/operator/rewards/${id}/end`, { token, key: randomUUID() });
  if (ended.status !== 200) console.log(`  loyalty did not end voucher ${id}: HTTP ${ended.status}; it stays on offer`);
  return ended.status === 200;
}
