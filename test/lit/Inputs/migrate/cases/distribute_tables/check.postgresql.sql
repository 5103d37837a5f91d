SELECT "code" FROM "country" ORDER BY "code";
SELECT "id", "country_code" FROM "company" ORDER BY "id";
SELECT "company_id", "id", "title" FROM "project" ORDER BY "company_id", "id";
SELECT count(*) FROM "invoice";
WITH calls AS (SELECT seq, fn, table_name, coalesce(distribution_column, '-') AS col, coalesce(colocate_with, '-') AS colocate FROM citus_calls) SELECT fn, table_name, col, colocate FROM calls ORDER BY seq;
