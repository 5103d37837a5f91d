// Models the generated code could not compile: each is a located error, never broken output.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

namespace app {
struct [[clang::annotate("ormc:table")]] Record {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: generated-name.hpp:[[@LINE+1]]:8: error: member 'Record_' has the name of the generated struct 'Record_' that holds 'Record''s columns; rename the member [generated-name]
  bool Record_ = false;
};

struct Billing {
  // CHECK-DAG: generated-name.hpp:[[@LINE+1]]:87: note: 'app::Billing::Item' is here
  struct [[clang::annotate("ormc:table(name=billing_item, accessor=billing_items)")]] Item {
    [[clang::annotate("ormc:id")]] std::int64_t id;
  };
};
struct Crm {
  // CHECK-DAG: generated-name.hpp:[[@LINE+1]]:79: error: 'app::Crm::Item' and 'app::Billing::Item' would both generate 'app::Item_'; models in one namespace need distinct struct names [generated-name]
  struct [[clang::annotate("ormc:table(name=crm_item, accessor=crm_items)")]] Item {
    [[clang::annotate("ormc:id")]] std::int64_t id;
  };
};
} // namespace app
