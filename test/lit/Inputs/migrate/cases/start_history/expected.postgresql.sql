SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS "price_history" (
  "sku" TEXT NOT NULL,
  "cents" BIGINT NOT NULL,
  "history_version" BIGINT NOT NULL,
  "history_valid_from" TIMESTAMPTZ NOT NULL,
  "history_valid_to" TIMESTAMPTZ,
  "history_operation" TEXT NOT NULL,
  "history_actor" TEXT,
  CONSTRAINT "price_history_pkey" PRIMARY KEY ("sku", "history_version")
);
COMMENT ON TABLE "price_history" IS 'Every version of each row of price (ormc:table(versioned))';
CREATE OR REPLACE FUNCTION "price_history_write"() RETURNS trigger LANGUAGE plpgsql AS $ormc$
DECLARE
  ormc_history_last_version bigint;
  ormc_history_last_from timestamptz;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT "history_version", "history_valid_from" INTO ormc_history_last_version, ormc_history_last_from FROM "price_history" WHERE "sku" = OLD."sku" ORDER BY "history_version" DESC LIMIT 1;
    UPDATE "price_history" SET "history_valid_to" = GREATEST(now(), ormc_history_last_from) WHERE "sku" = OLD."sku" AND "history_version" = ormc_history_last_version AND "history_valid_to" IS NULL;
    INSERT INTO "price_history" ("sku", "cents", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor")
      VALUES (OLD."sku", OLD."cents", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), GREATEST(now(), ormc_history_last_from), 'delete', NULLIF(current_setting('ormc.actor', true), ''));
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD."sku") IS DISTINCT FROM (NEW."sku") THEN
    UPDATE "price_history" SET "history_valid_to" = GREATEST(now(), "history_valid_from") WHERE "sku" = OLD."sku" AND "history_version" = (SELECT max("history_version") FROM "price_history" WHERE "sku" = OLD."sku") AND "history_valid_to" IS NULL;
  END IF;
    SELECT "history_version", "history_valid_from" INTO ormc_history_last_version, ormc_history_last_from FROM "price_history" WHERE "sku" = NEW."sku" ORDER BY "history_version" DESC LIMIT 1;
    UPDATE "price_history" SET "history_valid_to" = GREATEST(now(), ormc_history_last_from) WHERE "sku" = NEW."sku" AND "history_version" = ormc_history_last_version AND "history_valid_to" IS NULL;
    INSERT INTO "price_history" ("sku", "cents", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor")
      VALUES (NEW."sku", NEW."cents", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), NULL, lower(TG_OP), NULLIF(current_setting('ormc.actor', true), ''));
  RETURN NULL;
END
$ormc$;
CREATE OR REPLACE TRIGGER "price_history" AFTER INSERT OR UPDATE OR DELETE ON "price" FOR EACH ROW EXECUTE FUNCTION "price_history_write"();
UPDATE "price_history" SET "history_valid_to" = now() WHERE "history_valid_to" IS NULL;
INSERT INTO "price_history" ("sku", "cents", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor") SELECT "price"."sku", "price"."cents", coalesce((SELECT max("history_version") FROM "price_history" WHERE "price_history"."sku" = "price"."sku"), 0) + 1, now(), NULL, 'insert', NULL FROM "price";
