#pragma once

#include <cstdint>
#include <ormc/statement_usage.hpp>
#include <ormc/value_codec.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ormc {
template <class Statement> class StatementCache;
}

namespace ormc::sqlite {

struct StepTimer;

/// One prepared SQLite statement. Parameters are 1-based, result columns 0-based.
class Statement {
public:
  /// `timer` (the connection's, or null) interrupts a step that runs past statement_timeout.
  Statement(sqlite3* db, const Backend& backend, std::string_view sql, StepTimer* timer = nullptr);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  template <class T> void bind(int index, const T& value) {
    ormc::detail::bind_value(*this, index, value);
  }
  template <class T> void read(int column, T& out) { ormc::detail::read_value(*this, column, out); }
  /// A member read through a storage of its column's (generated code: stored_as<S>(row.member)).
  template <Storage S, class T> void read(int column, ormc::detail::stored_member<S, T> out) {
    ormc::detail::read_value(*this, column, out);
  }

  /// Advances to the next row; false when there are no more.
  bool step();
  /// Runs a statement that returns no rows; the number of rows it changed.
  std::int64_t execute();
  /// Ends one execution (reported to the statement hook) and clears the parameters, keeping the
  /// statement for another execution under the same lease.
  void finish_use() noexcept;
  /// Ends the lease: finish_use(), and free for the next one.
  void release() noexcept;

  const std::string& sql() const noexcept { return sql_; }
  /// Binds the connection's row tenant, when the statement compares a model's ormc:tenant
  /// column with it (sql::tenant_parameter()); its connection does so for each lease.
  void bind_row_tenant();

  // Primitives for detail::bind_value / read_value.
  void bind_null(int index);
  void bind_bool(int index, bool value);
  void bind_int64(int index, std::int64_t value);
  void bind_double(int index, double value);
  /// The text must outlive the statement's next run (a member of the row being written).
  void bind_text(int index, std::string_view value);
  /// Text made for this binding (JSON a value serializes to): SQLite keeps a copy.
  void bind_text_copy(int index, std::string_view value);
  void bind_blob(int index, std::span<const std::byte> value);
  /// A vector's floats (float_bytes()): a BLOB of little-endian floats, whatever the storage.
  void bind_vector(int index, std::span<const std::byte> floats, bool /*pgvector*/) {
    bind_blob(index, floats);
  }
  void bind_timestamp(int index, std::int64_t microseconds) { bind_int64(index, microseconds); }
  /// Storage::iso_text and ::timestamp (SQLite has no TIMESTAMP): ISO 8601 text.
  void bind_iso_timestamp(int index, std::int64_t microseconds);
  void bind_plain_timestamp(int index, std::int64_t microseconds) {
    bind_iso_timestamp(index, microseconds);
  }
  void bind_date(int index, std::int64_t days); // 'YYYY-MM-DD'
  /// A decimal as its count of 10^-scale units (INTEGER), or with Storage::numeric as the number
  /// (its text, which a NUMERIC or REAL column converts the way SQLite's own inserts do).
  void bind_decimal(int index, std::int64_t units, int /*scale*/) { bind_int64(index, units); }
  void bind_numeric(int index, std::int64_t units, int scale);

  bool is_null(int column);
  bool read_bool(int column);
  std::int64_t read_int64(int column);
  double read_double(int column);
  void read_text(int column, std::string& out);
  std::span<const std::byte> read_blob(int column);
  /// A vector column's floats, valid until the next read of one.
  std::span<const float> read_vector(int column);
  std::int64_t read_timestamp(int column) { return read_int64(column); }
  std::int64_t read_iso_timestamp(int column);
  std::int64_t read_plain_timestamp(int column) { return read_iso_timestamp(column); }
  std::int64_t read_date(int column);
  std::int64_t read_decimal(int column, int precision, int scale);
  /// A TEXT column's value, valid until the next step.
  std::string_view read_text_view(int column) { return text_of(column); }
  std::string_view column_name(int column);
  /// How many columns the rows have.
  int column_count() const;
  /// An INTEGER, REAL or TEXT number, exactly: a REAL with more fraction digits than `scale` (in
  /// its shortest form) is a DataError, not rounded.
  std::int64_t read_numeric(int column, int precision, int scale);

private:
  friend class Connection;
  friend class StatementCache<Statement>;
  void reset() noexcept;
  void check(int rc);
  [[noreturn]] void fail(int rc); // a step failed
  void expect_type(int column, int type);
  std::string_view text_of(int column); // a TEXT column's value, until the next step
  /// Throws DataError: the column holds `text`, which is not `form`.
  [[noreturn]] void unreadable(int column, std::string_view text, const char* form);
  /// bind_text() and bind_text_copy(): `destructor` is SQLITE_STATIC or SQLITE_TRANSIENT.
  void bind_text_as(int index, std::string_view value, void (*destructor)(void*));

  sqlite3* db_;
  StepTimer* timer_;
  StatementUsage usage_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
  std::vector<float> floats_; // read_vector()'s: a blob need not be aligned for floats
  const Backend& backend_;
  unsigned tenant_parameter_ = 0; // see bind_row_tenant()
  bool in_use_ = false;
};

} // namespace ormc::sqlite
