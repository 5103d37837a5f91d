CREATE TABLE IF NOT EXISTS "ormc_rebuild_item" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "stock" INTEGER NOT NULL,
  "reserved" INTEGER NOT NULL
) STRICT;
INSERT INTO "ormc_rebuild_item" ("id", "stock", "reserved") SELECT "id", "stock", "reserved" FROM "item";
DROP TABLE IF EXISTS "item";
ALTER TABLE "ormc_rebuild_item" RENAME TO "item";
