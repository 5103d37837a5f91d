INSERT INTO "shipment" ("region", "id", "item") VALUES ('de', 1, 'bolts'), ('us', 2, 'nuts'), ('ca', 3, 'gears'), ('jp', 4, 'springs');
