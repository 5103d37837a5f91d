// column(...) keys: unique, index, max_length, default, comment.
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
#pragma once
#include <cstdint>
#include <optional>
#include <string>

struct [[clang::annotate("ormc:table(comment=\"user accounts\")")]] Account {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  [[clang::annotate("ormc:column(unique, max_length=320)")]] std::string email;
  [[clang::annotate("ormc:column(index)")]] std::int32_t age;
  [[clang::annotate("ormc:column(default=\"it's new\", comment=\"shown on\nthe profile\")")]]
  std::string status;
  [[clang::annotate("ormc:column(default=-5)")]] std::int32_t balance;
  [[clang::annotate("ormc:column(default=0.5)")]] double ratio;
  [[clang::annotate("ormc:column(default=true)")]] bool active;
  [[clang::annotate("ormc:column(default=null, index=false)")]] std::optional<std::string> nick;
};
// CHECK:      -- user accounts
// CHECK-NEXT: CREATE TABLE IF NOT EXISTS "account" (
// CHECK-NEXT:   "id" INTEGER PRIMARY KEY NOT NULL,
// CHECK-NEXT:   "email" TEXT NOT NULL CHECK (length("email") <= 320) CONSTRAINT "uq_account_email" UNIQUE,
// CHECK-NEXT:   "age" INTEGER NOT NULL,
// CHECK-NEXT:   "status" TEXT NOT NULL DEFAULT 'it''s new', -- shown on the profile
// CHECK-NEXT:   "balance" INTEGER NOT NULL DEFAULT -5,
// CHECK-NEXT:   "ratio" REAL NOT NULL DEFAULT 0.5,
// CHECK-NEXT:   "active" INTEGER NOT NULL DEFAULT 1 CHECK ("active" IN (0, 1)),
// CHECK-NEXT:   "nick" TEXT DEFAULT NULL
// CHECK-NEXT: ) STRICT;
// CHECK-NEXT: CREATE INDEX IF NOT EXISTS "idx_account_age" ON "account" ("age");
// CHECK-NOT:  idx_account_email
// CHECK-NOT:  idx_account_nick
