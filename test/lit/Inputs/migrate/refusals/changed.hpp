// `title` becomes nullable and `id` narrower: changes ormc migrate does not write yet.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int32_t id;
  std::optional<std::string> title;
};
} // namespace library
