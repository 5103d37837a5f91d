#pragma once

#include <chrono>
#include <optional>

namespace ormc {

/// How long ormc lets a statement run, and how it notices a dead PostgreSQL server. Each field
/// left empty comes from the URL's parameter of the same name, else from the default:
///
///   ormc::open("postgresql://app@db/app?statement_timeout=5s");
///   ormc::open(url, {.statement_timeout = std::chrono::seconds(5)});   // the same
///
/// A statement that runs longer than `statement_timeout` is cancelled and throws
/// StatementTimeout; the connection stays usable (an open transaction is then aborted, as after
/// any failed statement). On PostgreSQL the server cancels it; when not even that answer arrives
/// within `statement_timeout` + 2 s (the network froze, a proxy stopped forwarding), ormc closes
/// the connection and throws ConnectionError, and the next statement connects again.
/// 0 turns the timeout off. On SQLite the timeout counts the time spent inside each step.
/// SQLite's journal mode, a setting the database file keeps once set.
enum class SqliteJournal {
  keep,     // whatever the file has
  wal,      // PRAGMA journal_mode = WAL: readers do not block the writer
  rollback, // PRAGMA journal_mode = DELETE, SQLite's default
};

struct ConnectOptions {
  /// Default 30 s (as ADO.NET's and Npgsql's command timeout); URL: statement_timeout=500ms,
  /// =5s, =2min or milliseconds.
  std::optional<std::chrono::milliseconds> statement_timeout{};
  /// PostgreSQL's TCP keepalives: the first probe after `keepalive_idle` without traffic, then
  /// one every `keepalive_interval`; after `keepalive_count` unanswered probes the connection
  /// is dropped. Defaults 15 s, 5 s and 3 (a dead peer is noticed within about 30 s); URL:
  /// libpq's keepalives_idle, keepalives_interval, keepalives_count (in seconds).
  std::optional<std::chrono::seconds> keepalive_idle{};
  std::optional<std::chrono::seconds> keepalive_interval{};
  std::optional<int> keepalive_count{};
  /// SQLite: the journal mode to give the file as it opens. Default: WAL for a file this
  /// open creates (or an empty one), and `keep` for an existing database, whose own setting
  /// is never changed unless asked (it would stay changed for every program that opens the
  /// file). URL: journal_mode=wal, =delete or =keep.
  std::optional<SqliteJournal> sqlite_journal{};
};

inline constexpr std::chrono::milliseconds default_statement_timeout{30000};

} // namespace ormc
