// The exceptions ormc throws. Database errors keep the database's own facts: the SQL text, the
// SQLSTATE (PostgreSQL's, or its equivalent for SQLite constraint errors) and the native code.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ormc {

/// Base of every ormc exception.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The API was used wrongly: a malformed database URL, committing a finished transaction.
class UsageError : public Error {
public:
  using Error::Error;
};

/// A value cannot be stored as, or read into, its C++ type: NULL read into a non-optional
/// member, an integer out of the member's range, a text where a number was expected.
class DataError : public Error {
public:
  using Error::Error;
  /// `column`: the result column whose value did not fit, when the message gives only its number.
  DataError(const std::string& what, int column) : Error(what), column_(column) {}
  int column() const noexcept { return column_; } // -1: none, or the message names it
private:
  int column_ = -1;
};

/// The migrations cannot be applied as they are: a migration edited after it was written (its
/// checksum differs from ormc.sum or from the one recorded when it was applied), a missing or
/// unlisted file, a gap in the versions, a database migrated past the code, or a migration the
/// database refused (its error follows; nothing of that migration was applied). The message
/// names the file and the version.
class MigrationError : public Error {
public:
  using Error::Error;
};

/// update() of a row that is not in the table.
class NotFound : public Error {
public:
  using Error::Error;
};

/// update() of a row that another writer changed (or upserted, or bulk-updated) since it was
/// read: the table's ormc:version column is past the version the row holds. Read the row again
/// and reapply the change; nothing was written.
class VersionConflict : public Error {
public:
  VersionConflict(std::string model, std::string key, long long held, long long stored);
  const std::string& model() const noexcept { return model_; }
  const std::string& key() const noexcept { return key_; }  // as messages print it: 7, 'a', (1, 2)
  long long held_version() const noexcept { return held_; } // the row's
  long long stored_version() const noexcept { return stored_; } // the table's
private:
  std::string model_;
  std::string key_;
  long long held_;
  long long stored_;
};

/// An error reported by the database.
class DatabaseError : public Error {
public:
  DatabaseError(const std::string& message, std::string sql, std::string sqlstate, int native_code);

  /// The statement that failed ("" when the error is not about a statement).
  const std::string& sql() const noexcept { return sql_; }
  /// Five-character SQLSTATE, e.g. "23505"; "" when the database gives none.
  const std::string& sqlstate() const noexcept { return sqlstate_; }
  /// SQLite's extended result code; 0 for PostgreSQL.
  int native_code() const noexcept { return native_code_; }

private:
  std::string sql_;
  std::string sqlstate_;
  int native_code_;
};

/// The database cannot be reached or opened, or the connection was lost.
class ConnectionError : public DatabaseError {
public:
  using DatabaseError::DatabaseError;
};

/// Another transaction holds a lock or conflicts with this one; retrying may succeed.
class TransactionConflict : public DatabaseError {
public:
  using DatabaseError::DatabaseError;
};

/// The statement ran longer than ConnectOptions::statement_timeout and was cancelled (SQLSTATE
/// 57014 on both backends). The connection stays usable; an open transaction is aborted.
class StatementTimeout : public DatabaseError {
public:
  using DatabaseError::DatabaseError;
};

/// A statement of this transaction failed earlier, so the transaction can only be rolled back
/// (PostgreSQL's SQLSTATE 25P02; SQLite follows the same rule). To carry on after an expected
/// failure, run that statement in a nested Transaction (a savepoint) and roll only it back.
class TransactionAborted : public DatabaseError {
public:
  using DatabaseError::DatabaseError;
};

/// The database's tables do not match the models: a column or table is missing, or has another
/// type or nullability. differences() lists each, one line per difference.
class SchemaMismatch : public DatabaseError {
public:
  SchemaMismatch(const std::string& message, std::string sql, std::string sqlstate, int native_code,
                 std::vector<std::string> differences = {})
      : DatabaseError(message, std::move(sql), std::move(sqlstate), native_code),
        differences_(std::move(differences)) {}
  const std::vector<std::string>& differences() const noexcept { return differences_; }

private:
  std::vector<std::string> differences_;
};

/// A constraint rejected the statement.
class ConstraintViolation : public DatabaseError {
public:
  using DatabaseError::DatabaseError;
};
class UniqueViolation : public ConstraintViolation {
public:
  using ConstraintViolation::ConstraintViolation;
};
class ForeignKeyViolation : public ConstraintViolation {
public:
  using ConstraintViolation::ConstraintViolation;
};
class NotNullViolation : public ConstraintViolation {
public:
  using ConstraintViolation::ConstraintViolation;
};
class CheckViolation : public ConstraintViolation {
public:
  using ConstraintViolation::ConstraintViolation;
};

} // namespace ormc
