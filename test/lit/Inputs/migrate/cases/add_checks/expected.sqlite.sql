CREATE TABLE IF NOT EXISTS "ormc_rebuild_item" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "stock" INTEGER NOT NULL CONSTRAINT "ck_item_stock" CHECK ("stock" >= 0),
  "reserved" INTEGER NOT NULL,
  CONSTRAINT "ck_item" CHECK (reserved <= stock)
) STRICT;
INSERT INTO "ormc_rebuild_item" ("id", "stock", "reserved") SELECT "id", "stock", "reserved" FROM "item";
DROP TABLE IF EXISTS "item";
ALTER TABLE "ormc_rebuild_item" RENAME TO "item";
