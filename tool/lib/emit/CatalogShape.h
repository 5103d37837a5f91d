// What a model's table looks like in a dialect's catalog: its columns with the catalog's type
// names, its indexes and UNIQUE constraints by columns, its foreign keys. Generated code holds
// it for Models::check_schema(); ormc --check-db compares it with a live database.
#pragma once

#include "ir/Schema.h"

#include <ormc/sql/catalog.hpp>
#include <ormc/sql/renderer.hpp>

namespace ormc::emit {

sql::TableShape catalogShape(const ir::Schema& schema, const ir::Model& model,
                             const sql::Renderer& dialect);

} // namespace ormc::emit
