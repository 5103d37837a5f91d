// nlohmann::json members, and members of any class marked ormc:column(json), are JSON columns:
// JSONB on PostgreSQL, TEXT held to valid JSON on SQLite. Only a header with a JSON column
// includes <ormc/json.hpp> (nlohmann's header is large).
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: rm -rf %t && mkdir %t && %ormc --output-dir %t %s -- %flags && FileCheck %s --check-prefix=CPP < %t/json.ormc.hpp
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

struct Settings {
  std::map<std::string, std::string> values;
};

struct [[clang::annotate("ormc:table")]] Profile {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  nlohmann::json attrs;
  std::optional<nlohmann::ordered_json> extra;
  [[clang::annotate("ormc:column(json)")]] Settings settings;
};
// IR:      "member": "attrs",
// IR:      "kind": "json",
// IR:      "member": "extra",
// IR:      "kind": "json",
// IR:      "nullable": true,
// IR:      "member": "settings",
// IR:      "kind": "json",

// SQLITE:      "attrs" TEXT NOT NULL CHECK (json_valid("attrs")),
// SQLITE-NEXT: "extra" TEXT CHECK ("extra" IS NULL OR json_valid("extra")),
// SQLITE-NEXT: "settings" TEXT NOT NULL CHECK (json_valid("settings"))

// PG:      "attrs" JSONB NOT NULL,
// PG-NEXT: "extra" JSONB,
// PG-NEXT: "settings" JSONB NOT NULL

// CPP:      #include <ormc/json.hpp>
// CPP:      struct attrs_ : ormc::column<attrs_, ::Profile, decltype(::Profile::attrs), ormc::Storage::json> {
// CPP:      s.bind(1, ormc::stored_as<ormc::Storage::json>(row.attrs));
