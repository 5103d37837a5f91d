// Values generated code fills in itself: the current time for created_at / updated_at /
// soft_delete columns, and random UUIDs for ormc:id(uuid) keys.
#pragma once

#include <chrono>
#include <optional>
#include <ormc/storage.hpp>
#include <string>

namespace ormc {

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
} // namespace detail

} // namespace ormc
