// Default names: the table is the struct's name in snake_case, the Models member its plural;
// `name=` overrides the table or column name.
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s
#pragma once
#include <cstdint>

struct [[clang::annotate("ormc:table")]] OrderLine {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: "name": "OrderLine",
// CHECK: "table": "order_line",
// CHECK: "accessor": "order_lines",

struct [[clang::annotate("ormc:table")]] HTTPRequest {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: "table": "http_request",
// CHECK: "accessor": "http_requests",

struct [[clang::annotate("ormc:table")]] Category {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: "accessor": "categories",

struct [[clang::annotate("ormc:table")]] Address {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: "accessor": "addresses",

struct [[clang::annotate("ormc:table(name=\"People\", schema=crm, comment=\"customers\")")]] Person {
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:column(name=person_id)")]] std::int64_t id;
};
// CHECK:      "table": "People",
// CHECK-NEXT: "schema": "crm",
// CHECK-NEXT: "comment": "customers",
// CHECK-NEXT: "accessor": "people",
// CHECK:      "member": "id",
// CHECK-NEXT: "name": "person_id",

// English plurals the plain rules get wrong, by the last word of the name.
struct [[clang::annotate("ormc:table")]] Child {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: "accessor": "children",
struct [[clang::annotate("ormc:table")]] BookShelf {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: "accessor": "book_shelves",
struct [[clang::annotate("ormc:table")]] Human {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: "accessor": "humans",

// ormc:table(naming=...): a rule for every name the table does not spell out, so that a schema
// made in PascalCase (or camelCase) needs no name= on each member. Spelled-out names are kept.
struct [[clang::annotate("ormc:table(naming=PascalCase)")]] InvoiceLine {
  [[clang::annotate("ormc:id")]] std::int64_t invoice_line_id;
  double unitPrice;
  [[clang::annotate("ormc:column(name=qty)")]] std::int32_t quantity;
};
// CHECK: "table": "InvoiceLine",
// CHECK: "accessor": "invoice_lines",
// CHECK: "name": "InvoiceLineId",
// CHECK: "name": "UnitPrice",
// CHECK: "name": "qty",

struct [[clang::annotate("ormc:table(naming=camelCase)")]] MediaType {
  [[clang::annotate("ormc:id")]] std::int64_t media_type_id;
};
// CHECK: "table": "mediaType",
// CHECK: "name": "mediaTypeId",

struct [[clang::annotate("ormc:table(naming=snake_case)")]] Genre {
  [[clang::annotate("ormc:id")]] std::int64_t GenreId;
};
// CHECK: "table": "genre",
// CHECK: "name": "genre_id",
