// storage= fits the member: times take the time storages, decimals numeric, enums text.
// The validator checks this, so an IR from a fragment is checked too.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace ormc {
template <int Precision, int Scale> class decimal {}; // the tool reads only the type's name
} // namespace ormc

struct [[clang::annotate("ormc:table")]] Track {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: time-storage.hpp:[[@LINE+1]]:64: error: storage=text on 'name': a time storage applies to std::chrono::system_clock::time_point members, numeric to ormc::decimal ones, text to enums too, pgvector to vectors; 'name' has type 'std::string' [storage-type]
  [[clang::annotate("ormc:column(storage=text)")]] std::string name;
  // CHECK: time-storage.hpp:[[@LINE+1]]:73: error: storage=text on 'amount': a decimal is stored natively (scaled INTEGER on SQLite) or as storage=numeric; 'amount' has type 'ormc::decimal<10, 2>' [storage-type]
  [[clang::annotate("ormc:column(storage=text)")]] ormc::decimal<10, 2> amount;
  // CHECK: time-storage.hpp:[[@LINE+1]]:80: error: storage=numeric on 'at': a time storage applies to std::chrono::system_clock::time_point members, numeric to ormc::decimal ones, text to enums too, pgvector to vectors; 'at' has type 'std::chrono::sys_seconds' [storage-type]
  [[clang::annotate("ormc:column(storage=numeric)")]] std::chrono::sys_seconds at;
};

enum class Mood { calm, angry };
struct [[clang::annotate("ormc:table")]] Diary {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: time-storage.hpp:[[@LINE+1]]:62: error: storage=timestamp on 'mood': an enum is stored as its integer (native) or its enumerators' names (storage=text); 'mood' has type 'Mood' [storage-type]
  [[clang::annotate("ormc:column(storage=timestamp)")]] Mood mood;
};
