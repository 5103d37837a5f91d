#include "postgres/impl.hpp"
#include "postgres/text.hpp"
#include "time_text.hpp"

#include <ormc/bound_value.hpp>
#include <ormc/decimal.hpp>
#include <ormc/error.hpp>
#include <ormc/sql/fragment.hpp>
#include <pqxx/prepared_statement>

namespace ormc::postgres {

Statement::Statement(Connection& connection, std::string name, std::string_view sql)
    : connection_(connection), usage_(connection), name_(std::move(name)), sql_(sql),
      tenant_parameter_(sql::tenant_parameter(sql)) {}

void Statement::bind_row_tenant() {
  if (tenant_parameter_ != 0)
    ormc::detail::bind_bound(*this, static_cast<int>(tenant_parameter_),
                             connection_.row_tenant_for(sql_));
}

std::size_t Statement::result_rows() const noexcept {
  return result_ ? result_->rows.size() : 0;
}

Statement::~Statement() {
  Connection::Impl& impl = *connection_.impl_;
  if (!name_.empty() && impl.connection && prepared_generation_ == impl.generation) {
    try {
      impl.connection->unprepare(name_);
    } catch (...) {
      // The server forgets prepared statements with the session anyway.
    }
  }
}

std::string& Statement::slot(int index) {
  auto i = static_cast<std::size_t>(index - 1);
  if (values_.size() <= i) {
    values_.resize(i + 1);
    present_.resize(i + 1, 0);
  }
  present_[i] = 1;
  return values_[i];
}

void Statement::bind_null(int index) {
  slot(index);
  present_[static_cast<std::size_t>(index - 1)] = 0;
}
void Statement::bind_bool(int index, bool value) {
  slot(index) = value ? "t" : "f";
}
void Statement::bind_int64(int index, std::int64_t value) {
  text::format_int64(value, slot(index));
}
void Statement::bind_double(int index, double value) {
  text::format_double(value, slot(index));
}
void Statement::bind_text(int index, std::string_view value) {
  if (value.find('\0') != std::string_view::npos)
    throw DataError("parameter " + std::to_string(index) +
                    ": PostgreSQL text cannot contain NUL bytes; store such data as bytes");
  slot(index).assign(value.data(), value.size());
}
void Statement::bind_blob(int index, std::span<const std::byte> value) {
  text::format_bytea(value.data(), value.size(), slot(index));
}
void Statement::bind_vector(int index, std::span<const std::byte> floats, bool pgvector) {
  text::format_vector(floats.data(), floats.size(), pgvector, slot(index));
}
void Statement::bind_timestamp(int index, std::int64_t microseconds) {
  text::format_timestamp(microseconds, slot(index));
}

void Statement::bind_plain_timestamp(int index, std::int64_t microseconds) {
  text::format_timestamp(microseconds, slot(index), false);
}
void Statement::bind_iso_timestamp(int index, std::int64_t microseconds) {
  char text[32];
  std::size_t size = ormc::detail::format_iso_timestamp(microseconds, text);
  slot(index).assign(text, size);
}
void Statement::bind_date(int index, std::int64_t days) {
  text::format_date(days, slot(index));
}
void Statement::bind_decimal(int index, std::int64_t units, int scale) {
  slot(index) = ormc::detail::format_decimal(units, scale);
}

void Statement::run() {
  usage_.check_usable(sql_);
  Connection::Impl& impl = *connection_.impl_;
  translate_errors(impl, sql_, [&] {
    pqxx::nontransaction& work = impl.ensure();
    impl.within_deadline([&] {
      if (!name_.empty() && prepared_generation_ != impl.generation) {
        impl.connection->prepare(name_, sql_);
        prepared_generation_ = impl.generation;
      }
      std::vector<const char*> params(values_.size());
      for (std::size_t i = 0; i < values_.size(); ++i)
        params[i] = present_[i] ? values_[i].c_str() : nullptr;
      if (!result_) result_ = std::make_unique<Result>();
      usage_.measure([&] {
        auto values = pqxx::prepare::make_dynamic_params(params);
        result_->rows =
            name_.empty() ? work.exec_params(sql_, values) : work.exec_prepared(name_, values);
        return 0;
      });
    });
  });
  usage_.add_rows(result_->rows.empty() ? static_cast<std::int64_t>(result_->rows.affected_rows())
                                        : static_cast<std::int64_t>(result_->rows.size()));
  executed_ = true;
  next_row_ = 0;
}

bool Statement::step() {
  if (!executed_) run();
  if (next_row_ >= result_->rows.size()) return false;
  ++next_row_;
  return true;
}

std::int64_t Statement::execute() {
  run();
  next_row_ = result_->rows.size();
  return static_cast<std::int64_t>(result_->rows.affected_rows());
}

void Statement::finish_use() noexcept {
  if (usage_.records_parameters()) {
    try {
      for (std::size_t i = 0; i < values_.size(); ++i)
        usage_.record_parameter(static_cast<int>(i + 1),
                                present_[i] ? std::optional<std::string>(values_[i])
                                            : std::nullopt);
    } catch (...) {
      // Out of memory while copying values for the hook: report the statement without them.
    }
  }
  usage_.finish(sql_);
  if (result_) result_->rows.clear();
  executed_ = false;
  next_row_ = 0;
  std::fill(present_.begin(), present_.end(), 0);
}

void Statement::release() noexcept {
  finish_use();
  in_use_ = false;
}

bool Statement::is_null(int column) {
  return result_->rows[static_cast<pqxx::result::size_type>(next_row_ - 1)][column].is_null();
}

std::string_view Statement::field(int column) {
  auto f = result_->rows[static_cast<pqxx::result::size_type>(next_row_ - 1)][column];
  if (f.is_null())
    throw DataError("column " + std::to_string(column) + " (" + f.name() +
                    ") is NULL, but its member is not a std::optional");
  return {f.c_str(), f.size()};
}

// A value that does not parse names its column, as SQLite's reads do.
template <class Parse> auto Statement::parse_field(int column, Parse parse) {
  std::string_view value = field(column);
  try {
    return parse(value);
  } catch (const DataError& e) {
    const char* name = result_->rows.column_name(static_cast<pqxx::row::size_type>(column));
    throw DataError("column " + std::to_string(column) + " (" + name + "): " + e.what());
  }
}

bool Statement::read_bool(int column) {
  return parse_field(column, [](std::string_view v) { return text::parse_bool(v); });
}
std::int64_t Statement::read_int64(int column) {
  return parse_field(column, [](std::string_view v) { return text::parse_int64(v); });
}
double Statement::read_double(int column) {
  return parse_field(column, [](std::string_view v) { return text::parse_double(v); });
}
void Statement::read_text(int column, std::string& out) {
  out.assign(field(column));
}
std::span<const std::byte> Statement::read_blob(int column) {
  parse_field(column, [&](std::string_view v) {
    text::parse_bytea(v, blob_);
    return 0;
  });
  return blob_;
}
std::span<const float> Statement::read_vector(int column) {
  parse_field(column, [&](std::string_view v) {
    text::parse_vector(v, floats_);
    return 0;
  });
  return floats_;
}
std::int64_t Statement::read_timestamp(int column) {
  return parse_field(column, [](std::string_view v) { return text::parse_timestamp(v); });
}

int Statement::column_count() const {
  return result_ ? static_cast<int>(result_->rows.columns()) : 0;
}

std::string_view Statement::column_name(int column) {
  return result_->rows.column_name(static_cast<pqxx::row::size_type>(column));
}

std::int64_t Statement::read_plain_timestamp(int column) {
  return parse_field(column, [](std::string_view v) { return text::parse_timestamp(v, false); });
}
std::int64_t Statement::read_date(int column) {
  return parse_field(column, [](std::string_view v) { return text::parse_date(v); });
}
std::int64_t Statement::read_decimal(int column, int precision, int scale) {
  return parse_field(column, [&](std::string_view v) {
    if (auto units = ormc::detail::parse_decimal(v, precision, scale)) return *units;
    throw DataError("'" + std::string(v.substr(0, 64)) + "' is not a decimal of at most " +
                    std::to_string(precision) + " digits, " + std::to_string(scale) +
                    " after the point");
  });
}

std::int64_t Statement::read_iso_timestamp(int column) {
  return parse_field(column, [](std::string_view v) {
    if (auto micros = ormc::detail::parse_iso_timestamp(v)) return *micros;
    throw DataError("'" + std::string(v.substr(0, 64)) +
                    "' is not an ISO 8601 date and time (YYYY-MM-DD HH:MM:SS[.ffffff])");
  });
}

} // namespace ormc::postgres
