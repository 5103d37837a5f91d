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
/// `fk_<table>_<column>[_<column>...]`: the name of a foreign key's constraint.
std::string foreignKeyName(const ir::Model& model, const ir::Reference& reference);
/// The foreign key to the target's key, named by foreignKeyName().
sql::ForeignKey foreignKey(const ir::Schema& schema, const ir::Model& model,
                           const ir::Reference& reference);

} // namespace ormc::emit
