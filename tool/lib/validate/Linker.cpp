#include "validate/Linker.h"

#include "validate/FindingBuilders.h"

namespace ormc::validate {
namespace {

/// The namespace part of a qualified name: `app::Post` → `app`.
std::string namespaceOf(const std::string& qualified) {
  std::size_t colon = qualified.rfind("::");
  return colon == std::string::npos ? "" : qualified.substr(0, colon);
}

bool endsWithName(const std::string& qualified, const std::string& name) {
  return qualified == name || (qualified.size() > name.size() + 2 &&
                               qualified.compare(qualified.size() - name.size() - 2,
                                                 std::string::npos, "::" + name) == 0);
}

/// Resolves `name` as C++ would from inside `from`'s namespace: the nearest enclosing namespace
/// that has a model of that name wins; a qualified name may also be written in full.
const ir::Model* resolve(const ir::Schema& schema, const ir::Model& from, const std::string& name,
                         const ir::SourceLoc& loc, Findings& out) {
  std::string scope = namespaceOf(from.qualifiedName);
  for (;;) {
    std::string candidate = scope.empty() ? name : scope + "::" + name;
    if (const ir::Model* m = schema.find(candidate)) return m;
    if (scope.empty()) break;
    scope = namespaceOf(scope);
  }
  std::vector<const ir::Model*> matches;
  for (const ir::Model& m : schema.models)
    if (endsWithName(m.qualifiedName, name)) matches.push_back(&m);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    std::string message = "no table named '" + name + "' in this schema";
    if (const ir::Model* near = nearestModel(schema, name))
      message += "; did you mean '" + near->name + "'?";
    else
      message += "; the target must be a struct annotated with ormc:table";
    out.push_back(error("unknown-model", loc, message));
    return nullptr;
  }
  Finding f =
      error("ambiguous-model", loc, "'" + name + "' could name more than one table; qualify it");
  for (const ir::Model* m : matches)
    f.notes.push_back(note(m->loc, "'" + m->qualifiedName + "' is here"));
  out.push_back(std::move(f));
  return nullptr;
}

/// The column of `through` that references `target`, for a many-to-many through a model.
const ir::Column* referenceTo(const ir::Model& through, const std::string& target,
                              const ir::Column* except) {
  for (const ir::Column& c : through.columns)
    if (&c != except && c.references && c.references->targetModel == target) return &c;
  return nullptr;
}

/// A std::string referencing a UUID key is stored as a UUID too.
void storeAsKey(ir::Column& reference, const ir::Column& key) {
  if (key.type.kind == ir::TypeKind::Uuid && reference.type.kind == ir::TypeKind::String)
    reference.type.kind = ir::TypeKind::Uuid;
}

} // namespace

Findings linkSchema(ir::Schema& schema) {
  Findings out;
  for (ir::Model& m : schema.models)
    for (ir::Column& c : m.columns)
      if (c.references)
        if (const ir::Model* target =
                resolve(schema, m, c.references->target, c.references->loc, out)) {
          c.references->targetModel = target->qualifiedName;
          if (const ir::Column* key = target->primaryKey()) storeAsKey(c, *key);
        }
  for (ir::Model& m : schema.models)
    for (ir::CompositeReference& r : m.compositeReferences)
      if (const ir::Model* target = resolve(schema, m, r.key.target, r.key.loc, out)) {
        r.key.targetModel = target->qualifiedName;
        std::vector<const ir::Column*> keys = target->keyColumns();
        for (std::size_t i = 0; i < r.members.size() && i < keys.size(); ++i)
          for (ir::Column& c : m.columns)
            if (c.member == r.members[i]) storeAsKey(c, *keys[i]);
      }
  for (ir::Model& m : schema.models)
    if (ir::Distribution& d = m.distribution; !d.colocateWith.empty())
      if (const ir::Model* with = resolve(schema, m, d.colocateWith, d.colocateLoc, out))
        d.colocateModel = with->qualifiedName;
  // Through-models are linked above, so their foreign keys are known here.
  for (ir::Model& m : schema.models)
    for (ir::ManyToMany& rel : m.manyToMany) {
      const ir::Model* target = resolve(schema, m, rel.target, rel.loc, out);
      if (!target) continue;
      rel.targetModel = target->qualifiedName;
      if (rel.through.empty()) continue;
      const ir::Model* through = resolve(schema, m, rel.through, rel.loc, out);
      if (!through) continue;
      rel.throughModel = through->qualifiedName;
      const ir::Column* source = referenceTo(*through, m.qualifiedName, nullptr);
      const ir::Column* other =
          source ? referenceTo(*through, target->qualifiedName, source) : nullptr;
      if (!source || !other) {
        Finding f = error("through-model", rel.loc,
                          "'" + through->name + "' cannot join '" + m.name + "' and '" +
                              target->name + "': it needs an ormc:belongs_to(" +
                              (source ? target->name : m.name) + ") member");
        f.notes.push_back(note(through->loc, "'" + through->name + "' is here"));
        out.push_back(std::move(f));
        continue;
      }
      rel.sourceColumn = source->name;
      rel.targetColumn = other->name;
      rel.sourceMember = source->member;
      rel.targetMember = other->member;
    }
  return out;
}

} // namespace ormc::validate
