// Version 1 of a library's models: books only.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
};
} // namespace library
