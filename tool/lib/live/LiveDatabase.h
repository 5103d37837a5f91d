// A live database the tool reads (--db, --check-db) through the C libraries, SQLite's and
// libpq: the rows a migration would lose, and the catalog a schema check compares. The tool
// never writes to it.
#pragma once

#include <memory>
#include <optional>
#include <ormc/sql/dialect.hpp>
#include <string>
#include <vector>

namespace ormc::live {

using Row = std::vector<std::optional<std::string>>; // each value as text; NULL as nullopt

class LiveDatabase {
public:
  virtual ~LiveDatabase() = default;
  virtual Dialect dialect() const = 0;
  /// The rows of `sql` with `parameters` bound as text (1-based, in order); nullopt with
  /// `error` set when the database refuses it.
  virtual std::optional<std::vector<Row>>
  query(const std::string& sql, const std::vector<std::string>& parameters, std::string& error) = 0;
};

/// The database at `url` (`sqlite:<file>`, opened read-only; `postgresql://...`), or null with
/// `error` set.
std::unique_ptr<LiveDatabase> openLiveDatabase(const std::string& url, std::string& error);

} // namespace ormc::live
