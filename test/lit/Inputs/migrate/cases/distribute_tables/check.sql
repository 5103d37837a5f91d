SELECT "code" FROM "country" ORDER BY "code";
SELECT "id", "country_code" FROM "company" ORDER BY "id";
SELECT "company_id", "id", "title" FROM "project" ORDER BY "company_id", "id";
SELECT count(*) FROM "invoice";
