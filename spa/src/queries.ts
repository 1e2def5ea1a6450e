import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { useRef } from 'react';
import {
  Api, ApiError, isFinal, type Availability, type Cart, type Coupon, type CouponState, type CouponTemplate,
  type CheckInStatus, type EarningRule, type Lottery, type LotteryProof, type Referrals, type Tier, type LotteryWinner, type MyDraws, type OperatorReward, type Redemption, type Reward, type OperatorOrderSummary, type OrderSummary, type OrderView,
  type PointsAccount, type ProductView, type SearchHit, type ShipmentView, type StockView, type TrackingView,
  type FlashSale, type Movement, type RankedSku, type SkuAnalysis, type StockAlert, type Transfer, type Warehouse, type WarehouseStock,
} from './api';
import type { AddressView, ShippingOptionView, AfterSalesRequest, AfterSalesStatus, ExchangeOption, FlashSaleView, MessageView, NotificationSettings, SaleToken } from './api';
import type { AdminPayment, PayChannel, PaymentRefund, PaymentView, ReconciliationReport, ReconciliationSummary, RiskReview } from './api';
import type { OperatorShipment } from './api';
import { synced } from './flash/clock';
import { findSaleProducts } from './flash/saleProducts';
import { useAuth } from './auth';
import { useConfig } from './context';
import { HISTORY_PAGE, nextHistoryPage } from './points/history';

/** Movements shown a page at a time in the console. */
export const MOVEMENTS_PAGE = 20;

/** The API client of the running app, with the signed-in user's current token. */
export function useApiClient(): Api {
  const { apiBase } = useConfig();
  const auth = useAuth();
  const token = useRef(auth.token);
  token.current = auth.token;
  const api = useRef<Api | null>(null);
  api.current ??= new Api(apiBase, () => token.current());
  return api.current;
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'Error', String(e), 'client');
}

/**
 * The first part of every query's key, one per kind of resource: a change invalidates the keys of
 * what it changed, and with them every query below them (a list and each of its items).
 */
export const keys = {
  products: ['products'],
  search: ['search'],
  availability: ['availability'],
  cart: ['cart'],
  orders: ['orders'],
  shipments: ['shipments'],
  points: ['points'],
  merchantProducts: ['merchant-products'],
  stock: ['stock'],
  operatorOrders: ['operator-orders'],
  couponTemplates: ['coupon-templates'],
  coupons: ['coupons'],
  operatorCouponTemplates: ['operator-coupon-templates'],
  rewards: ['rewards'],
  redemptions: ['redemptions'],
  operatorRewards: ['operator-rewards'],
  lotteries: ['lotteries'],
  checkIn: ['check-in'],
  tier: ['tier'],
  referrals: ['referrals'],
  earningRules: ['earning-rules'],
  warehouses: ['warehouses'],
  flashSales: ['flash-sales'],
  saleTokens: ['sale-tokens'],
  payments: ['payments'],
  payChannels: ['pay-channels'],
  adminPayments: ['admin-payments'],
  adminShipments: ['admin-shipments'],
  riskReviews: ['risk-reviews'],
  reconciliation: ['reconciliation'],
  addresses: ['addresses'],
  messages: ['messages'],
  notificationSettings: ['notification-settings'],
  afterSales: ['after-sales'],
  operatorAfterSales: ['operator-after-sales'],
} as const;

/** What the pages read, as TanStack Query options: each query's key and how it is fetched. */
export const queries = {
  products: (api: Api, size: number) => queryOptions({
    queryKey: [...keys.products, 'newest', size],
    queryFn: () => api.request<ProductView[]>('/catalog/products', { query: { page: 0, size } }),
  }),
  /** Listed products with a SKU that has a points price: the points mall's goods. */
  redeemableProducts: (api: Api) => queryOptions({
    queryKey: [...keys.products, 'redeemable'],
    queryFn: () => api.request<ProductView[]>('/catalog/products', { query: { page: 0, size: 50, redeemable: 'true' } }),
  }),
  product: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.products, id],
    queryFn: () => api.request<ProductView>(`/catalog/products/${id}`),
  }),
  search: (api: Api, q: string, size: number) => queryOptions({
    queryKey: [...keys.search, q, size],
    queryFn: () => api.request<SearchHit[]>('/catalog/products/search', { query: { q, size } }),
  }),
  availability: (api: Api, skus: string[]) => queryOptions({
    queryKey: [...keys.availability, ...skus],
    queryFn: () => api.request<Availability[]>('/stock/availability', { query: { sku: skus } }),
  }),
  cart: (api: Api) => queryOptions({
    queryKey: keys.cart,
    queryFn: () => api.request<Cart>('/cart-order/cart'),
  }),
  orders: (api: Api) => queryOptions({
    queryKey: [...keys.orders, 'mine'],
    queryFn: () => api.request<OrderSummary[]>('/cart-order/orders', { query: { size: 50 } }),
  }),
  order: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.orders, id],
    queryFn: () => api.request<OrderView>(`/cart-order/orders/${id}`),
  }),
  /** The parcels of one of the caller's orders (none for someone else's). */
  shipments: (api: Api, orderId: number) => queryOptions({
    queryKey: [...keys.shipments, { orderId }],
    queryFn: () => api.request<ShipmentView[]>('/shipping/shipments', { query: { orderId } }),
  }),
  tracking: (api: Api, shipmentId: number) => queryOptions({
    queryKey: [...keys.shipments, shipmentId, 'tracking'],
    queryFn: () => api.request<TrackingView[]>(`/shipping/shipments/${shipmentId}/tracking`),
  }),
  /** The caller's balance alone (what the cart's points control needs). */
  pointsBalance: (api: Api) => queryOptions({
    queryKey: [...keys.points, 'balance'],
    queryFn: () => api.request<PointsAccount>('/loyalty/accounts/me', { query: { size: 1 } }),
  }),
  /** The caller's points, with the history a page at a time (each page repeats the balance, held and expiring). */
  points: (api: Api) => infiniteQueryOptions({
    queryKey: [...keys.points, 'account'],
    queryFn: ({ pageParam }) => api.request<PointsAccount>('/loyalty/accounts/me', { query: { page: pageParam, size: HISTORY_PAGE } }),
    initialPageParam: 0,
    getNextPageParam: nextHistoryPage,
  }),
  /** Coupon templates a shopper can claim now. */
  couponTemplates: (api: Api) => queryOptions({
    queryKey: keys.couponTemplates,
    queryFn: () => api.request<CouponTemplate[]>('/loyalty/coupons/templates', { query: { size: 50 } }),
  }),
  /** The caller's coupons in one state. */
  coupons: (api: Api, state: CouponState) => queryOptions({
    queryKey: [...keys.coupons, state],
    queryFn: () => api.request<Coupon[]>('/loyalty/coupons/me', { query: { state, size: 50 } }),
  }),
  operatorCouponTemplates: (api: Api, status: string) => queryOptions({
    queryKey: [...keys.operatorCouponTemplates, 'list', status],
    queryFn: () => api.request<CouponTemplate[]>('/loyalty/operator/coupon-templates', { query: { size: 100, status: status || undefined } }),
  }),
  /** The points mall: rewards that can be redeemed now (public). */
  rewards: (api: Api) => queryOptions({
    queryKey: [...keys.rewards, 'active'],
    queryFn: () => api.request<Reward[]>('/loyalty/rewards', { query: { size: 100 } }),
  }),
  redemptions: (api: Api) => queryOptions({
    queryKey: [...keys.redemptions, 'mine'],
    queryFn: () => api.request<Redemption[]>('/loyalty/rewards/redemptions/me', { query: { size: 50 } }),
  }),
  operatorRewards: (api: Api) => queryOptions({
    queryKey: [...keys.operatorRewards, 'all'],
    queryFn: () => api.request<OperatorReward[]>('/loyalty/operator/rewards', { query: { size: 100 } }),
  }),
  lotteries: (api: Api) => queryOptions({
    queryKey: [...keys.lotteries, 'all'],
    queryFn: () => api.request<Lottery[]>('/loyalty/lotteries', { query: { size: 50 } }),
  }),
  lottery: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.lotteries, id],
    queryFn: () => api.request<Lottery>(`/loyalty/lotteries/${id}`),
  }),
  myDraws: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.lotteries, id, 'mine'],
    queryFn: () => api.request<MyDraws>(`/loyalty/lotteries/${id}/draws/mine`),
  }),
  lotteryProof: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.lotteries, id, 'proof'],
    queryFn: () => api.request<LotteryProof>(`/loyalty/lotteries/${id}/proof`),
    staleTime: Infinity,
  }),
  lotteryWinners: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.lotteries, id, 'winners'],
    queryFn: () => api.request<LotteryWinner[]>(`/loyalty/operator/lotteries/${id}/winners`, { query: { size: 200 } }),
  }),
  checkIn: (api: Api) => queryOptions({
    queryKey: keys.checkIn,
    queryFn: () => api.request<CheckInStatus>('/loyalty/check-ins/me'),
  }),
  tier: (api: Api) => queryOptions({
    queryKey: keys.tier,
    queryFn: () => api.request<Tier>('/loyalty/tiers/me'),
  }),
  referrals: (api: Api) => queryOptions({
    queryKey: keys.referrals,
    queryFn: () => api.request<Referrals>('/loyalty/referrals/me'),
  }),
  earningRules: (api: Api) => queryOptions({
    queryKey: keys.earningRules,
    queryFn: () => api.request<EarningRule[]>('/loyalty/earning-rules'),
  }),
  /** Upcoming and live flash sales, with the server's clock measured on the way (their countdowns). */
  flashSales: (api: Api) => queryOptions({
    queryKey: [...keys.flashSales, 'open'],
    queryFn: () => synced(() => api.request<FlashSaleView[]>('/stock/flash-sales'), (list) => list[0]?.serverTime),
  }),
  flashSale: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.flashSales, id],
    queryFn: () => synced(() => api.request<FlashSaleView>(`/stock/flash-sales/${id}`), (sale) => sale.serverTime),
  }),
  /** The signed-in shopper's sale token: good until after the sale, so asked for once. */
  saleToken: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.saleTokens, id],
    queryFn: () => synced(() => api.request<SaleToken>(`/stock/flash-sales/${id}/token`), (token) => token.serverTime),
    staleTime: Infinity,
  }),
  /** The listed products holding these SKUs (their names and regular prices). */
  saleProducts: (api: Api, skus: string[]) => queryOptions({
    queryKey: [...keys.products, 'skus', ...skus],
    queryFn: () => findSaleProducts(api, skus),
  }),
  merchantProducts: (api: Api) => queryOptions({
    queryKey: [...keys.merchantProducts, 'all'],
    queryFn: () => api.request<ProductView[]>('/catalog/merchant/products', { query: { size: 100 } }),
  }),
  merchantProduct: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.merchantProducts, id],
    queryFn: () => api.request<ProductView>(`/catalog/merchant/products/${id}`),
  }),
  stockLevels: (api: Api) => queryOptions({
    queryKey: keys.stock,
    queryFn: () => api.request<StockView[]>('/stock/stock', { query: { size: 200 } }),
  }),
  // The ledger's views sit below keys.stock: a receipt, count, transfer or sale set aside invalidates them all.
  warehouseLevels: (api: Api, sku: string) => queryOptions({
    queryKey: [...keys.stock, 'levels', sku],
    queryFn: () => api.request<WarehouseStock[]>(`/stock/levels/${encodeURIComponent(sku)}`),
  }),
  quarantine: (api: Api) => queryOptions({
    queryKey: [...keys.stock, 'quarantine'],
    queryFn: () => api.request<WarehouseStock[]>('/stock/quarantine'),
  }),
  movements: (api: Api, sku: string, kind: string, page: number) => queryOptions({
    queryKey: [...keys.stock, 'movements', sku, kind, page],
    queryFn: () => api.request<Movement[]>('/stock/movements', { query: { sku, kind: kind || undefined, page, size: MOVEMENTS_PAGE } }),
  }),
  transfers: (api: Api, sku: string) => queryOptions({
    queryKey: [...keys.stock, 'transfers', sku],
    queryFn: () => api.request<Transfer[]>('/stock/transfers', { query: { sku: sku || undefined } }),
  }),
  stockAlerts: (api: Api, sku: string) => queryOptions({
    queryKey: [...keys.stock, 'alerts', sku],
    queryFn: () => api.request<StockAlert[]>('/stock/alerts', { query: { sku: sku || undefined } }),
  }),
  skuAnalysis: (api: Api, sku: string, terms: { leadTimeDays: number; reviewDays: number; serviceLevel: number }) => queryOptions({
    queryKey: [...keys.stock, 'analysis', sku, terms],
    queryFn: () => api.request<SkuAnalysis>(`/stock/analysis/skus/${encodeURIComponent(sku)}`, { query: { days: 90, horizon: 28, ...terms } }),
  }),
  abcRanking: (api: Api, days: number) => queryOptions({
    queryKey: [...keys.stock, 'abc', days],
    queryFn: () => api.request<RankedSku[]>('/stock/analysis/abc', { query: { days } }),
  }),
  warehouses: (api: Api) => queryOptions({
    queryKey: keys.warehouses,
    queryFn: () => api.request<Warehouse[]>('/stock/warehouses'),
    staleTime: 60_000,
  }),
  /** Upcoming and live flash sales (public), soonest first, as the console lists them (no clock sync). */
  scheduledFlashSales: (api: Api) => queryOptions({
    queryKey: [...keys.flashSales, 'upcoming'],
    queryFn: () => api.request<FlashSale[]>('/stock/flash-sales'),
  }),
  /** The channels pay offers and whether each takes payments now (public). */
  payChannels: (api: Api) => queryOptions({
    queryKey: keys.payChannels,
    queryFn: () => api.request<PayChannel[]>('/pay/payments/channels'),
  }),
  /** The shopper's payment attempts, newest first (an order's latest, after coming back from a channel's page). */
  myPayments: (api: Api) => queryOptions({
    queryKey: [...keys.payments, 'mine'],
    queryFn: () => api.request<PaymentView[]>('/pay/payments', { query: { size: 50 } }),
  }),
  payment: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.payments, id],
    queryFn: () => api.request<PaymentView>(`/pay/payments/${id}`),
  }),
  // The console's parcels (admins): every one, those in a status, or those that need an operator.
  adminShipments: (api: Api, filter: string) => queryOptions({
    queryKey: [...keys.adminShipments, filter],
    queryFn: () => api.request<OperatorShipment[]>('/shipping/admin/shipments', {
      query: { size: 100, attention: filter === 'attention' ? 'true' : undefined, status: filter && filter !== 'attention' ? filter : undefined },
    }),
  }),
  // The console's payments (admins): a refund invalidates keys.adminPayments, its lists and the payment.
  adminPayments: (api: Api, status: string) => queryOptions({
    queryKey: [...keys.adminPayments, 'list', status],
    queryFn: () => api.request<AdminPayment[]>('/pay/admin/payments', { query: { size: 100, status: status || undefined } }),
  }),
  adminPayment: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.adminPayments, id],
    queryFn: () => api.request<AdminPayment>(`/pay/admin/payments/${id}`),
  }),
  adminRefunds: (api: Api, status: string) => queryOptions({
    queryKey: [...keys.adminPayments, 'refunds', status],
    queryFn: () => api.request<PaymentRefund[]>('/pay/admin/refunds', { query: { size: 100, status: status || undefined } }),
  }),
  riskReviews: (api: Api, status: string) => queryOptions({
    queryKey: [...keys.riskReviews, 'list', status],
    queryFn: () => api.request<RiskReview[]>('/pay/admin/risk/reviews', { query: { size: 100, status } }),
  }),
  riskReview: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.riskReviews, id],
    queryFn: () => api.request<RiskReview>(`/pay/admin/risk/reviews/${id}`),
  }),
  reconciliationReports: (api: Api, filter: { from: string; to: string; channel: string }) => queryOptions({
    queryKey: [...keys.reconciliation, 'list', filter],
    queryFn: () => api.request<ReconciliationSummary[]>('/pay/admin/reconciliation/reports', {
      query: { from: filter.from || undefined, to: filter.to || undefined, channel: filter.channel || undefined } }),
  }),
  reconciliationReport: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.reconciliation, id],
    queryFn: () => api.request<ReconciliationReport>(`/pay/admin/reconciliation/reports/${id}`),
  }),
  /** The caller's address book, the default first. */
  addresses: (api: Api) => queryOptions({
    queryKey: keys.addresses,
    queryFn: () => api.request<AddressView[]>('/cart-order/addresses'),
  }),
  /** What each delivery service would cost the caller's cart to that address (null: the default); read again with the cart. */
  shippingOptions: (api: Api, addressId: number | null) => queryOptions({
    queryKey: [...keys.cart, 'shipping', addressId],
    queryFn: () => api.request<ShippingOptionView[]>('/cart-order/cart/shipping-options', { query: { addressId: addressId ?? undefined } }),
  }),
  /** The caller's messages, newest first, {@code size} of them. */
  messages: (api: Api, size: number) => queryOptions({
    queryKey: [...keys.messages, 'list', size],
    queryFn: () => api.request<MessageView[]>('/cart-order/me/messages', { query: { size } }),
  }),
  /** How many of the caller's messages are unread: the header's badge, asked again every 30 s and on each change. */
  unreadMessages: (api: Api) => queryOptions({
    queryKey: [...keys.messages, 'unread'],
    queryFn: () => api.request<{ unread: number }>('/cart-order/me/messages/unread'),
    refetchInterval: 30_000,
  }),
  /** The caller's notification settings; made on the first ask, in {@code lang}. */
  notificationSettings: (api: Api, lang: string) => queryOptions({
    queryKey: keys.notificationSettings,
    queryFn: () => api.request<NotificationSettings>('/cart-order/me/notification-settings', { headers: { 'Accept-Language': lang } }),
  }),
  /** The refund requests on one of the caller's orders, oldest first. */
  orderAfterSales: (api: Api, orderId: number) => queryOptions({
    queryKey: [...keys.afterSales, { orderId }],
    queryFn: () => api.request<AfterSalesRequest[]>(`/cart-order/orders/${orderId}/after-sales`),
  }),
  /** What an exchange on the order may send instead of each of its SKUs (asked for once the shopper chooses an exchange). */
  exchangeOptions: (api: Api, orderId: number) => queryOptions({
    queryKey: [...keys.afterSales, { orderId, exchangeOptions: true }],
    queryFn: () => api.request<ExchangeOption[]>(`/cart-order/orders/${orderId}/after-sales/exchange-options`),
  }),
  /**
   * The requests the operator may decide: those awaiting the merchant first, the nearest deadline first ({@code status} ''
   * for all; {@code escalated}: only those escalated to the mall's staff and still waiting).
   */
  operatorAfterSales: (api: Api, status: AfterSalesStatus | '', escalated = false) => queryOptions({
    queryKey: [...keys.operatorAfterSales, 'list', status, escalated],
    queryFn: () => api.request<AfterSalesRequest[]>('/cart-order/operator/after-sales',
      { query: { size: 100, status: status || undefined, escalated: escalated ? 'true' : undefined } }),
  }),
  operatorOrders: (api: Api, status: string) => queryOptions({
    queryKey: [...keys.operatorOrders, 'list', status],
    queryFn: () => api.request<OperatorOrderSummary[]>('/cart-order/operator/orders', { query: { size: 100, status: status || undefined } }),
  }),
  operatorOrder: (api: Api, id: number) => queryOptions({
    queryKey: [...keys.operatorOrders, id],
    queryFn: () => api.request<OrderView>(`/cart-order/operator/orders/${id}`),
  }),
};

/** A refetchInterval that polls an order every {@code ms} until it reaches a final status. */
export function untilFinal(ms: number) {
  return (query: { state: { data?: OrderView } }) => (query.state.data && isFinal(query.state.data) ? false : ms);
}
