#pragma once
#include "ledger.hpp"
#include <string>
struct [[clang::annotate("ormc:table")]] Customer {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  std::string name;
};
