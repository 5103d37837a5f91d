#pragma once
#include "money.hpp"

#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE(comment = "books on the shelves") Book {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(max_length = 120) std::string title;
  Cents price = 0;
#ifdef LIBRARY_TRACK_ISBN // set by the target's compile definitions, which ormc sees too
  std::string isbn;
#endif
};
} // namespace library
