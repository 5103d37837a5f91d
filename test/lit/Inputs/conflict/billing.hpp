#pragma once
#include <cstdint>
namespace shop {
struct [[clang::annotate("ormc:table")]] Account {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  std::int64_t balance_cents = 0;
};
} // namespace shop
