#include <ormc/dialect.hpp>
#include <ormc/error.hpp>
#include <ormc/model.hpp>
#include <ormc/value_codec.hpp>

namespace ormc {

DatabaseError::DatabaseError(const std::string& message, std::string sql, std::string sqlstate,
                             int native_code)
    : Error(message), sql_(std::move(sql)), sqlstate_(std::move(sqlstate)),
      native_code_(native_code) {}

VersionConflict::VersionConflict(std::string model, std::string key, long long held,
                                 long long stored)
    : Error("update: " + model + " row " + key +
            " was changed by another writer since it was read: the table has version " +
            std::to_string(stored) + ", the row holds version " + std::to_string(held) +
            "; nothing was written (read the row again and reapply the change)"),
      model_(std::move(model)), key_(std::move(key)), held_(held), stored_(stored) {}

const char* to_string(Dialect dialect) noexcept {
  switch (dialect) {
  case Dialect::sqlite:
    return "sqlite";
  case Dialect::postgresql:
    return "postgresql";
  }
  return "unknown";
}

void throw_unsupported_dialect(std::string_view model, Dialect dialect) {
  throw UsageError("generated code for " + std::string(model) + " has no statements for " +
                   to_string(dialect) + "; rerun ormc");
}

namespace detail {
void throw_read_error(std::string_view model, std::string_view key, const DataError& error,
                      std::span<const ColumnShape> columns) {
  std::string where(model);
  if (!key.empty()) where += " with key " + std::string(key);
  std::string what = error.what();
  // "column 4: ..." from the value codec, which knows only the number: the name added.
  int column = error.column();
  std::string number = "column " + std::to_string(column);
  if (column >= 0 && static_cast<std::size_t>(column) < columns.size() &&
      what.rfind(number + ":", 0) == 0)
    what.insert(number.size(), " (" + std::string(columns[column].name) + ")");
  throw DataError("reading " + where + ": " + what);
}

void rethrow_renumbered(const DataError& error, int at, int as) {
  std::string what = error.what();
  const std::string number = "column " + std::to_string(at);
  if (what.rfind(number, 0) == 0) what.replace(0, number.size(), "column " + std::to_string(as));
  throw DataError(what, error.column() == at ? as : error.column());
}

void throw_converter_refused(int column, std::string_view name, std::string_view why) {
  throw DataError("column " + std::to_string(column) + " (" + std::string(name) +
                  "): the converter refused the stored value: " + std::string(why));
}

void throw_unreadable_json(int column, std::string_view name, std::string_view text,
                           std::string_view why) {
  throw DataError("column " + std::to_string(column) + " (" + std::string(name) + ") holds '" +
                  std::string(text.substr(0, 64)) + "': " + std::string(why));
}

void throw_unknown_name(int column, std::string_view name, std::string_view text,
                        std::string_view type) {
  throw DataError("column " + std::to_string(column) + " (" + std::string(name) + ") holds '" +
                  std::string(text.substr(0, 64)) + "', which is not an enumerator of " +
                  std::string(type));
}

void throw_out_of_range(const char* place, int position, const char* what) {
  std::string message = std::string(place) + " " + std::to_string(position) + ": " + what;
  if (std::string_view(place) == "column") throw DataError(message, position);
  throw DataError(message);
}
} // namespace detail

} // namespace ormc
