SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "volume" RENAME TO "book";
ALTER INDEX "idx_volume_title" RENAME TO "idx_book_title";
