#pragma once
#include <cstdint>
namespace shop {
struct [[clang::annotate("ormc:table")]] Customer {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
struct [[clang::annotate("some_other_tool")]] NotATable {
  int x;
};
} // namespace shop
