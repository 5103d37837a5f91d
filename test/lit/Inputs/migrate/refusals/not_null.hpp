// A NOT NULL column without a default: the rows already there would have no value.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
  std::string summary;
};
} // namespace library
