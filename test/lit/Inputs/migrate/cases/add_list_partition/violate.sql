INSERT INTO "shipment" ("region", "id", "item") VALUES ('de', 1, 'again');
