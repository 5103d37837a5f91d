// A versioned table's columns change: one added with a default, one renamed, one made NOT NULL
// with a default (SQLite rebuilds the table). Its history table changes with it, keeps every
// version, and the triggers written anew record the columns as they are now: version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE(versioned) Contract {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(renamed_from = party) std::string counterparty;
  ORMC_COLUMN(default = 12) std::int32_t term;
  ORMC_COLUMN(default = "EUR") std::string currency;
};
} // namespace shop
