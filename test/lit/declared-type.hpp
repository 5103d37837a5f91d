// A column declared as an existing schema declares it: ormc:column(sqlite_type=...,
// postgresql_type=...) is written instead of the C++ type's own, with ormc's CHECKs kept; a
// SQLite table with a type STRICT refuses (NVARCHAR) is a plain table.
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

struct ORMC_TABLE() Artist {
  ORMC_ID(assigned) std::int32_t artist_id = 0;
  ORMC_COLUMN(sqlite_type = "NVARCHAR(120)", postgresql_type = "varchar(120)") std::string name;
  ORMC_COLUMN(sqlite_type = "BOOLEAN") bool active = false;
};
// SQLITE:      CREATE TABLE IF NOT EXISTS "artist" (
// SQLITE-NEXT:   "artist_id" INTEGER PRIMARY KEY NOT NULL,
// SQLITE-NEXT:   "name" NVARCHAR(120) NOT NULL,
// SQLITE-NEXT:   "active" BOOLEAN NOT NULL CHECK ("active" IN (0, 1))
// SQLITE-NEXT: );
// PG:          "name" varchar(120) NOT NULL,
// PG-NEXT:     "active" BOOLEAN NOT NULL
// IR:          "postgresql_type": "varchar(120)"
// IR-NEXT:     "sqlite_type": "NVARCHAR(120)"
