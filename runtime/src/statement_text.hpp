// Facts read back from a statement's SQL text, for error messages only.
#pragma once

#include <string>
#include <string_view>

namespace ormc::detail {

/// The first table a statement names after FROM, INTO or UPDATE, unquoted; "" if none is found.
/// ormc's own statements always quote it, so this finds it there.
std::string statement_table(std::string_view sql);

/// The hint added to errors about a column or table the database lacks.
std::string schema_mismatch_hint(std::string_view sql);

} // namespace ormc::detail
