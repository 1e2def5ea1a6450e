import type { OrderSummary, OrderView } from '../api';

/**
 * From an admission to its order: cart-order places a FLASH_SALE order for each ticket a moment after
 * stock admitted the shopper, and only the order's own view names its ticket. So the shopper's newest
 * FLASH_SALE orders placed since the admission are opened, each once, until one carries the ticket.
 */

/** Orders placed this long before the admission (by the server's clock) are still looked at: clocks and queues differ a little. */
export const SLACK_MS = 60_000;

/** The ids of FLASH_SALE orders placed since {@code sinceMs} (the server's clock) less the slack. */
export function flashOrdersSince(orders: OrderSummary[], sinceMs: number, slackMs: number = SLACK_MS): number[] {
  return orders
    .filter((o) => o.kind === 'FLASH_SALE' && Date.parse(o.createdAt) >= sinceMs - slackMs)
    .map((o) => o.id);
}

/** The order placed for {@code ticketId}, among those opened so far. */
export function orderOfTicket(views: (OrderView | undefined)[], ticketId: string): OrderView | undefined {
  return views.find((v) => v?.flashSaleTicket === ticketId);
}
