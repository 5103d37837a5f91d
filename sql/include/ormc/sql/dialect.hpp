// The dialects ormc speaks. Part of the SQL layer (sql/), which the tool and the runtime share.
#pragma once

namespace ormc {

/// The SQL dialect a connection speaks; generated code keeps one set of statements per dialect,
/// and sql::renderer() gives the layer's renderer for each.
enum class Dialect { sqlite, postgresql };
/// How many dialects there are: generated code keeps per-dialect names in arrays this long,
/// indexed by the enumerator's value.
inline constexpr int dialect_count = 2;

} // namespace ormc
