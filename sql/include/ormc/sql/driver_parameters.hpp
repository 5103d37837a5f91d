// Statements as other drivers than ormc's own bind them: the SQL layer renders PostgreSQL's
// parameters as $1, $2...; Python's psycopg binds parameters written %(name)s.
#pragma once

#include <string>
#include <string_view>

namespace ormc::sql {

/// `postgresql` (a statement this layer rendered for PostgreSQL) with each parameter $N spelled
/// %(pN)s, and every other `%` doubled, as psycopg requires. Quoted identifiers, string literals
/// and comments are copied as they are but for the doubled `%`.
std::string pyformat_parameters(std::string_view postgresql);

} // namespace ormc::sql
