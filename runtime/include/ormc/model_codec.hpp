// What the runtime library needs of one model to run its statements: its SQL, and plain
// functions that bind a row's members and read them back, one set per backend. Table<Model> and
// Query<Model> hand the library a ModelCodec and a row's address, so that the work of each
// operation (choosing the backend, preparing, stepping, checking) is compiled once, in the
// library, and a model adds only its binding and reading, as hand-written code would.
#pragma once

#include <cstdint>
#include <ormc/bound_value.hpp>
#include <ormc/dialect.hpp>
#include <ormc/model.hpp>
#include <ormc/postgres/statement.hpp>
#include <ormc/sqlite/statement.hpp>
#include <string_view>
#include <utility>

namespace ormc::detail {

/// Shifts parameter numbers, so that generated bind_insert() (which binds 1..n) fills the
/// k-th row of a multi-row VALUES list.
template <class Statement> struct shifted_parameters {
  Statement& statement;
  int offset;
  template <class T> void bind(int index, const T& value) { statement.bind(index + offset, value); }
};

/// A statement read through a column map: the i-th column of a model's read() order is the
/// statement's column positions[i] (raw SQL mapped by name, a joined model's columns). A value
/// that does not fit is the DataError of column i, so that the model's error names its member.
template <class Statement> struct mapped_columns {
  Statement& statement;
  const int* positions;
  template <class T> void read(int column, T&& place) { // T: a member, or a stored_member
    try {
      statement.read(positions[column], std::forward<T>(place));
    } catch (const DataError& e) {
      rethrow_renumbered(e, positions[column], column);
    }
  }
};

/// One backend's functions for one model; `row` points at the model's struct.
template <class Statement> struct RowFunctions {
  /// The parameters of `insert`, numbered from `offset` + 1 (a multi-row INSERT's k-th row).
  void (*bind_insert)(Statement& s, int offset, const void* row);
  void (*bind_update)(Statement& s, const void* row); // `update`'s parameters
  void (*bind_all)(Statement& s, const void* row);    // `upsert_by_key`'s parameters
  void (*read)(Statement& s, void* row);              // a row of `select_all`
  /// A row whose columns (in read() order) are at `positions` (mapped_columns).
  void (*read_mapped)(Statement& s, const int* positions, void* row);
  void (*read_key)(Statement& s, int column, void* row); // the key's columns, from `column` on
};

struct ModelCodec {
  std::string_view name; // the C++ name, for messages
  const ModelStatements& (*statements)(Dialect dialect);
  bool key_assigned_by_database;
  bool integer_key;
  /// Sets the key to a connection's last insert id (SQLite) or a reserved key (COPY), checked
  /// against the key's type.
  void (*set_key)(void* row, std::int64_t id);
  RowFunctions<sqlite::Statement> sqlite;
  RowFunctions<postgres::Statement> postgresql;

  const RowFunctions<sqlite::Statement>& functions(const sqlite::Statement&) const noexcept {
    return sqlite;
  }
  const RowFunctions<postgres::Statement>& functions(const postgres::Statement&) const noexcept {
    return postgresql;
  }
};

/// Where rows read by the library go: `next(context)` gives the struct to read the next row into.
struct RowSink {
  void* context;
  void* (*next)(void* context);
};

template <class Model, class Statement> constexpr RowFunctions<Statement> row_functions() {
  using traits = ModelTraits<Model>;
  return {
      [](Statement& s, int offset, const void* row) {
        shifted_parameters<Statement> shifted{s, offset};
        traits::bind_insert(shifted, *static_cast<const Model*>(row));
      },
      [](Statement& s, const void* row) {
        traits::bind_update(s, *static_cast<const Model*>(row));
      },
      [](Statement& s, const void* row) { traits::bind_all(s, *static_cast<const Model*>(row)); },
      [](Statement& s, void* row) { traits::read(s, *static_cast<Model*>(row)); },
      [](Statement& s, const int* positions, void* row) {
        mapped_columns<Statement> mapped{s, positions};
        traits::read(mapped, *static_cast<Model*>(row));
      },
      [](Statement& s, int column, void* row) {
        traits::read_key(s, column, *static_cast<Model*>(row));
      },
  };
}

/// The codec of `Model`, from its generated ModelTraits. Instantiated where Table<Model> and
/// Query<Model> are: once, in the model's generated .cpp.
template <class Model>
inline constexpr ModelCodec model_codec{
    ModelTraits<Model>::name,
    &ModelTraits<Model>::statements,
    ModelTraits<Model>::key_assigned_by_database,
    std::is_integral_v<typename ModelTraits<Model>::key_type>,
    [](void* row, std::int64_t id) {
      using traits = ModelTraits<Model>;
      if constexpr (std::is_integral_v<typename traits::key_type>)
        traits::key(*static_cast<Model*>(row)) = checked_integer<typename traits::key_type>(id, 0);
    },
    row_functions<Model, sqlite::Statement>(),
    row_functions<Model, postgres::Statement>(),
};

/// A RowSink appending to a std::vector of the model.
template <class Rows> RowSink append_to(Rows& rows) {
  return {&rows,
          [](void* context) -> void* { return &static_cast<Rows*>(context)->emplace_back(); }};
}

} // namespace ormc::detail
