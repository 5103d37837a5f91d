#include "sqlite/error.hpp"
#include "sqlite/step_timer.hpp"
#include "time_text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ormc/bound_value.hpp>
#include <ormc/decimal.hpp>
#include <ormc/error.hpp>
#include <ormc/sql/fragment.hpp>
#include <ormc/sqlite/statement.hpp>
#include <sqlite3.h>

namespace ormc::sqlite {
namespace {
const char* type_name(int type) {
  switch (type) {
  case SQLITE_INTEGER:
    return "INTEGER";
  case SQLITE_FLOAT:
    return "REAL";
  case SQLITE_TEXT:
    return "TEXT";
  case SQLITE_BLOB:
    return "BLOB";
  default:
    return "NULL";
  }
}
} // namespace

Statement::Statement(sqlite3* db, const Backend& backend, std::string_view sql, StepTimer* timer)
    : db_(db), timer_(timer), usage_(backend), sql_(sql), backend_(backend),
      tenant_parameter_(sql::tenant_parameter(sql)) {
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql_.data(), static_cast<int>(sql_.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, &tail);
  if (rc != SQLITE_OK) {
    usage_.mark_failed(); // as on PostgreSQL, where statements are prepared by the server
    detail::throw_error(db_, rc, sql_);
  }
  for (; tail && *tail; ++tail)
    if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') {
      sqlite3_finalize(stmt_);
      throw UsageError("a prepared statement holds one SQL statement: " + sql_);
    }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

void Statement::bind_row_tenant() {
  if (tenant_parameter_ != 0)
    ormc::detail::bind_bound(*this, static_cast<int>(tenant_parameter_),
                             backend_.row_tenant_for(sql_));
}

void Statement::check(int rc) {
  if (rc != SQLITE_OK) detail::throw_error(db_, rc, sql_);
}

bool Statement::step() {
  usage_.check_usable(sql_); // one flag test: cheaper per row than asking SQLite
  if (timer_) timer_->start();
  int rc = usage_.measure([&] { return sqlite3_step(stmt_); });
  if (rc == SQLITE_ROW) {
    usage_.add_rows(1);
    return true;
  }
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

void Statement::fail(int rc) {
  usage_.mark_failed();
  if (timer_) timer_->throw_if_expired(rc, sql_);
  detail::throw_error(db_, rc, sql_);
}

std::int64_t Statement::execute() {
  usage_.check_usable(sql_);
  int rc;
  do {
    if (timer_) timer_->start();
    rc = usage_.measure([&] { return sqlite3_step(stmt_); });
  } while (rc == SQLITE_ROW);
  if (rc != SQLITE_DONE) fail(rc);
  std::int64_t changed = sqlite3_changes64(db_);
  usage_.add_rows(changed);
  return changed;
}

void Statement::reset() noexcept {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::finish_use() noexcept {
  usage_.finish(sql_);
  reset();
}

void Statement::release() noexcept {
  finish_use();
  in_use_ = false;
}

void Statement::bind_null(int index) {
  if (usage_.records_parameters()) usage_.record_parameter(index, std::nullopt);
  check(sqlite3_bind_null(stmt_, index));
}
void Statement::bind_bool(int index, bool value) {
  bind_int64(index, value ? 1 : 0);
}
void Statement::bind_int64(int index, std::int64_t value) {
  if (usage_.records_parameters()) usage_.record_parameter(index, std::to_string(value));
  check(sqlite3_bind_int64(stmt_, index, value));
}
void Statement::bind_double(int index, double value) {
  if (std::isnan(value)) // SQLite would store NULL: the value would be lost
    throw DataError("parameter " + std::to_string(index) + ": SQLite cannot store NaN");
  if (usage_.records_parameters()) usage_.record_parameter(index, std::to_string(value));
  check(sqlite3_bind_double(stmt_, index, value));
}
void Statement::bind_text(int index, std::string_view value) {
  bind_text_as(index, value, SQLITE_STATIC);
}
void Statement::bind_text_copy(int index, std::string_view value) {
  bind_text_as(index, value, SQLITE_TRANSIENT);
}
void Statement::bind_text_as(int index, std::string_view value, void (*destructor)(void*)) {
  // A null pointer would bind NULL; an empty string must stay an empty string.
  const char* data = value.data() ? value.data() : "";
  if (usage_.records_parameters()) usage_.record_parameter(index, std::string(value));
  check(sqlite3_bind_text64(stmt_, index, data, value.size(), destructor, SQLITE_UTF8));
}
void Statement::bind_iso_timestamp(int index, std::int64_t microseconds) {
  char text[32];
  std::size_t size = ormc::detail::format_iso_timestamp(microseconds, text);
  if (usage_.records_parameters()) usage_.record_parameter(index, std::string(text, size));
  check(sqlite3_bind_text64(stmt_, index, text, size, SQLITE_TRANSIENT, SQLITE_UTF8));
}
void Statement::bind_date(int index, std::int64_t days) {
  char text[32];
  std::size_t size = ormc::detail::format_iso_date(days, text);
  if (usage_.records_parameters()) usage_.record_parameter(index, std::string(text, size));
  check(sqlite3_bind_text64(stmt_, index, text, size, SQLITE_TRANSIENT, SQLITE_UTF8));
}
void Statement::bind_numeric(int index, std::int64_t units, int scale) {
  std::string text = ormc::detail::format_decimal(units, scale);
  if (usage_.records_parameters()) usage_.record_parameter(index, text);
  // As a number, the way a NUMERIC column keeps the text (so that it also compares equal to an
  // expression, which has no affinity): a whole number as an INTEGER, up to 15 digits as the
  // REAL that reads back as this decimal; more digits stay text, which SQLite keeps too.
  std::int64_t per = ormc::detail::pow10(scale);
  if (units % per == 0) {
    check(sqlite3_bind_int64(stmt_, index, units / per));
  } else if (std::int64_t most = ormc::detail::pow10(15); units < most && units > -most) {
    double number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    check(sqlite3_bind_double(stmt_, index, number));
  } else {
    check(
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
}
void Statement::bind_blob(int index, std::span<const std::byte> value) {
  if (usage_.records_parameters()) usage_.record_parameter(index, ormc::detail::hex_literal(value));
  if (value.empty())
    check(sqlite3_bind_zeroblob(stmt_, index, 0));
  else
    check(sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_STATIC));
}

bool Statement::is_null(int column) {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void Statement::expect_type(int column, int type) {
  int actual = sqlite3_column_type(stmt_, column);
  if (actual == type || (type == SQLITE_FLOAT && actual == SQLITE_INTEGER)) return;
  const char* name = sqlite3_column_name(stmt_, column);
  std::string what = "column " + std::to_string(column) + " (" + (name ? name : "?") + ")";
  if (actual == SQLITE_NULL)
    throw DataError(what + " is NULL, but its member is not a std::optional");
  throw DataError(what + " holds " + type_name(actual) + ", expected " + type_name(type));
}

bool Statement::read_bool(int column) {
  return read_int64(column) != 0;
}

std::int64_t Statement::read_int64(int column) {
  expect_type(column, SQLITE_INTEGER);
  return sqlite3_column_int64(stmt_, column);
}

double Statement::read_double(int column) {
  expect_type(column, SQLITE_FLOAT);
  return sqlite3_column_double(stmt_, column);
}

void Statement::read_text(int column, std::string& out) {
  expect_type(column, SQLITE_TEXT);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  out.assign(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

int Statement::column_count() const {
  return sqlite3_column_count(stmt_);
}

std::string_view Statement::column_name(int column) {
  const char* name = sqlite3_column_name(stmt_, column);
  return name ? name : "?";
}

std::string_view Statement::text_of(int column) {
  expect_type(column, SQLITE_TEXT);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

void Statement::unreadable(int column, std::string_view text, const char* form) {
  const char* name = sqlite3_column_name(stmt_, column);
  throw DataError("column " + std::to_string(column) + " (" + (name ? name : "?") + ") holds '" +
                  std::string(text.substr(0, 64)) + "', which is not " + form);
}

std::int64_t Statement::read_iso_timestamp(int column) {
  std::string_view text = text_of(column);
  if (auto micros = ormc::detail::parse_iso_timestamp(text)) return *micros;
  unreadable(column, text, "an ISO 8601 date and time (YYYY-MM-DD HH:MM:SS[.ffffff])");
}

std::int64_t Statement::read_date(int column) {
  std::string_view text = text_of(column);
  if (auto days = ormc::detail::parse_iso_date(text)) return *days;
  unreadable(column, text, "an ISO 8601 date (YYYY-MM-DD)");
}

// The column holds the count of units already: the scale is the reader's to apply.
std::int64_t Statement::read_decimal(int column, int precision, int /*scale*/) {
  std::int64_t units = read_int64(column);
  std::int64_t max = ormc::detail::pow10(precision) - 1;
  if (units > max || units < -max)
    unreadable(
        column, std::to_string(units),
        ("a count of units of a decimal of " + std::to_string(precision) + " digits").c_str());
  return units;
}

std::int64_t Statement::read_numeric(int column, int precision, int scale) {
  std::int64_t max = ormc::detail::pow10(precision) - 1;
  std::string text;
  switch (sqlite3_column_type(stmt_, column)) {
  case SQLITE_INTEGER: {
    // A whole number: scale it, no text on the way.
    std::int64_t whole = sqlite3_column_int64(stmt_, column);
    std::int64_t per = ormc::detail::pow10(scale);
    if (whole <= max / per && whole >= -max / per) return whole * per;
    text = std::to_string(whole);
    break;
  }
  case SQLITE_FLOAT: {
    // The shortest text that reads back as this double: the decimal a writer stored, if it
    // had at most 15 significant digits.
    char buffer[400];
    auto result = std::to_chars(buffer, buffer + sizeof buffer,
                                sqlite3_column_double(stmt_, column), std::chars_format::fixed);
    std::string_view shortest(buffer, result.ec == std::errc() ? result.ptr - buffer : 0);
    if (auto units = ormc::detail::parse_decimal(shortest, precision, scale)) return *units;
    text = shortest;
    break;
  }
  default: {
    std::string_view stored = text_of(column);
    if (auto units = ormc::detail::parse_decimal(stored, precision, scale)) return *units;
    text = stored;
  }
  }
  unreadable(column, text,
             ("a decimal of at most " + std::to_string(precision) + " digits, " +
              std::to_string(scale) + " after the point")
                 .c_str());
}

std::span<const std::byte> Statement::read_blob(int column) {
  expect_type(column, SQLITE_BLOB);
  const void* data = sqlite3_column_blob(stmt_, column);
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
  return {static_cast<const std::byte*>(data), data ? size : 0};
}

std::span<const float> Statement::read_vector(int column) {
  std::span<const std::byte> bytes = read_blob(column);
  if (bytes.size() % sizeof(float) != 0)
    ormc::detail::throw_out_of_range("column", column,
                                     "stored vector is not a whole number of 4-byte floats");
  floats_.resize(bytes.size() / sizeof(float));
  std::memcpy(floats_.data(), bytes.data(), bytes.size()); // little-endian, as float_bytes()
  return floats_;
}

} // namespace ormc::sqlite
