// Version 5: a NOT NULL column with a default, and `notes` dropped (--allow-data-loss).
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
  ORMC_COLUMN(renamed_from = title) std::string name;
  ORMC_COLUMN(index) std::optional<std::int32_t> pages;
  ORMC_COLUMN(default = 3) std::int32_t rating;
};
} // namespace five
