SELECT "region", "id", "item" FROM "shipment" ORDER BY "id";
