// The history benchmark's tables: one account table twice, without and with history
// (ormc:table(versioned)), so that their update rates compare.
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace bench {
struct ORMC_TABLE() Account {
  ORMC_ID() std::int64_t id = 0;
  std::string owner;
  std::int64_t balance_cents = 0;
};
struct ORMC_TABLE(versioned) AuditedAccount {
  ORMC_ID() std::int64_t id = 0;
  std::string owner;
  std::int64_t balance_cents = 0;
};
} // namespace bench
