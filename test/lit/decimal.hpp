// ormc::decimal<precision, scale> is NUMERIC(p, s) on PostgreSQL; on SQLite an INTEGER count of
// 10^-scale units (exact, and it sorts and sums as a number), held to the precision by a CHECK.
// storage=numeric keeps the number itself, as schemas made elsewhere store NUMERIC on SQLite.
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
#pragma once
#include <cstdint>

namespace ormc { // as <ormc/decimal.hpp> declares it; the tool reads only the type's name
template <int Precision, int Scale> class decimal {};
} // namespace ormc

struct [[clang::annotate("ormc:table")]] InvoiceItem {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  [[clang::annotate("ormc:column(default=0.5)")]] ormc::decimal<10, 2> price;
  [[clang::annotate("ormc:column(storage=numeric)")]] ormc::decimal<7, 3> weight;
};
// IR:      "member": "price",
// IR:      "kind": "decimal",
// IR-NEXT: "precision": 10,
// IR-NEXT: "scale": 2,
// IR:      "member": "weight",
// IR:      "storage": "numeric",

// SQLITE:      "price" INTEGER NOT NULL DEFAULT 50 CHECK ("price" BETWEEN -9999999999 AND 9999999999),
// SQLITE-NEXT: "weight" REAL NOT NULL

// PG:      "price" NUMERIC(10, 2) NOT NULL DEFAULT 0.5,
// PG-NEXT: "weight" NUMERIC(7, 3) NOT NULL
