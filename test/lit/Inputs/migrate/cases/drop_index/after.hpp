// An index removed, another added: version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
  ORMC_COLUMN(index) std::int32_t year;
};
} // namespace shop
