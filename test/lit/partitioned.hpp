// Partitioned tables (ormc:table(partition_by=...)): PostgreSQL's declarative partitioning, the
// partitions made with the table. By time: a PL/pgSQL block makes one partition per interval
// from the current one through partitions_ahead more, named by their start (UTC), so that a
// script and create_schema() make them relative to when they run. By list: one partition per
// ormc:partition and a default one for every other value. By hash: `partitions` partitions.
// SQLite keeps a plain table.
// RUN: rm -rf %t && %ormc --output-dir %t %s -- %flags
// RUN: FileCheck %s --check-prefix=PG --input-file %t/schema.postgresql.sql
// RUN: FileCheck %s --check-prefix=LITE --input-file %t/schema.sqlite.sql
// RUN: FileCheck %s --check-prefix=TRAITS --input-file %t/partitioned.ormc.cpp
// RUN: FileCheck %s --check-prefix=IR --input-file %t/schema.json
// RUN: %sqlite3 :memory: < %t/schema.sqlite.sql
#pragma once
#include <chrono>
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

// The key includes the partition key, as PostgreSQL requires.
struct ORMC_TABLE(partition_by = "range(created_at)", partitions_ahead = 2) Event {
  ORMC_ID() std::int64_t id = 0;
  ORMC_ID() std::chrono::system_clock::time_point created_at;
  std::string kind;
};
// PG:      CREATE TABLE IF NOT EXISTS "event" (
// PG:      CONSTRAINT "pk_event" PRIMARY KEY ("id", "created_at")
// PG-NEXT: ) PARTITION BY RANGE ("created_at");
// PG-NEXT: DO $ormc$
// PG-NEXT: DECLARE
// PG-NEXT:   lower timestamptz := date_trunc('month', now(), 'UTC');
// PG-NEXT:   last timestamptz := now() + 2 * interval '1 month';
// PG-NEXT: BEGIN
// PG-NEXT:   WHILE lower <= last LOOP
// PG-NEXT:     EXECUTE format('CREATE TABLE IF NOT EXISTS %s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', quote_ident('event_p' || to_char(lower AT TIME ZONE 'UTC', 'YYYYMM')), '"event"', lower, lower + interval '1 month');
// PG-NEXT:     lower := lower + interval '1 month';
// PG-NEXT:   END LOOP;
// PG-NEXT: END $ormc$;

// Reserved words as the table and the key; text values are quoted literals.
struct ORMC_TABLE(name = "order", partition_by = "list(user)") ORMC_PARTITION(name = eu, values = "de, fr")
    ORMC_PARTITION(name = us, values = "us") Order {
  ORMC_ID() std::string user;
  ORMC_ID() std::int64_t id = 0;
};
// PG:      ) PARTITION BY LIST ("user");
// PG-NEXT: CREATE TABLE IF NOT EXISTS "order_eu" PARTITION OF "order" FOR VALUES IN ('de', 'fr');
// PG-NEXT: CREATE TABLE IF NOT EXISTS "order_us" PARTITION OF "order" FOR VALUES IN ('us');
// PG-NEXT: CREATE TABLE IF NOT EXISTS "order_default" PARTITION OF "order" DEFAULT;

struct ORMC_TABLE(partition_by = "hash(id)", partitions = 3) Reading {
  ORMC_ID(assigned) std::int64_t id = 0;
  double value = 0;
};
// PG:      ) PARTITION BY HASH ("id");
// PG-NEXT: CREATE TABLE IF NOT EXISTS "reading_p0" PARTITION OF "reading" FOR VALUES WITH (MODULUS 3, REMAINDER 0);
// PG-NEXT: CREATE TABLE IF NOT EXISTS "reading_p1" PARTITION OF "reading" FOR VALUES WITH (MODULUS 3, REMAINDER 1);
// PG-NEXT: CREATE TABLE IF NOT EXISTS "reading_p2" PARTITION OF "reading" FOR VALUES WITH (MODULUS 3, REMAINDER 2);

// LITE-NOT: PARTITION

// TRAITS: .partition_interval = R"sql(month)sql",
// TRAITS: .partition_interval = R"sql(month)sql",
// TRAITS-NOT: .partition_interval

// IR:      "partitioning": {
// IR-NEXT:   "method": "range",
// IR-NEXT:   "member": "created_at",
// IR-NEXT:   "interval": "month",
// IR-NEXT:   "ahead": 2
// IR-NEXT: },
// IR:      "partitioning": {
// IR-NEXT:   "method": "list",
// IR-NEXT:   "member": "user",
// IR-NEXT:   "lists": [
// IR-NEXT:     {
// IR-NEXT:       "name": "eu",
// IR-NEXT:       "values": [
// IR-NEXT:         "de",
// IR-NEXT:         "fr"
