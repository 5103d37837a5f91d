// Version 2: an indexed optional column and an optional note.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace five {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
  ORMC_COLUMN(index) std::optional<std::int32_t> pages;
  std::optional<std::string> notes;
};
} // namespace five
