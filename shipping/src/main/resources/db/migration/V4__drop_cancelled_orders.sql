-- One voice per order: shipping follows order.v1 alone, where a cancellation never overtakes the
-- payment it follows, so it no longer remembers cancellations that arrived before a payment.
DROP TABLE cancelled_order;
