// A class marked ormc:column(json) without to_json/from_json: the generated code must say so.
#pragma once
#include <ormc/annotations.hpp>
#include <cstdint>
#include <string>

namespace docs {
struct Shape {
  int sides = 0;
};
struct ORMC_TABLE() Drawing {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(json) Shape shape;
};
} // namespace docs
