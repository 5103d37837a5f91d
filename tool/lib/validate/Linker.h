// Resolves the models that relations name (`ormc:belongs_to(User)`, `many_to_many(Tag)`,
// `through=PostTag`) to the models of the whole schema. Runs after every input has been parsed
// (or every fragment merged), since a relation may cross headers.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

namespace ormc::validate {

/// Fills in ForeignKey::targetModel and ManyToMany::targetModel/throughModel/columns; reports a
/// name that matches no model, or more than one.
Findings linkSchema(ir::Schema& schema);

} // namespace ormc::validate
