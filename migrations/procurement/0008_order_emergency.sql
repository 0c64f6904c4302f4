-- D-04: an emergency order (急救/紧急订单) has its own, shorter delivery time limit in distribution's policy.
ALTER TABLE procurement.purchase_order ADD COLUMN emergency boolean NOT NULL DEFAULT false;
