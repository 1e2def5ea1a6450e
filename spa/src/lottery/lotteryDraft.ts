import type { NewLottery } from '../api';
import { instantOf } from '../coupons/templateDraft';

/** The lottery form as an operator types it; amounts are points (or points-equivalent for the budget and values). */
export interface PrizeDraft { name: string; kind: 'POINTS' | 'ITEM' | 'VIRTUAL'; weight: string; stock: string; value: string }
export interface LotteryDraft {
  name: string; startsAt: string; endsAt: string; costPerDraw: string; drawsPerShopper: string; budget: string;
  noPrizeWeight: string; prizes: PrizeDraft[];
}

export const emptyPrize = (): PrizeDraft => ({ name: '', kind: 'POINTS', weight: '1', stock: '10', value: '' });
export const emptyLottery = (): LotteryDraft => ({
  name: '', startsAt: '', endsAt: '', costPerDraw: '10', drawsPerShopper: '3', budget: '10000', noPrizeWeight: '10', prizes: [emptyPrize()],
});

const MAX = 1_000_000_000;
const whole = (text: string, min: number, max = MAX) => {
  const n = /^\d{1,13}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return n >= min && n <= max ? n : null;
};

/** Field name → wrong; empty when the lottery can be sent (loyalty's NewLottery ranges). */
export function lotteryProblems(d: LotteryDraft): string[] {
  const wrong: string[] = [];
  if (!d.name.trim()) wrong.push('name');
  const starts = instantOf(d.startsAt);
  const ends = instantOf(d.endsAt);
  if (!starts) wrong.push('startsAt');
  if (!ends || (starts && ends <= starts)) wrong.push('endsAt');
  if (whole(d.costPerDraw, 0) === null) wrong.push('costPerDraw');
  if (whole(d.drawsPerShopper, 1, 1_000_000) === null) wrong.push('drawsPerShopper');
  if (whole(d.budget, 0, 1_000_000_000_000) === null) wrong.push('budget');
  if (whole(d.noPrizeWeight, 0) === null) wrong.push('noPrizeWeight');
  d.prizes.forEach((p, i) => {
    if (!p.name.trim()) wrong.push(`prize-${i}-name`);
    if (whole(p.weight, 1) === null) wrong.push(`prize-${i}-weight`);
    if (whole(p.stock, 0) === null) wrong.push(`prize-${i}-stock`);
    if (whole(p.value, 1) === null) wrong.push(`prize-${i}-value`);
  });
  return wrong;
}

export function lotteryRequestOf(d: LotteryDraft): NewLottery {
  return {
    name: d.name.trim(), startsAt: instantOf(d.startsAt)!, endsAt: instantOf(d.endsAt)!,
    costPerDraw: Number(d.costPerDraw), drawsPerShopper: Number(d.drawsPerShopper), budget: Number(d.budget),
    noPrizeWeight: Number(d.noPrizeWeight),
    prizes: d.prizes.map((p) => ({ name: p.name.trim(), kind: p.kind, weight: Number(p.weight), stock: Number(p.stock), value: Number(p.value) })),
  };
}
