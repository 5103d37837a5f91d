SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
DROP TRIGGER IF EXISTS "contract_history" ON "contract";
DROP FUNCTION IF EXISTS "contract_history_write"();
ALTER TABLE "contract" RENAME COLUMN "counterparty" TO "party";
ALTER TABLE "contract_history" RENAME COLUMN "counterparty" TO "party";
ALTER TABLE "contract" DROP COLUMN "currency";
ALTER TABLE "contract_history" DROP COLUMN "currency";
ALTER TABLE "contract" ALTER COLUMN "term" DROP DEFAULT;
ALTER TABLE "contract" ALTER COLUMN "term" DROP NOT NULL;
ALTER TABLE "contract_history" ALTER COLUMN "term" DROP DEFAULT;
ALTER TABLE "contract_history" ALTER COLUMN "term" DROP NOT NULL;
CREATE OR REPLACE FUNCTION "contract_history_write"() RETURNS trigger LANGUAGE plpgsql AS $ormc$
DECLARE
  ormc_history_last_version bigint;
  ormc_history_last_from timestamptz;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT "history_version", "history_valid_from" INTO ormc_history_last_version, ormc_history_last_from FROM "contract_history" WHERE "id" = OLD."id" ORDER BY "history_version" DESC LIMIT 1;
    UPDATE "contract_history" SET "history_valid_to" = GREATEST(now(), ormc_history_last_from) WHERE "id" = OLD."id" AND "history_version" = ormc_history_last_version AND "history_valid_to" IS NULL;
    INSERT INTO "contract_history" ("id", "party", "term", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor")
      VALUES (OLD."id", OLD."party", OLD."term", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), GREATEST(now(), ormc_history_last_from), 'delete', NULLIF(current_setting('ormc.actor', true), ''));
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD."id") IS DISTINCT FROM (NEW."id") THEN
    UPDATE "contract_history" SET "history_valid_to" = GREATEST(now(), "history_valid_from") WHERE "id" = OLD."id" AND "history_version" = (SELECT max("history_version") FROM "contract_history" WHERE "id" = OLD."id") AND "history_valid_to" IS NULL;
  END IF;
    SELECT "history_version", "history_valid_from" INTO ormc_history_last_version, ormc_history_last_from FROM "contract_history" WHERE "id" = NEW."id" ORDER BY "history_version" DESC LIMIT 1;
    UPDATE "contract_history" SET "history_valid_to" = GREATEST(now(), ormc_history_last_from) WHERE "id" = NEW."id" AND "history_version" = ormc_history_last_version AND "history_valid_to" IS NULL;
    INSERT INTO "contract_history" ("id", "party", "term", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor")
      VALUES (NEW."id", NEW."party", NEW."term", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), NULL, lower(TG_OP), NULLIF(current_setting('ormc.actor', true), ''));
  RETURN NULL;
END
$ormc$;
CREATE OR REPLACE TRIGGER "contract_history" AFTER INSERT OR UPDATE OR DELETE ON "contract" FOR EACH ROW EXECUTE FUNCTION "contract_history_write"();
