// --db: how many rows of a live database each data-losing change of a migration would take
// with it, added to that change's diagnostic as a note. The database is only read.
#pragma once

#include "migrate/SchemaDiff.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <ormc/sql/dialect.hpp>
#include <string>

namespace ormc::migrate {

/// Runs a query returning one integer, or says why it could not.
class RowCounter {
public:
  virtual ~RowCounter() = default;
  virtual Dialect dialect() const = 0;
  virtual std::optional<std::int64_t> count(const std::string& sql, std::string& error) = 0;
};

/// The database at `url` (`sqlite:<file>`, opened read-only; `postgresql://...`), or null with
/// `error` set.
std::unique_ptr<RowCounter> openForCounting(const std::string& url, std::string& error);

/// Adds to each finding of diff.atStake a note with the rows (or, for a column, the values) the
/// database holds there; a count that fails is a note saying why.
void noteRowsAtStake(SchemaDiff& diff, RowCounter& database);

} // namespace ormc::migrate
