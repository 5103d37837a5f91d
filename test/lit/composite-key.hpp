// Several ormc:id members make one composite key, in declaration order: a PRIMARY KEY constraint
// over them, statements by key that match every column, and a tuple for a key in C++. Its
// integers are the application's (no identity), and a key column after the first gets an index
// of its own when it is a foreign key.
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: rm -rf %t && %ormc --output-dir %t %s -- %flags && FileCheck %s --check-prefix=CPP < %t/composite-key.ormc.hpp
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] Tag {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};

struct [[clang::annotate("ormc:table")]]
[[clang::annotate("ormc:many_to_many(Tag, source_column=\"doc\", target_column=\"label\")")]] Doc {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};

struct [[clang::annotate("ormc:table")]] Reading {
  [[clang::annotate("ormc:id")]] std::string sensor;
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:belongs_to(Tag)")]] std::int64_t tag_id = 0;
  double value = 0;
};
// PG:      CREATE TABLE IF NOT EXISTS "reading" (
// PG-NEXT:   "sensor" TEXT NOT NULL,
// PG-NEXT:   "tag_id" BIGINT NOT NULL,
// PG-NEXT:   "value" DOUBLE PRECISION NOT NULL,
// PG-NEXT:   CONSTRAINT "pk_reading" PRIMARY KEY ("sensor", "tag_id"),
// PG-NEXT:   CONSTRAINT "fk_reading_tag_id" FOREIGN KEY ("tag_id") REFERENCES "tag" ("id")
// PG-NEXT: );
// PG-NEXT: CREATE INDEX IF NOT EXISTS "idx_reading_tag_id" ON "reading" ("tag_id");
// PG:      CREATE TABLE IF NOT EXISTS "doc_tag" (
// PG-NEXT:   "doc" BIGINT NOT NULL,
// PG-NEXT:   "label" BIGINT NOT NULL,
// PG-NEXT:   CONSTRAINT "pk_doc_tag" PRIMARY KEY ("doc", "label"),

// SQLITE:      CREATE TABLE IF NOT EXISTS "reading" (
// SQLITE-NEXT:   "sensor" TEXT NOT NULL,
// SQLITE-NEXT:   "tag_id" INTEGER NOT NULL,
// SQLITE-NEXT:   "value" REAL NOT NULL,
// SQLITE-NEXT:   CONSTRAINT "pk_reading" PRIMARY KEY ("sensor", "tag_id"),

// CPP:      struct ModelTraits<::Reading> {
// CPP:        using key_type = std::tuple<decltype(::Reading::sensor), decltype(::Reading::tag_id)>;
// CPP-NEXT:   using key_columns = std::tuple<::Reading_columns::sensor_, ::Reading_columns::tag_id_>;
// CPP:        static constexpr bool key_assigned_by_database = false;
// CPP:        static constexpr std::string_view sqlite_key_columns[] = {R"sql("sensor")sql", R"sql("tag_id")sql"};
// CPP:        .key = R"sql("sensor", "tag_id")sql",
// CPP:        .select_all = R"sql(SELECT "sensor", "tag_id", "value" FROM "reading" ORDER BY "sensor", "tag_id")sql",
// CPP:        .select_by_key = R"sql(SELECT "sensor", "tag_id", "value" FROM "reading" WHERE "sensor" = ?1 AND "tag_id" = ?2)sql",
// CPP:        .update = R"sql(UPDATE "reading" SET "value" = ?1 WHERE "sensor" = ?2 AND "tag_id" = ?3)sql",
// CPP:        .upsert_by_key = R"sql(INSERT INTO "reading" ("sensor", "tag_id", "value") VALUES (?1, ?2, ?3) ON CONFLICT ("sensor", "tag_id") DO UPDATE SET "value" = excluded."value")sql",
// CPP:        static key_type key(const model_type& row) { return {row.sensor, row.tag_id}; }
// CPP:        static void bind_update(Statement& s, const model_type& row) {
// CPP-NEXT:     s.bind(1, row.value);
// CPP-NEXT:     s.bind(2, row.sensor);
// CPP-NEXT:     s.bind(3, row.tag_id);
