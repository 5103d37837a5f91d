// storage= names a storage ormc knows, on a time_point member that is not the key.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] Track {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: time-storage.hpp:[[@LINE+1]]:42: error: invalid value for 'storage': expected one of native, text, unix_seconds, unix_millis, unix_micros, timestamp [malformed-value]
  [[clang::annotate("ormc:column(storage=epoch)")]] std::chrono::sys_seconds a;
  // CHECK: time-storage.hpp:[[@LINE+1]]:64: error: storage=text on 'name': a storage choice applies to std::chrono::system_clock::time_point members; 'name' has type 'std::string' [storage-type]
  [[clang::annotate("ormc:column(storage=text)")]] std::string name;
};

struct [[clang::annotate("ormc:table")]] Log {
  // CHECK: time-storage.hpp:[[@LINE+2]]:28: error: the key 'at' cannot have storage=text: time_point keys are stored natively [storage-type]
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:column(storage=text)")]]
  std::chrono::sys_seconds at;
};
