CREATE TABLE IF NOT EXISTS "ormc_rebuild_author" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "email" TEXT NOT NULL
) STRICT;
INSERT INTO "ormc_rebuild_author" ("id", "email") SELECT "id", "email" FROM "author";
DROP TABLE IF EXISTS "author";
ALTER TABLE "ormc_rebuild_author" RENAME TO "author";
