// Values generated code fills in itself: the current time for created_at / updated_at /
// soft_delete columns, random UUIDs for ormc:id(uuid) keys, and the row tenant for ormc:tenant
// columns.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/storage.hpp>
#include <string>
#include <string_view>

namespace ormc {

class Database;

/// A random (version 4) UUID in canonical lowercase form: 8-4-4-4-12 hex digits.
std::string new_uuid();

namespace detail {
using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

/// The current time at the precision both databases store (microseconds), so that a row read
/// back equals the row written.
inline std::chrono::sys_time<std::chrono::microseconds> now() {
  return std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
}

template <class Duration>
void set_time(std::chrono::sys_time<Duration>& member,
              std::chrono::sys_time<std::chrono::microseconds> at) {
  member = std::chrono::time_point_cast<Duration>(at);
}
template <class Duration>
void set_time(std::optional<std::chrono::sys_time<Duration>>& member,
              std::chrono::sys_time<std::chrono::microseconds> at) {
  member = std::chrono::time_point_cast<Duration>(at);
}

/// Gives an empty UUID key a fresh value; a key the application chose is kept.
inline void fill_uuid(std::string& key) {
  if (key.empty()) key = new_uuid();
}

/// Before a row of `model` is written through `db`: its ormc:tenant member `column` gets the
/// database's row tenant (Database::row_tenant()) when it is empty (0 for an integer); a
/// member that names another tenant is a UsageError, as is a database without a row tenant or
/// with one of the other kind (text for an integer column). A row never moves between tenants.
void fill_tenant(std::string& member, const Database& db, std::string_view model,
                 std::string_view column);
void fill_tenant(std::int64_t& member, const Database& db, std::string_view model,
                 std::string_view column);
void fill_tenant(std::int32_t& member, const Database& db, std::string_view model,
                 std::string_view column);
} // namespace detail

} // namespace ormc
