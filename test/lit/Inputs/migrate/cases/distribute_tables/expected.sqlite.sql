CREATE TABLE IF NOT EXISTS "invoice" (
  "company_id" INTEGER NOT NULL,
  "id" INTEGER NOT NULL,
  CONSTRAINT "pk_invoice" PRIMARY KEY ("company_id", "id"),
  CONSTRAINT "fk_invoice_company_id" FOREIGN KEY ("company_id") REFERENCES "company" ("id")
) STRICT;
