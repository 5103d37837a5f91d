SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "shipment" DETACH PARTITION "shipment_default";
CREATE TABLE IF NOT EXISTS "shipment_us" PARTITION OF "shipment" FOR VALUES IN ('us', 'ca');
INSERT INTO "shipment" SELECT * FROM "shipment_default" WHERE "region" IN ('us', 'ca');
DELETE FROM "shipment_default" WHERE "region" IN ('us', 'ca');
ALTER TABLE "shipment" ATTACH PARTITION "shipment_default" DEFAULT;
