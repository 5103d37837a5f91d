// The relation helpers each model's table gets (belongs-to, has-many, has-one, many-to-many),
// from both ends of each foreign key and many-to-many annotation: what the C++ Models print and
// what templates see (docs/templates.md).
#pragma once

#include "ir/Schema.h"

#include <string>
#include <vector>

namespace ormc::emit {

/// A relation helper one model's table gets, and what it needs to print it.
struct Relation {
  enum class Kind { BelongsTo, HasMany, HasOne, ManyToMany } kind;
  std::string name;
  const ir::Model* other;     // the model the helper returns
  ir::Reference reference;    // BelongsTo: the FK in this model; HasMany/HasOne: the FK in other
  const ir::ManyToMany* link; // ManyToMany: the annotation, on this model or on other
  bool reversed;              // ManyToMany: declared on the other model
};

std::vector<Relation> relationsOf(const ir::Schema& schema, const ir::Model& m);

} // namespace ormc::emit
