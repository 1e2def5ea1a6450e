-- Units of a paid order cancelled before it shipped go back on the shelf (RESTOCKED).
ALTER TABLE stock_reservation DROP CONSTRAINT stock_reservation_status_check;
ALTER TABLE stock_reservation ADD CONSTRAINT stock_reservation_status_check
    CHECK (status IN ('HELD', 'CONFIRMED', 'RELEASED', 'RESTOCKED'));
