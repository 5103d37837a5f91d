// The IR in the SQL layer's terms: tables, columns and foreign keys as dialect-neutral
// descriptions (ormc/sql/schema_statements.hpp) for a sql::Renderer to write.
#pragma once

#include "ir/Schema.h"

#include <ormc/sql/renderer.hpp>
#include <string>

namespace ormc::emit {

sql::TableName tableName(const ir::Model& model);
/// The column's definition; `table` names its constraints (uq_<table>_<column>, ...).
sql::ColumnDefinition columnDefinition(const ir::Column& column, const std::string& table);
/// `fk_<table>_<column>` to the target's key.
sql::ForeignKey foreignKey(const ir::Schema& schema, const ir::Model& model,
                           const ir::Column& column);

} // namespace ormc::emit
