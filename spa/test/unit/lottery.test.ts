import { createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import { oddsOf, participantOf, seedMatchesCommitment } from '../../src/lottery/proof';

// The vectors of loyalty's DrawRandomnessTest.
const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

test('a revealed seed is checked against the commitment published at the start', async () => {
  expect(await seedMatchesCommitment(SEED, '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd')).toBe(true);
  expect(await seedMatchesCommitment('00'.repeat(32), '66687AADF862BD776C8FC18B8E9F8E20089714856EE233B3902A591D0D5F2925')).toBe(true);
  expect(await seedMatchesCommitment(SEED, '66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925')).toBe(false);
  expect(await seedMatchesCommitment('not hex', '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd')).toBe(false);
});

test('a shopper finds their own draws by the pseudonym only the seed and their id give', async () => {
  const expected = createHmac('sha256', Buffer.from(SEED, 'hex')).update('participant:shopper-1').digest('hex').slice(0, 32);
  expect(await participantOf(SEED, 'shopper-1')).toBe(expected);
  expect(await participantOf(SEED, 'shopper-2')).not.toBe(expected);
  expect(await participantOf('xyz', 'shopper-1')).toBeNull();
});

test('the odds are each weight over every weight, no prize included', () => {
  expect(oddsOf([{ weight: 1 }, { weight: 3 }], 6)).toEqual([0.1, 0.3]);
  expect(oddsOf([{ weight: 5 }], 0)).toEqual([1]);
});
