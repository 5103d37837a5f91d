// Every supported C++ type and the SQLite storage class it maps to. Aliases and std::optional
// are seen through; enums are stored as their underlying integer.
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

enum class Mood : std::uint8_t { calm, angry };
using Id = std::int64_t;
using Name = std::string;
using When = std::chrono::system_clock::time_point;
using Micros = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

struct [[clang::annotate("ormc:table")]] Everything {
  [[clang::annotate("ormc:id")]] Id id;
  bool b;
  signed char i8;
  short i16;
  int i32;
  long long i64;
  unsigned char u8;
  unsigned short u16;
  unsigned u32;
  std::uint64_t u64;
  float f;
  double d;
  Name s;
  std::vector<std::byte> blob;
  std::vector<std::uint8_t> octets;
  When at;
  Micros at_micros;
  Mood mood;
  std::optional<int> maybe_int;
  std::optional<When> maybe_at;
};
// CHECK:      "id" INTEGER PRIMARY KEY NOT NULL,
// CHECK-NEXT: "b" INTEGER NOT NULL CHECK ("b" IN (0, 1)),
// CHECK-NEXT: "i8" INTEGER NOT NULL,
// CHECK-NEXT: "i16" INTEGER NOT NULL,
// CHECK-NEXT: "i32" INTEGER NOT NULL,
// CHECK-NEXT: "i64" INTEGER NOT NULL,
// CHECK-NEXT: "u8" INTEGER NOT NULL,
// CHECK-NEXT: "u16" INTEGER NOT NULL,
// CHECK-NEXT: "u32" INTEGER NOT NULL,
// CHECK-NEXT: "u64" INTEGER NOT NULL,
// CHECK-NEXT: "f" REAL NOT NULL,
// CHECK-NEXT: "d" REAL NOT NULL,
// CHECK-NEXT: "s" TEXT NOT NULL,
// CHECK-NEXT: "blob" BLOB NOT NULL,
// CHECK-NEXT: "octets" BLOB NOT NULL,
// CHECK-NEXT: "at" INTEGER NOT NULL,
// CHECK-NEXT: "at_micros" INTEGER NOT NULL,
// CHECK-NEXT: "mood" INTEGER NOT NULL,
// CHECK-NEXT: "maybe_int" INTEGER,
// CHECK-NEXT: "maybe_at" INTEGER
// CHECK-NEXT: ) STRICT;

// IR: "kind": "int64",
// IR: "kind": "bool",
// IR: "kind": "int8",
// IR: "kind": "int16",
// IR: "kind": "int32",
// IR: "kind": "int64",
// IR: "kind": "uint8",
// IR: "kind": "uint16",
// IR: "kind": "uint32",
// IR: "kind": "uint64",
// IR: "kind": "float",
// IR: "kind": "double",
// IR: "kind": "string",
// IR: "kind": "bytes",
// IR: "kind": "bytes",
// IR: "kind": "timestamp",
// IR: "kind": "timestamp",
// IR: "kind": "uint8",
// IR-NEXT: "enum": "::Mood",
// IR: "kind": "int32",
// IR: "nullable": true
// IR: "kind": "timestamp",
// IR: "nullable": true
