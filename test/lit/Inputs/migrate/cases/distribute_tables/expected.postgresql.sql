SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS "invoice" (
  "company_id" BIGINT NOT NULL,
  "id" BIGINT NOT NULL,
  CONSTRAINT "pk_invoice" PRIMARY KEY ("company_id", "id"),
  CONSTRAINT "fk_invoice_company_id" FOREIGN KEY ("company_id") REFERENCES "company" ("id")
);
SELECT create_reference_table('"country"');
SELECT create_distributed_table('"company"', 'id');
SELECT create_distributed_table('"project"', 'company_id', colocate_with => '"company"');
SELECT create_distributed_table('"invoice"', 'company_id', colocate_with => '"company"');
