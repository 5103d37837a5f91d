SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE IF EXISTS "book" DROP CONSTRAINT IF EXISTS "fk_book_aisle_slot";
DROP INDEX IF EXISTS "idx_book_aisle_slot";
