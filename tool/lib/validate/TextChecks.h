// Checks of annotation values that end up inside generated SQL or C++: what may be written as
// SQL the schema author owns (check=), and what must be a plain name.
#pragma once

#include <string>
#include <string_view>

namespace ormc::validate {

/// Why `expression` is not one SQL expression that can stand inside `CHECK (...)`: a `;`, a
/// comment, unbalanced parentheses or an unterminated quote; "" when it is one.
std::string sqlExpressionProblem(std::string_view expression);

/// `text_ops` or `pg_catalog.text_ops`: an SQL identifier, optionally schema-qualified.
bool isQualifiedSqlName(std::string_view text);

/// A C++ identifier that is not a keyword: what relation helpers and accessors become.
bool isCppIdentifier(std::string_view text);

/// Whether `text` holds a control character (newline, NUL, ...), which no name may hold.
bool hasControlCharacter(std::string_view text);

} // namespace ormc::validate
