-- V69's index was partial (status = 'REJECTED'), which a prepared statement binding the status as a parameter
-- cannot use once PostgreSQL plans it generically: index the status instead.
DROP INDEX after_sales_request_rejected;
CREATE INDEX after_sales_request_shopper_status ON after_sales_request (shopper_id, status, decided_at);
