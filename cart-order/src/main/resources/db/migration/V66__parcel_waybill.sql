-- The parcel's waybill as shipping announced it (ShipmentCreated), for its label; null until then. Orders
-- booked before this kept the waybill only in their timeline ("Parcel <waybill> being packed"): it is copied
-- from there; their carrier was not kept, so their label names none.
alter table shop_order add column carrier text, add column tracking_number text;

update shop_order o
set tracking_number = substring(t.note from '^Parcel (.+) being packed$')
from order_timeline t
where t.order_id = o.id and t.status = 'FULFILLING' and t.note like 'Parcel % being packed';
