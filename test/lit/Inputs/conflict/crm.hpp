#pragma once
#include <cstdint>
#include <string>
namespace shop {
struct [[clang::annotate("ormc:table")]] Account {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  std::string owner;
};
} // namespace shop
