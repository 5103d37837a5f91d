// Version 2: a new table (with a reserved word for a name), a nullable indexed column, a
// NOT NULL column with a default, and a new index.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE(name = "order") Order {
  ORMC_ID() std::int64_t id;
  std::string customer;
};

struct ORMC_TABLE() ORMC_INDEX(title, rating) Book {
  ORMC_ID() std::int64_t id;
  std::string title;
  ORMC_COLUMN(index) std::optional<std::int32_t> pages;
  ORMC_COLUMN(default = 3, comment = "stars") std::int32_t rating;
};
} // namespace library
