import type { Money } from './money';
import type { components as cartOrder } from './openapi/cart-order';
import type { components as catalog } from './openapi/catalog';
import type { components as loyalty } from './openapi/loyalty';
import type { components as pay } from './openapi/pay';
import type { components as shipping } from './openapi/shipping';
import type { components as stock } from './openapi/stock';

/** An RFC 9457 problem the services answered, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type: string,
    readonly violations: { field: string; message: string }[] = [],
    /** A 503's Retry-After in seconds, when the service said when to try again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${status} ${title}: ${detail}`);
  }
}

export type TokenSource = () => string | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON; a Blob (an image) is sent as itself, with its own type. */
  body?: unknown;
  /** State-changing POSTs carry one, so a retried click or a replayed request takes effect once. */
  idempotencyKey?: string;
  query?: Record<string, string | number | string[] | undefined>;
  /** Further headers (a flash sale's Sale-Token). */
  headers?: Record<string, string>;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The language the reader chose in the page: i18n keeps it on <html lang>. */
function pageLanguage(): string | undefined {
  return typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined;
}

/**
 * The edge's /api/<service>/... routes, with the signed-in user's token when there is one, in the
 * language chosen in the page (the services write texts and emails in it), not only the browser's.
 */
export class Api {
  constructor(readonly base: string, readonly token: TokenSource, readonly language: () => string | undefined = pageLanguage) {}

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {};
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    const language = this.language();
    if (language) headers['Accept-Language'] = language;
    return headers;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...this.headers(), ...options.headers };
    const raw = options.body instanceof Blob; // an image goes as itself, with its own type
    if (options.body !== undefined) headers['Content-Type'] = raw ? (options.body as Blob).type : 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(this.base + path + queryString(options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : raw ? (options.body as Blob) : JSON.stringify(options.body),
      });
    } catch {
      throw new ApiError(0, 'Network error', '', 'network');
    }
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** A binary answer (an image, a PDF) read with the token. */
  async blob(path: string): Promise<Blob> {
    let response: Response;
    try {
      response = await fetch(this.base + path, { headers: this.headers() });
    } catch {
      throw new ApiError(0, 'Network error', '', 'network');
    }
    if (!response.ok) throw await problemOf(response);
    return response.blob();
  }

  /** An image read with the token, as a data: URL (what the page's CSP lets an img show). */
  async dataUrl(path: string): Promise<string> {
    const blob = await this.blob(path);
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(new ApiError(0, 'Unreadable image', '', 'image'));
      reader.readAsDataURL(blob);
    });
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as Partial<{ title: string; detail: string; type: string; violations: ApiError['violations'] }>;
    const retryAfter = Number(response.headers.get('Retry-After') ?? '');
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '',
      problem.type ?? '', problem.violations ?? [], Number.isSafeInteger(retryAfter) && retryAfter > 0 ? retryAfter : null);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`, '', '');
  }
}

// What the services answer: each service's view records, typed from its OpenAPI document
// (src/openapi/, generated by `npm run openapi`; see scripts/openapi.mjs).
type CatalogSchemas = catalog['schemas'];
type CartOrderSchemas = cartOrder['schemas'];
export type SkuView = CatalogSchemas['SkuView'];
export type ProductView = CatalogSchemas['ProductView'];
/** catalog's document calls fromPrice a JsonNode (the record's Java type); the service sends a Money or null. */
export type SearchHit = Omit<CatalogSchemas['Hit'], 'fromPrice'> & { fromPrice: Money | null };
export type Availability = stock['schemas']['Availability'];
export type StockView = stock['schemas']['StockView'];
type StockSchemas = stock['schemas'];
export type Warehouse = StockSchemas['WarehouseView'];
export type WarehouseStock = StockSchemas['WarehouseStockView'];
export type Movement = StockSchemas['MovementView'];
export type MovementKind = StockSchemas['Kind'];
export type Transfer = StockSchemas['TransferView'];
export type StockAlert = StockSchemas['AlertView'];
export type FlashSale = StockSchemas['FlashSaleView'];
export type FlashSaleRequest = StockSchemas['ScheduleRequest'];
/** sellThrough.rate and coefficientOfVariation are null when nothing sold and nothing is left. */
export type SkuAnalysis = Omit<StockSchemas['SkuAnalysisView'], 'sellThrough' | 'coefficientOfVariation'> & {
  sellThrough: Omit<StockSchemas['SellThroughView'], 'rate'> & { rate: number | null };
  coefficientOfVariation: number | null;
};
export type RankedSku = StockSchemas['Ranked'];
export type FlashSaleView = stock['schemas']['FlashSaleView'];
export type SaleToken = stock['schemas']['Issued'];
/** A buy attempt admitted (201, or 200 when replayed): stock's document gives this answer no schema (FlashSalePurchaseResource.Admission). */
export interface FlashSaleAdmission { saleId: number; outcome: 'ADMITTED'; ticketId: string }
export type Cart = CartOrderSchemas['Cart'];
/** One delivery service for the cart as cart-order prices it (freeFrom null: never free). */
export type ShippingOptionView = Omit<CartOrderSchemas['ShippingOptionView'], 'freeFrom'> & { freeFrom: Money | null };
export type ShippingOption = 'STANDARD' | 'EXPRESS';
/** The optional parts of an address: null when not given (cart-order's views write every field). */
type OptionalAddressPart = 'province' | 'district' | 'line2' | 'postcode' | 'label';
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };
/** An address as the shopper writes it (cart-order's AddressDraft), every field sent, optional ones as null. */
export type AddressDraft = Nullable<Required<CartOrderSchemas['AddressDraft']>, OptionalAddressPart>;
/** One address in the shopper's book, the default first. */
export type AddressView = Nullable<CartOrderSchemas['AddressView'], OptionalAddressPart>;
/** An order's copy of the address chosen at checkout. */
export type DeliveryAddress = Nullable<CartOrderSchemas['DeliveryAddressView'], OptionalAddressPart>;
/** deliveryAddress is null on orders placed without an address (or after the shopper's data was erased). */
export type OrderView = Omit<CartOrderSchemas['OrderView'], 'deliveryAddress'> & { deliveryAddress: DeliveryAddress | null };
export type OrderAction = CartOrderSchemas['OrderAction'];
export type Step = CartOrderSchemas['StepView'];
export type OrderSummary = CartOrderSchemas['OrderSummary'];
export type OperatorOrderSummary = CartOrderSchemas['OperatorOrderSummary'];
export type AfterSalesReason = CartOrderSchemas['AfterSalesReason'];
export type AfterSalesStatus = 'REQUESTED' | 'AWAITING_RETURN' | 'RETURN_SHIPPED' | 'APPROVED' | 'REJECTED' | 'REFUNDED'
  | 'NOT_REFUNDED' | 'EXPIRED' | 'REPLACING' | 'EXCHANGED';
/** REFUND_ONLY: the shopper keeps the goods; RETURN_AND_REFUND: they go back first; EXCHANGE: they go back and a replacement comes. */
export type AfterSalesKind = CartOrderSchemas['Kind'];
/** What the merchant found in a return parcel: back on the shelf, or set apart until inspected. */
export type Disposition = CartOrderSchemas['Disposition'];
/** A request as the shopper sends it (refund only unless kind says otherwise): no lines asks for every unit not claimed yet. */
export type AfterSalesDraft = CartOrderSchemas['AfterSalesDraft'];
export type ReturnParcelDraft = CartOrderSchemas['ReturnParcelDraft'];
/** Per SKU of an order, the other SKUs an exchange may send instead (same product, same price); the same SKU is always possible. */
export type ExchangeOption = CartOrderSchemas['ExchangeOptionView'];
/** A photo the shopper gave with a request, without its image. */
export type EvidencePhoto = CartOrderSchemas['PhotoView'];
/**
 * One after-sales request on an order. The shopper's note, the decision's fields until it is
 * decided (refundedAt until pay gave the money back), and a return's parcel and receipt until they
 * happen, are null.
 */
export type AfterSalesRequest = Omit<CartOrderSchemas['AfterSalesView'], 'kind' | 'status' | 'reason' | 'note' | 'decidedBy'
  | 'decisionNote' | 'decidedAt' | 'refundedAt' | 'notRefundedReason' | 'returnCarrier' | 'returnTracking'
  | 'returnShippedAt' | 'receivedAt' | 'disposition' | 'escalatedAt' | 'photos'> & {
  kind: AfterSalesKind; status: AfterSalesStatus; reason: AfterSalesReason; note: string | null;
  decidedBy: 'MERCHANT' | 'AUTO_APPROVE_RULE' | 'TRUSTED_SHOPPER_RULE' | 'REVIEW_DEADLINE' | null; decisionNote: string | null;
  decidedAt: string | null; refundedAt: string | null;
  /** Why pay could not give the money back (NOT_REFUNDED): REFUSED_BY_CHANNEL, NO_PAYMENT or NOTHING_LEFT. */
  notRefundedReason: string | null;
  returnCarrier: string | null; returnTracking: string | null; returnShippedAt: string | null;
  receivedAt: string | null; disposition: Disposition | null;
  /** When it went to the mall's staff, the merchant having left it waiting; null if it never did. */
  escalatedAt: string | null;
  photos: EvidencePhoto[];
};
/** {@code action} is null unless the attempt is PENDING with something for the shopper to do; failureReason and paidAt may be null. */
export type PaymentView = Omit<pay['schemas']['PaymentView'], 'action' | 'failureReason' | 'paidAt' | 'refunded'>
  & { action: pay['schemas']['ActionView'] | null; failureReason: string | null; paidAt: string | null; refunded: Money | null };
export type PayChannel = pay['schemas']['Offer'];
export type PayRequest = pay['schemas']['PayRequest'];
export type AdminPayment = Omit<pay['schemas']['AdminPaymentView'], 'payment'> & { payment: PaymentView };
export type PaymentRefund = pay['schemas']['RefundView'];
type PaySchemas = pay['schemas'];
/** A held payment; what a shopper's attempt did not say (device, payer, regions) and the decision's fields until decided are null. */
export type RiskReview = Omit<PaySchemas['ReviewView'], 'status' | 'deviceId' | 'payerFingerprint' | 'shippingRegion' | 'billingRegion'
  | 'decidedBy' | 'note' | 'decidedAt'> & {
  status: PaySchemas['ReviewStatus']; deviceId: string | null; payerFingerprint: string | null; shippingRegion: string | null;
  billingRegion: string | null; decidedBy: string | null; note: string | null; decidedAt: string | null;
};
/** failureReason is null unless the report FAILED. */
export type ReconciliationSummary = Omit<PaySchemas['ReportSummary'], 'failureReason'> & { failureReason: string | null };
/** The side without the line has no amount; tradeId is null where the channel gave none. */
export type ReconciliationMismatch = Omit<PaySchemas['MismatchView'], 'ourAmount' | 'channelAmount' | 'tradeId'>
  & { ourAmount: Money | null; channelAmount: Money | null; tradeId: string | null };
export interface ReconciliationReport { summary: ReconciliationSummary; mismatches: ReconciliationMismatch[] }
export type PointsAccount = loyalty['schemas']['AccountView'];
export type PointsEntry = loyalty['schemas']['EntryView'];
export type ShipmentView = shipping['schemas']['ShipmentView'];
export type OperatorShipment = shipping['schemas']['OperatorShipmentView'];
type LoyaltySchemas = loyalty['schemas'];
/** Fields loyalty leaves out of its coupon views when they do not apply (@JsonInclude NON_NULL). */
type LeftOut<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type CouponTemplate = LeftOut<LoyaltySchemas['TemplateView'], 'amountOff' | 'percentOffBasisPoints' | 'cap'
  | 'minSubtotal' | 'scopeTargets' | 'validFrom' | 'validTo' | 'validDaysAfterClaim' | 'exclusiveGroup' | 'ownerId'>;
export type Coupon = LeftOut<LoyaltySchemas['CouponView'], 'exclusiveGroup' | 'orderId'>;
export type CouponState = LoyaltySchemas['State'];
export type CouponTemplateRequest = LoyaltySchemas['TemplateRequest'];
export type CouponQuote = LoyaltySchemas['CouponQuote'];
export type Reward = LoyaltySchemas['RewardView'];
/** A COUPON reward's coupon, or a VOUCHER reward's code; the other is null. */
export type Redemption = Omit<LoyaltySchemas['RedemptionView'], 'couponId' | 'code'> & { couponId: number | null; code: string | null };
export type OperatorReward = LoyaltySchemas['OperatorRewardView'];
export type RewardOffer = LoyaltySchemas['OfferRequest'];
export type Lottery = LoyaltySchemas['LotteryView'];
export type LotteryPrize = LoyaltySchemas['PrizeView'];
export type Draw = LoyaltySchemas['DrawView'];
export type MyDraws = LoyaltySchemas['MyDrawsView'];
export type LotteryProof = LoyaltySchemas['LotteryProof'];
export type NewLottery = LoyaltySchemas['NewLottery'];
export type LotteryWinner = LoyaltySchemas['WinnerView'];
export type CheckIn = LoyaltySchemas['CheckInView'];
export type CheckInStatus = LoyaltySchemas['CheckInStatusView'];
/** {@code next} is null at the top tier. */
export type Tier = Omit<LoyaltySchemas['TierView'], 'next'> & { next: LoyaltySchemas['NextTierView'] | null };
/** {@code referredBy} is null until the shopper registers the code they came on. */
export type Referrals = Omit<LoyaltySchemas['ReferralsView'], 'referredBy'> & { referredBy: LoyaltySchemas['RegisteredView'] | null };
export type EarningRule = LoyaltySchemas['EarningRuleView'];
export type EarningRuleRequest = LoyaltySchemas['EarningRuleRequest'];
export type TrackingView = shipping['schemas']['TrackingView'];
/** What a message tells of: its words are the storefront's (inbox/messages.ts), one text per notice. */
export type Notice = CartOrderSchemas['Notice'];
/** One message of the caller's message centre; amount is null unless the step moved money. */
export type MessageView = Omit<CartOrderSchemas['MessageView'], 'amount'> & { amount: Money | null };
/** emailAddress is null when the caller's account gives none. */
export type NotificationSettings = Omit<CartOrderSchemas['SettingsView'], 'emailAddress' | 'language'>
  & { emailAddress: string | null; language: 'zh-CN' | 'en' };

/** Whether the order is COMPLETED or CANCELLED: nothing changes it any more. */
export function isFinal(order: OrderView): boolean {
  return order.status === 'COMPLETED' || order.status === 'CANCELLED';
}
