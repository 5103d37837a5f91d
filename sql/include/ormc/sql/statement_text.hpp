// Facts read back from a statement's SQL text, for error messages only.
#pragma once

#include <string>
#include <string_view>

namespace ormc::sql {

/// The first table a statement names after FROM, INTO or UPDATE, unquoted (schema-qualified
/// names keep both parts: `shop.user`); "" if none is found. The layer's own statements always
/// quote it, so this finds it there.
std::string statement_table(std::string_view sql);

} // namespace ormc::sql
