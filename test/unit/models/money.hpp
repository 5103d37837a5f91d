// Exact decimals: ormc::decimal<precision, scale> for NUMERIC(p, s) columns.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/decimal.hpp>
#include <string>

namespace unit {

using Price = ormc::decimal<10, 2>;

struct ORMC_TABLE() Product {
  ORMC_ID() std::int64_t id = 0;
  std::string name;
  Price price;
  std::optional<ormc::decimal<18, 6>> rate;
  ORMC_COLUMN(default = 1.5) ormc::decimal<5, 2> discount{"1.50"};
};

/// A table of a schema made elsewhere whose SQL stores NUMERIC(10,2) prices as numbers (SQLite
/// keeps 0.99 as a REAL and 1.00 as an INTEGER): storage=numeric reads and writes them so.
struct ORMC_TABLE(naming = PascalCase) Track {
  ORMC_ID(assigned) std::int64_t track_id = 0;
  std::string name;
  ORMC_COLUMN(storage = numeric) Price unit_price;
};

} // namespace unit
