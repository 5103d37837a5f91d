-- Stand-ins for the functions of the Citus engine that ormc's DDL calls, with Citus's own
-- signatures (11.x: create_distributed_table, create_reference_table, undistribute_table). No
-- Citus package exists for Debian 12, so the tests run the DDL against plain PostgreSQL with
-- these: each checks its arguments as Citus does (the table exists, the column is one of its
-- columns, the colocated table exists) and records the call in citus_calls, in the first schema
-- of the search path.
BEGIN;
-- One citus.distribution_type for every test on the server, created once.
SELECT pg_advisory_xact_lock(7303);
CREATE SCHEMA IF NOT EXISTS citus;
DO $$ BEGIN
  CREATE TYPE citus.distribution_type AS ENUM ('hash', 'range', 'append');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
COMMIT;

CREATE TABLE citus_calls (
  seq serial PRIMARY KEY,
  fn text NOT NULL,
  table_name text NOT NULL,
  distribution_column text,
  colocate_with text
);

CREATE FUNCTION create_distributed_table(table_name regclass, distribution_column text,
                                         distribution_type citus.distribution_type DEFAULT 'hash',
                                         colocate_with text DEFAULT 'default',
                                         shard_count int DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = table_name
                 AND attname = distribution_column AND attnum > 0 AND NOT attisdropped) THEN
    RAISE EXCEPTION 'column "%" of relation "%" does not exist', distribution_column, table_name;
  END IF;
  INSERT INTO citus_calls (fn, table_name, distribution_column, colocate_with)
  VALUES ('create_distributed_table', table_name::text, distribution_column,
          CASE WHEN colocate_with = 'default' THEN 'default'
               ELSE colocate_with::regclass::text END);
END $$;

CREATE FUNCTION create_reference_table(table_name regclass)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO citus_calls (fn, table_name) VALUES ('create_reference_table', table_name::text)
$$;

CREATE FUNCTION undistribute_table(table_name regclass, cascade_via_foreign_keys boolean DEFAULT false)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO citus_calls (fn, table_name) VALUES ('undistribute_table', table_name::text)
$$;
