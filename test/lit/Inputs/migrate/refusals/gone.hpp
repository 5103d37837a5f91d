// Book is gone; Shelf is new.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Shelf {
  ORMC_ID() std::int64_t id;
  std::string room;
};
} // namespace library
