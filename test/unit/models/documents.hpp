// JSON columns: a nlohmann::json member, and a user type stored through its to_json/from_json.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>
#include <vector>

namespace unit {

struct Address {
  std::string city;
  std::vector<std::string> lines;
  bool operator==(const Address&) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Address, city, lines)

struct ORMC_TABLE() Document {
  ORMC_ID() std::int64_t id = 0;
  std::string title;
  nlohmann::json attrs;
  ORMC_COLUMN(json) Address address;
  ORMC_COLUMN(json) std::optional<std::vector<std::int64_t>> scores;
};

} // namespace unit
