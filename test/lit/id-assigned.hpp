// ormc:id(assigned): an integer key the application supplies, as a schema made without identity
// columns has it. No identity, no RETURNING; the insert sends the key.
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] Artist {
  [[clang::annotate("ormc:id(assigned)")]] std::int64_t artist_id = 0;
  std::string name;
};
// PG:      CREATE TABLE IF NOT EXISTS "artist" (
// PG-NEXT:   "artist_id" BIGINT PRIMARY KEY NOT NULL,
// SQLITE:      CREATE TABLE IF NOT EXISTS "artist" (
// SQLITE-NEXT:   "artist_id" INTEGER PRIMARY KEY NOT NULL,
