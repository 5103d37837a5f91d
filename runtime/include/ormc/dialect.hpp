#pragma once

namespace ormc {

/// The SQL dialect a connection speaks; generated code keeps one set of statements per dialect.
enum class Dialect { sqlite, postgresql };

const char* to_string(Dialect dialect) noexcept;

} // namespace ormc
