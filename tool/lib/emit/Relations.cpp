#include "emit/Relations.h"

namespace ormc::emit {

std::vector<Relation> relationsOf(const ir::Schema& schema, const ir::Model& m) {
  std::vector<Relation> out;
  for (const ir::Reference& ref : m.references())
    out.push_back({Relation::Kind::BelongsTo, ref.key->name, schema.find(ref.key->targetModel), ref,
                   nullptr, false});
  for (const ir::Model& other : schema.models)
    for (const ir::Reference& ref : other.references())
      if (ref.key->targetModel == m.qualifiedName) {
        bool one = !ref.onStruct && ref.columns.front()->unique;
        out.push_back({one ? Relation::Kind::HasOne : Relation::Kind::HasMany, ref.key->inverse,
                       &other, ref, nullptr, false});
      }
  for (const ir::ManyToMany& rel : m.manyToMany)
    out.push_back(
        {Relation::Kind::ManyToMany, rel.name, schema.find(rel.targetModel), {}, &rel, false});
  for (const ir::Model& other : schema.models)
    for (const ir::ManyToMany& rel : other.manyToMany)
      if (rel.targetModel == m.qualifiedName && !(&other == &m && rel.inverse == rel.name))
        out.push_back({Relation::Kind::ManyToMany, rel.inverse, &other, {}, &rel, true});
  return out;
}

} // namespace ormc::emit
