// Building SQL text at run time: SqlFragment, a piece of a statement with its parameters' values
// (what a condition writes), and SqlBuilder, a whole statement in one dialect's placeholders.
#pragma once

#include <cstddef>
#include <ormc/bound_value.hpp>
#include <ormc/dialect.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormc::detail {

/// SQL with parameters not yet numbered, and their values: a condition is written into one when
/// it is added to a query, so the query keeps text and values, not the condition's type.
class SqlFragment {
public:
  explicit SqlFragment(Dialect dialect) : dialect_(dialect) {}

  SqlFragment& text(std::string_view s) {
    text_ += s;
    return *this;
  }
  /// A parameter here, holding `value` converted as bind_value() converts it.
  template <class T> SqlFragment& param(const T& value) {
    return param_value(to_bound(value, static_cast<int>(values_.size()) + 1));
  }
  SqlFragment& param_value(BoundValue value) {
    params_.push_back(text_.size());
    values_.push_back(std::move(value));
    return *this;
  }
  /// The dialect, for a condition whose SQL differs by dialect; the fragment is then valid for
  /// that dialect only (see written_for()).
  Dialect dialect() noexcept {
    dialect_specific_ = true;
    return dialect_;
  }
  /// Whether the text is only valid for written_for()'s dialect.
  bool dialect_specific() const noexcept { return dialect_specific_; }
  Dialect written_for() const noexcept { return dialect_; }

  const std::string& sql() const noexcept { return text_; }
  /// Where, in sql(), each parameter goes.
  std::span<const std::size_t> params() const noexcept { return params_; }
  std::span<const BoundValue> values() const noexcept { return values_; }

private:
  Dialect dialect_;
  bool dialect_specific_ = false;
  std::string text_;
  std::vector<std::size_t> params_;
  std::vector<BoundValue> values_;
};

/// Builds the SQL of a statement, with the dialect's placeholders (?1 on SQLite, $1 on
/// PostgreSQL), numbered in the order they are written.
class SqlBuilder {
public:
  explicit SqlBuilder(Dialect dialect) : dialect_(dialect) {}
  SqlBuilder& text(std::string_view s) {
    sql_ += s;
    return *this;
  }
  SqlBuilder& param() {
    sql_ += dialect_ == Dialect::postgresql ? "$" : "?";
    sql_ += std::to_string(next_++);
    return *this;
  }
  /// The fragment's text, its parameters numbered from here on.
  SqlBuilder& fragment(const SqlFragment& f);
  Dialect dialect() const noexcept { return dialect_; }
  std::string take() { return std::move(sql_); }

private:
  Dialect dialect_;
  std::string sql_;
  int next_ = 1;
};

/// Binds `values` from parameter `index` on, advancing it.
void bind_values(sqlite::Statement& s, int& index, std::span<const BoundValue> values);
void bind_values(postgres::Statement& s, int& index, std::span<const BoundValue> values);

} // namespace ormc::detail
