// A table with rows becomes versioned: its history starts with each row's state as version 1,
// and its triggers record what follows; made unversioned again, the history stays: version 2.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE(versioned) Price {
  ORMC_ID() std::string sku;
  std::int64_t cents;
};
} // namespace shop
