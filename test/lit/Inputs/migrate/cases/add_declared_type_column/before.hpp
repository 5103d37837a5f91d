// A column whose declared type STRICT refuses, added to a STRICT table: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Customer {
  ORMC_ID() std::int64_t id;
  std::string name;
};
} // namespace shop
