// Version 3: a new table.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace five {
struct ORMC_TABLE() Author {
  ORMC_ID() std::int64_t id;
  std::string name;
};

struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
  ORMC_COLUMN(index) std::optional<std::int32_t> pages;
  std::optional<std::string> notes;
};
} // namespace five
