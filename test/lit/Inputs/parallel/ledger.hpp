#pragma once
#include <cstdint>
// Not an input: its table goes with the first input that includes it.
struct [[clang::annotate("ormc:table")]] LedgerEntry {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  std::int64_t cents = 0;
};
