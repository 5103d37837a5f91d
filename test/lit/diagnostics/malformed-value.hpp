// Values must have the form their key takes; syntax errors point at the offending character.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] T {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:45: error: invalid value for 'max_length': expected a positive integer [malformed-value]
  [[clang::annotate("ormc:column(max_length=big)")]] std::string a;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:45: error: invalid value for 'max_length': expected a positive integer [malformed-value]
  [[clang::annotate("ormc:column(max_length=-3)")]] std::string b;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:34: error: key 'name' needs a value: a name (identifier or "string") [malformed-value]
  [[clang::annotate("ormc:column(name)")]] std::string c;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:42: error: malformed number [annotation-syntax]
  [[clang::annotate("ormc:column(default=12abc)")]] std::int32_t d;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:42: error: malformed value starting with '@'; values are identifiers, numbers or "strings" [annotation-syntax]
  [[clang::annotate("ormc:column(default=@)")]] std::int32_t e;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:39: error: expected ')' to close the annotation [annotation-syntax]
  [[clang::annotate("ormc:column(index")]] std::int32_t f;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:41: error: unexpected text after ')' [annotation-syntax]
  [[clang::annotate("ormc:column(index) x")]] std::int32_t g;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:41: error: invalid value for 'unique': expected a flag (no value, or true/false) [malformed-value]
  [[clang::annotate("ormc:column(unique=yes)")]] std::int32_t h;
  // CHECK: malformed-value.hpp:[[@LINE+1]]:42: error: invalid value for 'storage': expected one of native, text, unix_seconds, unix_millis, unix_micros, timestamp, numeric [malformed-value]
  [[clang::annotate("ormc:column(storage=epoch)")]] std::chrono::sys_seconds i;
};
