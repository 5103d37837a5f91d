CREATE TABLE IF NOT EXISTS "ormc_rebuild_item" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "code" INTEGER NOT NULL
) STRICT;
INSERT INTO "ormc_rebuild_item" ("id", "code") SELECT "id", (CAST(code AS INTEGER) * 10) FROM "item";
DROP TABLE IF EXISTS "item";
ALTER TABLE "ormc_rebuild_item" RENAME TO "item";
