#pragma once

#include <cstdint>
#include <memory>
#include <ormc/statement_usage.hpp>
#include <ormc/value_codec.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {
template <class Statement> class StatementCache;
}

namespace ormc::postgres {

class Connection;

/// One prepared PostgreSQL statement. Parameters are 1-based, result columns 0-based. Values go
/// over the text protocol; the parameter buffers keep their capacity from one use to the next.
class Statement {
public:
  /// A statement prepared once per connection as `name`; with an empty name, sent unprepared
  /// each time it runs (for DECLARE and FETCH, which cannot be prepared).
  Statement(Connection& connection, std::string name, std::string_view sql);
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

  /// Runs the statement on first call; then advances to the next row, false after the last.
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
  /// Appends the bound parameters as one line of COPY's text format (tab-separated, escaped,
  /// \N for NULL), for Connection::copy_in().
  void append_copy_line(std::string& out) const;

  /// Rows the last execution returned.
  std::size_t result_rows() const noexcept;

  // Primitives for detail::bind_value / read_value.
  void bind_null(int index);
  void bind_bool(int index, bool value);
  void bind_int64(int index, std::int64_t value);
  void bind_double(int index, double value);
  /// Throws DataError for text containing a NUL byte, which PostgreSQL text cannot hold.
  void bind_text(int index, std::string_view value);
  /// bind_text(): PostgreSQL parameters are copied as they are bound anyway.
  void bind_text_copy(int index, std::string_view value) { bind_text(index, value); }
  void bind_blob(int index, std::span<const std::byte> value);
  /// A vector's floats (float_bytes()), as REAL[] text, or pgvector's with `pgvector`.
  void bind_vector(int index, std::span<const std::byte> floats, bool pgvector);
  void bind_timestamp(int index, std::int64_t microseconds);       // TIMESTAMPTZ
  void bind_plain_timestamp(int index, std::int64_t microseconds); // TIMESTAMP, holding UTC
  void bind_iso_timestamp(int index, std::int64_t microseconds);   // TEXT in ISO 8601
  void bind_date(int index, std::int64_t days);
  void bind_decimal(int index, std::int64_t units, int scale); // NUMERIC text
  void bind_numeric(int index, std::int64_t units, int scale) { bind_decimal(index, units, scale); }

  bool is_null(int column);
  bool read_bool(int column);
  std::int64_t read_int64(int column);
  double read_double(int column);
  void read_text(int column, std::string& out);
  std::span<const std::byte> read_blob(int column);
  /// A REAL[] or vector column's floats, valid until the next read of one.
  std::span<const float> read_vector(int column);
  std::int64_t read_timestamp(int column);
  std::int64_t read_plain_timestamp(int column);
  std::int64_t read_iso_timestamp(int column);
  std::int64_t read_date(int column);
  std::int64_t read_decimal(int column, int precision, int scale);
  std::string_view read_text_view(int column) { return field(column); }
  std::string_view column_name(int column);
  /// How many columns the rows have (known once the statement ran: after step()).
  int column_count() const;
  std::int64_t read_numeric(int column, int precision, int scale) {
    return read_decimal(column, precision, scale);
  }

private:
  friend class Connection;
  friend class StatementCache<Statement>;
  struct Result;

  std::string& slot(int index);
  std::string_view field(int column); // throws DataError for NULL
  /// Parses field(column) with `parse`; a DataError from it names the column.
  template <class Parse> auto parse_field(int column, Parse parse);
  void run();

  Connection& connection_;
  StatementUsage usage_;
  std::string name_;
  std::string sql_;
  std::vector<std::string> values_;
  std::vector<char> present_; // 0 = NULL
  std::unique_ptr<Result> result_;
  bool executed_ = false;    // run() since the last release()
  std::size_t next_row_ = 0; // rows consumed by step(); the current row is next_row_ - 1
  std::vector<std::byte> blob_;
  std::vector<float> floats_;        // read_vector()'s
  unsigned prepared_generation_ = 0; // the connection generation it was prepared on
  unsigned tenant_parameter_ = 0;    // see bind_row_tenant()
  bool in_use_ = false;
};

} // namespace ormc::postgres
