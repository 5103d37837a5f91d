// The history of a versioned model (ormc:table(versioned)): every version of each row, which the
// database's triggers write to `<table>_history` whoever changes the row. Table<Model> reads it
// (history(), as_of(), between()) and restores from it (restore(key, version)); see
// docs/annotations.md, "Versioned models".
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/auto_values.hpp>
#include <ormc/model_codec.hpp>
#include <ormc/query_state.hpp>
#include <string>

namespace ormc {
class Database;

/// What changed a row into a version.
enum class HistoryOperation { insert, update, remove };

/// A version's place in the row's history.
struct VersionInfo {
  std::int64_t version = 0; // 1 for the row's first, then 2, 3, ...
  /// When the version became current, and when it stopped being (none: it still is). The
  /// PostgreSQL time is its transaction's start, so that a transaction's changes share one;
  /// SQLite's is the statement's, to the millisecond.
  detail::timestamp valid_from{};
  std::optional<detail::timestamp> valid_to;
  /// remove: the row as it was deleted, a version that is current for no time.
  HistoryOperation operation = HistoryOperation::insert;
  /// Who made the change, as the writing transaction said (Transaction::set_actor()).
  std::optional<std::string> actor;
};

/// One version of a row: its columns then, and when and by whom it was written.
template <class Model> struct Version : VersionInfo { Model row{}; };

namespace detail {
/// Where read_versions() puts each version: `next(context, info)` gives the struct to read the
/// row into, and sets `info` to its VersionInfo.
struct VersionSink {
  void* context;
  void* (*next)(void* context, VersionInfo** info);
};

template <class Model> VersionSink append_versions(std::vector<Version<Model>>& versions) {
  return {&versions, [](void* context, VersionInfo** info) -> void* {
            Version<Model>& v = static_cast<std::vector<Version<Model>>*>(context)->emplace_back();
            *info = &v;
            return &v.row;
          }};
}

/// `q` over the history table, its rows each row's version current at `at`. UsageError for a
/// query that already reads history.
QueryState as_of(const QueryState& q, Dialect dialect, timestamp at);
/// `q` over the history table, its rows every version; with `from` and `to`, only the versions
/// current at some time in [from, to), and the removals in it.
QueryState versions(const QueryState& q, Dialect dialect, std::optional<timestamp> from = {},
                    std::optional<timestamp> to = {});
/// The versions of `q` (a versions() query), by key and then version.
void read_versions(Database& db, const ModelCodec& codec, const QueryState& q, VersionSink sink);
/// NotFound: restore(key, version) found no such version.
[[noreturn]] void throw_no_version(std::string_view model, const std::string& key,
                                   std::int64_t version);
} // namespace detail
} // namespace ormc
