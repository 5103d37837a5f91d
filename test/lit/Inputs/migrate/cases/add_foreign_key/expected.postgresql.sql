SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "book" ADD COLUMN "shelf_id" BIGINT;
DO $$ BEGIN
  ALTER TABLE "book" ADD CONSTRAINT "fk_book_shelf_id" FOREIGN KEY ("shelf_id") REFERENCES "shelf" ("id");
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE INDEX IF NOT EXISTS "idx_book_shelf_id" ON "book" ("shelf_id");
