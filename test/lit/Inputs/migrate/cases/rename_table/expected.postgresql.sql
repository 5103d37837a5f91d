SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "book" RENAME TO "volume";
ALTER INDEX "idx_book_title" RENAME TO "idx_volume_title";
