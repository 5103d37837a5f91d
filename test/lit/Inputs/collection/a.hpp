#pragma once
#include "common.hpp"
namespace shop::v2 {
struct Outer {
  struct [[clang::annotate("ormc:table")]] Inner {
    [[clang::annotate("ormc:id")]] std::int64_t id;
  };
};
} // namespace shop::v2
