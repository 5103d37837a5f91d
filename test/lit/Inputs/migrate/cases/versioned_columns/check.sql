SELECT "id", "counterparty", "term", "currency" FROM "contract" ORDER BY "id";
UPDATE "contract" SET "currency" = 'USD' WHERE "id" = 2;
DELETE FROM "contract" WHERE "id" = 1;
WITH h AS (SELECT * FROM "contract_history") SELECT "id", "history_version", "history_operation", "counterparty", coalesce("term", -1), "currency", CASE WHEN "history_valid_to" IS NULL THEN 1 ELSE 0 END, CASE WHEN "history_valid_from" <= coalesce("history_valid_to", "history_valid_from") THEN 1 ELSE 0 END FROM h ORDER BY "id", "history_version";
