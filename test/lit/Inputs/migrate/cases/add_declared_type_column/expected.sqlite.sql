CREATE TABLE IF NOT EXISTS "ormc_rebuild_customer" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "name" TEXT NOT NULL,
  "city" NVARCHAR(40)
);
INSERT INTO "ormc_rebuild_customer" ("id", "name") SELECT "id", "name" FROM "customer";
DROP TABLE IF EXISTS "customer";
ALTER TABLE "ormc_rebuild_customer" RENAME TO "customer";
