// ormc:id(sequence=...): the existing schema's own sequence assigns the key. PostgreSQL: the
// sequence (created if missing) as the column's DEFAULT, not an identity; inserts return the key,
// bulk inserts reserve keys from it, and a key written by hand moves it along. SQLite has no
// sequences: the key is the rowid, as for any database-assigned key.
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: rm -rf %t && %ormc --output-dir %t %s -- %flags && FileCheck %s --check-prefix=CPP < %t/id-sequence.ormc.hpp
// RUN: FileCheck %s --check-prefix=SQL < %t/id-sequence.ormc.cpp
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table(schema=shop)")]] Genre {
  [[clang::annotate("ormc:id(sequence=genre_genre_id_seq)")]] std::int32_t genre_id = 0;
  std::string name;
};
// PG:      CREATE SCHEMA IF NOT EXISTS "shop";
// PG-NEXT: CREATE SEQUENCE IF NOT EXISTS "shop"."genre_genre_id_seq";
// PG-NEXT: CREATE TABLE IF NOT EXISTS "shop"."genre" (
// PG-NEXT:   "genre_id" INTEGER PRIMARY KEY NOT NULL DEFAULT nextval('"shop"."genre_genre_id_seq"'),
// SQLITE:      CREATE TABLE IF NOT EXISTS "genre" (
// SQLITE-NEXT:   "genre_id" INTEGER PRIMARY KEY NOT NULL,
// CPP:      static constexpr bool key_assigned_by_database = true;
// SQL:      .sync_key = R"sql(SELECT setval('"shop"."genre_genre_id_seq"', GREATEST((SELECT max("genre_id") FROM "shop"."genre"), nextval('"shop"."genre_genre_id_seq"'))))sql",
// SQL-NEXT: .key_sequence = R"sql("shop"."genre_genre_id_seq")sql",
