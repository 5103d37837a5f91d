// A NOT NULL column becomes optional and loses its default: version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::optional<std::string> title;
};
} // namespace shop
