// A new column with a foreign key (and the index ormc gives it): version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Shelf {
  ORMC_ID() std::int64_t id;
  std::string room;
};
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
};
} // namespace shop
