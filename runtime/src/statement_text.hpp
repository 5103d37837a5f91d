// Facts read back from a statement's SQL text, for error messages only.
#pragma once

#include <ormc/sql/statement_text.hpp>
#include <string>
#include <string_view>

namespace ormc::detail {

/// The hint added to errors about a column or table the database lacks.
std::string schema_mismatch_hint(std::string_view sql);

} // namespace ormc::detail
