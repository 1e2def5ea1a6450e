// The console's pages, in one chunk of their own: shoppers never download them (see App.tsx).
export { ConsoleCoupons } from './ConsoleCoupons';
export { ConsoleEarningRules } from './ConsoleEarningRules';
export { ConsoleLotteries, ConsoleLottery } from './ConsoleLotteries';
export { ConsoleOrder, ConsoleOrders } from './ConsoleOrders';
export { ConsoleProducts } from './ConsoleProducts';
export { ConsoleRewards } from './ConsoleRewards';
export { ConsoleStock } from './ConsoleStock';
export { CouponTemplateForm } from './CouponTemplateForm';
export { ProductForm } from './ProductForm';
