// A JSON column for json-compile-errors.test.
#pragma once
#include <ormc/annotations.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace docs {
struct ORMC_TABLE() Note {
  ORMC_ID() std::int64_t id;
  std::string title;
  nlohmann::json attrs;
};
} // namespace docs
