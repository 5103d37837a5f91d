// Checks of the values annotations put into generated SQL and C++: names, SQL text the schema
// author owns (check=, opclass=), and defaults and limits that must fit their column.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

namespace ormc::validate {

void checkValues(const ir::Model& model, Findings& out);

} // namespace ormc::validate
