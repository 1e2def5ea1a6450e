import type { Money } from './money';

/** An RFC 9457 problem the services answered, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type: string,
    readonly violations: { field: string; message: string }[] = [],
  ) {
    super(`${status} ${title}: ${detail}`);
  }
}

export type TokenSource = () => string | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** State-changing POSTs carry one, so a retried click or a replayed request takes effect once. */
  idempotencyKey?: string;
  query?: Record<string, string | number | string[] | undefined>;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The edge's /api/<service>/... routes, with the signed-in user's token when there is one. */
export class Api {
  constructor(private readonly base: string, private readonly token: TokenSource) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(this.base + path + queryString(options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch {
      throw new ApiError(0, 'Network error', '', 'network');
    }
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
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
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '',
      problem.type ?? '', problem.violations ?? []);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`, '', '');
  }
}

// What the services answer: each service's own view records (see their OpenAPI at /api/<service>/q/swagger-ui).
export interface SkuView { sku: string; attributes: Record<string, string>; price: Money; pointsPrice: number | null }
export interface ProductView {
  id: number; name: string; names: Record<string, string>; status: 'DRAFT' | 'LISTED' | 'DELISTED';
  skus: SkuView[]; createdAt: string;
}
export interface SearchHit { productId: number; names: Record<string, string>; fromPrice: Money | null; score: number }
export interface Availability { sku: string; state: 'IN_STOCK' | 'LOW' | 'OUT_OF_STOCK'; fewLeft: number | null }
export interface CartLine { sku: string; productId: number; productName: string; names: Record<string, string>;
  attributes: Record<string, string>; quantity: number; unitPrice: Money; subtotal: Money; available: boolean }
export interface Cart { lines: CartLine[]; totals: Money[] }
export interface OrderLine { sku: string; productName: string; quantity: number; unitPrice: Money; subtotal: Money }
export interface Step { status: string; note: string; at: string }
export interface OrderView { id: number; status: string; cancelReason: string | null; total: Money; createdAt: string;
  payBy: string | null; lines: OrderLine[]; timeline: Step[] }
export interface OrderSummary { id: number; status: string; total: Money; createdAt: string }
export interface OperatorOrderSummary extends OrderSummary { shopperId: string; units: number }
export interface PaymentView { id: number; orderId: number; status: string; amount: Money; failureReason: string | null }
export interface PointsEntry { id: number; points: number; reason: string; orderId: number | null; createdAt: string }
export interface PointsAccount { balance: number; entries: PointsEntry[] }
export interface StockView { sku: string; onHand: number; reserved: number; available: number; updatedAt: string }
export interface ShipmentView { id: number; orderId: number; carrier: string; trackingNumber: string; status: string }
export interface TrackingView { status: string; location: string; occurredAt: string }

export const TERMINAL_STATUSES = ['COMPLETED', 'CANCELLED'];
