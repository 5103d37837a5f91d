SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
DROP TRIGGER IF EXISTS "contract_history" ON "contract";
DROP FUNCTION IF EXISTS "contract_history_write"();
ALTER TABLE "contract" RENAME COLUMN "party" TO "counterparty";
ALTER TABLE "contract_history" RENAME COLUMN "party" TO "counterparty";
ALTER TABLE "contract" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'EUR';
ALTER TABLE "contract_history" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'EUR';
UPDATE "contract" SET "term" = 12 WHERE "term" IS NULL;
ALTER TABLE "contract" ALTER COLUMN "term" SET DEFAULT 12;
ALTER TABLE "contract" ADD CONSTRAINT "contract_term_not_null" CHECK ("term" IS NOT NULL) NOT VALID;
UPDATE "contract_history" SET "term" = 12 WHERE "term" IS NULL;
ALTER TABLE "contract_history" ALTER COLUMN "term" SET DEFAULT 12;
ALTER TABLE "contract_history" ADD CONSTRAINT "contract_history_term_not_null" CHECK ("term" IS NOT NULL) NOT VALID;
CREATE OR REPLACE FUNCTION "contract_history_write"() RETURNS trigger LANGUAGE plpgsql AS $ormc$
DECLARE
  ormc_history_last_version bigint;
  ormc_history_last_from timestamptz;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT "history_version", "history_valid_from" INTO ormc_history_last_version, ormc_history_last_from FROM "contract_history" WHERE "id" = OLD."id" ORDER BY "history_version" DESC LIMIT 1;
    UPDATE "contract_history" SET "history_valid_to" = GREATEST(now(), ormc_history_last_from) WHERE "id" = OLD."id" AND "history_version" = ormc_history_last_version AND "history_valid_to" IS NULL;
    INSERT INTO "contract_history" ("id", "counterparty", "term", "currency", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor")
      VALUES (OLD."id", OLD."counterparty", OLD."term", OLD."currency", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), GREATEST(now(), ormc_history_last_from), 'delete', NULLIF(current_setting('ormc.actor', true), ''));
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD."id") IS DISTINCT FROM (NEW."id") THEN
    UPDATE "contract_history" SET "history_valid_to" = GREATEST(now(), "history_valid_from") WHERE "id" = OLD."id" AND "history_version" = (SELECT max("history_version") FROM "contract_history" WHERE "id" = OLD."id") AND "history_valid_to" IS NULL;
  END IF;
    SELECT "history_version", "history_valid_from" INTO ormc_history_last_version, ormc_history_last_from FROM "contract_history" WHERE "id" = NEW."id" ORDER BY "history_version" DESC LIMIT 1;
    UPDATE "contract_history" SET "history_valid_to" = GREATEST(now(), ormc_history_last_from) WHERE "id" = NEW."id" AND "history_version" = ormc_history_last_version AND "history_valid_to" IS NULL;
    INSERT INTO "contract_history" ("id", "counterparty", "term", "currency", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor")
      VALUES (NEW."id", NEW."counterparty", NEW."term", NEW."currency", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), NULL, lower(TG_OP), NULLIF(current_setting('ormc.actor', true), ''));
  RETURN NULL;
END
$ormc$;
CREATE OR REPLACE TRIGGER "contract_history" AFTER INSERT OR UPDATE OR DELETE ON "contract" FOR EACH ROW EXECUTE FUNCTION "contract_history_write"();
-- ormc:online-steps: each step below runs after the statements above commit, outside a transaction; migrate() records each step it finishes and resumes from the first unfinished one
-- step 1
ALTER TABLE "contract" VALIDATE CONSTRAINT "contract_term_not_null";
-- step 2
SET lock_timeout = '5s';
ALTER TABLE "contract" ALTER COLUMN "term" SET NOT NULL, DROP CONSTRAINT IF EXISTS "contract_term_not_null";
-- step 3
ALTER TABLE "contract_history" VALIDATE CONSTRAINT "contract_history_term_not_null";
-- step 4
SET lock_timeout = '5s';
ALTER TABLE "contract_history" ALTER COLUMN "term" SET NOT NULL, DROP CONSTRAINT IF EXISTS "contract_history_term_not_null";
