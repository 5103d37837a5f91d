// Distributed PostgreSQL (Citus): ormc:table(distribute_by=member, colocate_with=Model) and
// ormc:table(reference). The PostgreSQL script creates every table as usual, then hands each to
// the engine: reference tables and colocated-with tables before the tables that need them.
// Names are quoted as SQL names inside the literals, since Citus parses them; the distribution
// column is its own name. SQLite keeps every table whole: its script calls nothing.
// RUN: rm -rf %t && %ormc --output-dir %t %s -- %flags
// RUN: FileCheck %s --check-prefix=PG --input-file %t/schema.postgresql.sql
// RUN: FileCheck %s --check-prefix=LITE --input-file %t/schema.sqlite.sql
// RUN: FileCheck %s --check-prefix=MODELS --input-file %t/schema.ormc.hpp
// RUN: FileCheck %s --check-prefix=IR --input-file %t/schema.json
// RUN: %sqlite3 :memory: < %t/schema.sqlite.sql
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

struct ORMC_TABLE(reference) Country {
  ORMC_ID(assigned) std::string code;
  std::string name;
};

struct ORMC_TABLE(distribute_by = id) Company {
  ORMC_ID(assigned) std::int64_t id = 0;
  ORMC_BELONGS_TO(Country) std::string country_code;
};

// A key the engine enforces within one shard: it includes the distribution column.
struct ORMC_TABLE(distribute_by = company_id, colocate_with = Company) Project {
  ORMC_ID() ORMC_BELONGS_TO(Company) std::int64_t company_id = 0;
  ORMC_ID() std::int64_t id = 0;
  std::string title;
};

// Reserved words as the table and the distribution column.
struct ORMC_TABLE(name = "order", distribute_by = user, colocate_with = Company) Order {
  ORMC_ID() std::int64_t user = 0;
  ORMC_ID() std::int64_t id = 0;
};

// A local table may reference a reference table.
struct ORMC_TABLE() Setting {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Country) std::string country_code;
};

// PG:      CREATE TABLE IF NOT EXISTS "order" (
// PG:      SELECT create_reference_table('"country"');
// PG-NEXT: SELECT create_distributed_table('"company"', 'id');
// PG-NEXT: SELECT create_distributed_table('"project"', 'company_id', colocate_with => '"company"');
// PG-NEXT: SELECT create_distributed_table('"order"', 'user', colocate_with => '"company"');
// PG-NOT:  create_
// PG-NOT:  setting'

// LITE-NOT: create_distributed_table
// LITE-NOT: create_reference_table

// MODELS:      #include <ormc/distribution.hpp>
// MODELS:      void create_schema(ormc::Distribution distribution = ormc::Distribution::engine) {
// MODELS-NEXT:   ormc::Transaction transaction(db_);
// MODELS-NEXT:   if (distribution == ormc::Distribution::engine)
// MODELS-NEXT:     ormc::require_distribution_engine(db_, "country, company, project, order");
// MODELS:        if (distribution == ormc::Distribution::engine)
// MODELS-NEXT:     for (std::string_view statement : distribute_statements(db_.dialect()))

// IR:      "table": "company",
// IR:      "distribution": {
// IR-NEXT:   "kind": "distributed",
// IR-NEXT:   "member": "id"
// IR-NEXT: },
// IR:      "table": "project",
// IR:      "distribution": {
// IR-NEXT:   "kind": "distributed",
// IR-NEXT:   "member": "company_id",
// IR-NEXT:   "colocate_with": "Company",
// IR-NEXT:   "colocate_model": "Company"
// IR-NEXT: },
