CREATE TABLE IF NOT EXISTS "ormc_rebuild_item" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "stock" INTEGER NOT NULL,
  "shelf" INTEGER NOT NULL,
  "weight" REAL NOT NULL
) STRICT;
INSERT INTO "ormc_rebuild_item" ("id", "stock", "shelf", "weight") SELECT "id", "stock", "shelf", "weight" FROM "item";
DROP TABLE IF EXISTS "item";
ALTER TABLE "ormc_rebuild_item" RENAME TO "item";
