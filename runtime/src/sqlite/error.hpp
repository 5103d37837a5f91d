#pragma once

#include <string_view>

struct sqlite3;

namespace ormc::sqlite::detail {

/// Throws the ormc exception for SQLite result code `rc` on `db`: constraint errors get their
/// own classes and the matching SQLSTATE, busy/locked is a TransactionConflict.
[[noreturn]] void throw_error(sqlite3* db, int rc, std::string_view sql);

} // namespace ormc::sqlite::detail
