DROP TRIGGER IF EXISTS "price_history_insert";
DROP TRIGGER IF EXISTS "price_history_update";
DROP TRIGGER IF EXISTS "price_history_delete";
