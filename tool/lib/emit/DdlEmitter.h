// CREATE statements for a schema in one dialect.
#pragma once

#include "emit/SqlDialect.h"
#include "ir/Schema.h"

#include <string>
#include <vector>

namespace ormc::emit {

/// The statements that create one table and its indexes, each without a trailing semicolon.
std::vector<std::string> createTableStatements(const ir::Model& model, const SqlDialect& dialect);

/// The whole schema as a SQL script (`schema.<dialect>.sql`).
std::string emitSchemaSql(const ir::Schema& schema, const SqlDialect& dialect);

} // namespace ormc::emit
