// Coupons, the points mall and lotteries, in one chunk of their own, loaded on the first visit to one of them (see App.tsx).
export { CouponsPage } from './CouponsPage';
export { LotteriesPage, LotteryPage } from './LotteryPage';
export { PointsMallPage } from './PointsMallPage';
