#pragma once
#include "money.hpp"

#include <chrono>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Loan {
  ORMC_ID() std::int64_t id = 0;
  std::int64_t book_id = 0;
  std::string borrower;
  Cents deposit = 0;
  std::optional<std::chrono::system_clock::time_point> returned_at;
};
} // namespace library
