// Versioned models (ormc:table(versioned)): every change kept in `<table>_history` by triggers.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace unit {

struct ORMC_TABLE(versioned) Contract {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique) std::string code;
  std::string party;
  std::int64_t amount_cents = 0;
  std::optional<std::string> note;
};

// A composite key, a reserved word as a table and column name, and optimistic locking.
struct ORMC_TABLE(versioned, name = "where") Clause {
  ORMC_ID() std::int64_t contract = 0;
  ORMC_ID() std::int32_t position = 0;
  ORMC_COLUMN(name = "select") std::string text;
  ORMC_VERSION() std::int32_t revision = 0;
};

} // namespace unit
