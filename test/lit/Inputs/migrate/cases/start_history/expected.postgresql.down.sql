SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
DROP TRIGGER IF EXISTS "price_history" ON "price";
DROP FUNCTION IF EXISTS "price_history_write"();
