SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "shipment" DETACH PARTITION "shipment_us";
INSERT INTO "shipment" SELECT * FROM "shipment_us";
DROP TABLE "shipment_us";
