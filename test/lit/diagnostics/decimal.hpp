// A decimal's digits and default are checked where they are written.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

namespace ormc {
template <int Precision, int Scale> class decimal {}; // the tool reads only the type's name
} // namespace ormc

struct [[clang::annotate("ormc:table")]] Ledger {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: decimal.hpp:[[@LINE+1]]:24: error: 'big' has type 'ormc::decimal<20, 2>': ormc::decimal holds 1 to 18 digits (a 64-bit count of units), with 0 <= scale <= precision [unsupported-type]
  ormc::decimal<20, 2> big;
  // CHECK: decimal.hpp:[[@LINE+1]]:74: error: default value '0.125' of 'fee' has more digits than 'ormc::decimal<10, 2>' holds [default-type]
  [[clang::annotate("ormc:column(default=0.125)")]] ormc::decimal<10, 2> fee;
};
