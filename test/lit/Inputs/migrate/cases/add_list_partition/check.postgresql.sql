SELECT "region", "id", "item" FROM "shipment" ORDER BY "id";
WITH placed AS (SELECT tableoid::regclass::text AS part, "id" FROM "shipment") SELECT part, "id" FROM placed ORDER BY "id";
