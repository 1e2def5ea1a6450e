-- A flash-sale order paid and then cancelled before it shipped puts its unit back on the shelf
-- (not back into the sale, which sold it): its ticket is RESTOCKED.
ALTER TABLE flash_sale_ticket DROP CONSTRAINT flash_sale_ticket_status_check;
ALTER TABLE flash_sale_ticket ADD CONSTRAINT flash_sale_ticket_status_check
    CHECK (status IN ('ADMITTED', 'ORDERED', 'PAID', 'RETURNED', 'RESTOCKED'));
