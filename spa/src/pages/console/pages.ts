// The console's pages, in one chunk of their own: shoppers never download them (see App.tsx).
export { ConsoleCoupons } from './ConsoleCoupons';
export { ConsoleEarningRules } from './ConsoleEarningRules';
export { ConsoleLotteries, ConsoleLottery } from './ConsoleLotteries';
export { ConsoleOrder, ConsoleOrders } from './ConsoleOrders';
export { ConsoleProducts } from './ConsoleProducts';
export { ConsoleRewards } from './ConsoleRewards';
export { ConsoleStock } from './ConsoleStock';
export { ConsoleFlashSales } from './ConsoleFlashSales';
export { SkuAnalysisPage, StockAnalysis } from './StockAnalysis';
export { StockAlerts } from './StockAlerts';
export { StockLayout } from './StockLayout';
export { StockSku } from './StockSku';
export { StockTransfers } from './StockTransfers';
export { CouponTemplateForm } from './CouponTemplateForm';
export { ProductForm } from './ProductForm';
export { ConsolePayment, ConsolePayments, ConsoleRefunds, PaymentsLayout } from './ConsolePayments';
export { ConsoleRiskReview, ConsoleRiskReviews } from './ConsoleRisk';
export { ConsoleReconciliation, ConsoleReconciliationReport } from './ConsoleReconciliation';
