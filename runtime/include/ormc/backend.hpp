#pragma once

#include <ormc/dialect.hpp>
#include <string_view>

namespace ormc {

/// One connection to one database. Backends implement what is the same for every statement;
/// per-value work (binding, reading) goes through each backend's concrete Statement class, so
/// generated code makes no virtual call per field.
class Backend {
public:
  virtual ~Backend() = default;

  virtual Dialect dialect() const noexcept = 0;
  /// Runs SQL without parameters or results (DDL, transaction control). May hold several
  /// statements separated by semicolons.
  virtual void execute(std::string_view sql) = 0;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

} // namespace ormc
