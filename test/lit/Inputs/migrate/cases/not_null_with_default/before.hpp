// An optional column becomes NOT NULL with a default: rows holding NULL take the default, the others keep their value: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::optional<std::int32_t> pages;
};
} // namespace shop
