// Generated code includes the header that declares a model, so a model in a .cpp is an error.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#include <cstdint>

// CHECK: model-in-source-file.cpp:[[@LINE+1]]:42: error: table 'Local' is declared in a source file; the generated code must include it, so declare it in a header [model-in-source-file]
struct [[clang::annotate("ormc:table")]] Local {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
