#include "validate/RelationChecks.h"

#include "validate/FindingBuilders.h"
#include "validate/TextChecks.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

namespace ormc::validate {
namespace {

/// Members of ormc::Table that a relation helper must not hide.
constexpr std::array<std::string_view, 18> kTableMembers = {
    "all",    "count",      "create_table", "database", "get",   "get_many",
    "insert", "insert_all", "order_by",     "purge",    "query", "raw",
    "remove", "restore",    "update",       "upsert",   "where", "with_deleted"};

/// The helper functions each model's table gets, with where each comes from.
class HelperNames {
public:
  void add(const ir::Model& model, const std::string& name, const ir::SourceLoc& loc,
           const std::string& origin, Findings& out) {
    if (!isCppIdentifier(name)) {
      out.push_back(error("relation-name", loc,
                          "relation helper name '" + name + "' (" + origin +
                              ") is not a C++ identifier; it names a member function of '" +
                              model.name + "''s table"));
      return;
    }
    if (std::find(kTableMembers.begin(), kTableMembers.end(), name) != kTableMembers.end()) {
      out.push_back(error("relation-name", loc,
                          "relation helper '" + name + "' on '" + model.name +
                              "' would hide ormc::Table::" + name + "; choose another name"));
      return;
    }
    auto [it, inserted] = names_[model.qualifiedName].emplace(name, Entry{loc, origin});
    if (inserted) return;
    Finding f = error("relation-name", loc,
                      "'" + model.name + "' already has a relation named '" + name + "' (" +
                          it->second.origin + "); name this one with " +
                          (origin.rfind("inverse", 0) == 0 ? "inverse=" : "name="));
    f.notes.push_back(note(it->second.loc, "the other '" + name + "' comes from here"));
    out.push_back(std::move(f));
  }

private:
  struct Entry {
    ir::SourceLoc loc;
    std::string origin;
  };
  std::map<std::string, std::map<std::string, Entry>> names_;
};

std::string keyMembers(const ir::Model& target) {
  std::string columns;
  for (const ir::Column* k : target.keyColumns())
    columns += (columns.empty() ? "" : ", ") + k->member;
  return columns;
}

/// ormc:belongs_to and many_to_many reference one key column; a composite key has several.
Finding compositeKeyTarget(const ir::Model& target, const ir::SourceLoc& at,
                           const std::string& what, const std::string& instead) {
  Finding f = error("composite-key-reference", at,
                    what + " references '" + target.name + "', whose key is composite (" +
                        keyMembers(target) + "); " + instead);
  f.notes.push_back(note(target.loc, "'" + target.name + "' is declared here"));
  return f;
}

std::string memberList(const ir::Reference& ref) {
  std::string out;
  for (const ir::Column* c : ref.columns)
    out += (out.empty() ? "" : ", ") + c->member;
  return out;
}

/// A foreign key's columns against the key they reference: as many, each of its key column's
/// type, and the actions each column can take.
void checkForeignKey(const ir::Model& m, const ir::Reference& ref, const ir::Model& target,
                     Findings& out) {
  const ir::ForeignKey& fk = *ref.key;
  std::vector<const ir::Column*> keys = target.keyColumns();
  if (!ref.onStruct && keys.size() > 1) {
    out.push_back(compositeKeyTarget(
        target, fk.loc, "ormc:belongs_to on '" + ref.columns.front()->member + "'",
        "name the members that hold it on the struct: ormc:references(" + target.name + ", " +
            ref.columns.front()->member + ", ...)"));
    return;
  }
  if (ref.columns.size() != keys.size()) {
    Finding f = error("reference-columns", fk.loc,
                      "ormc:references(" + fk.target + ") on '" + m.name + "' names " +
                          std::to_string(ref.columns.size()) +
                          (ref.columns.size() == 1 ? " member (" : " members (") + memberList(ref) +
                          ") but the key of '" + target.name + "' has " +
                          std::to_string(keys.size()) + " (" + keyMembers(target) + ")");
    f.notes.push_back(note(target.loc, "'" + target.name + "' is declared here"));
    out.push_back(std::move(f));
    return;
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const ir::Column& c = *ref.columns[i];
    const ir::Column& key = *keys[i];
    for (std::size_t j = 0; j < i; ++j)
      if (ref.columns[j] == &c)
        out.push_back(error("reference-columns", fk.loc,
                            "ormc:references(" + fk.target + ") names '" + c.member +
                                "' twice; each key column needs a member of its own"));
    if (c.type.kind != key.type.kind || c.type.enumType != key.type.enumType) {
      Finding f =
          error("reference-type", c.loc,
                "'" + m.name + "::" + c.member + "' has type '" + c.type.spelling +
                    "' but references '" + target.name + "::" + key.member + "' of type '" +
                    key.type.spelling + "'; a foreign key has the type of the key it references");
      f.notes.push_back(note(key.loc, "'" + target.name + "' key is here"));
      out.push_back(std::move(f));
    }
    auto checkAction = [&](ir::ReferentialAction action, const char* name) {
      if (action == ir::ReferentialAction::SetNull && !c.nullable)
        out.push_back(error("reference-action", fk.loc,
                            std::string(name) + "=set_null needs a nullable member; make '" +
                                c.member + "' std::optional"));
      if (action == ir::ReferentialAction::SetDefault && !c.defaultValue)
        out.push_back(error("reference-action", fk.loc,
                            std::string(name) + "=set_default needs ormc:column(default=...) on '" +
                                c.member + "'"));
    };
    checkAction(fk.onDelete, "on_delete");
    checkAction(fk.onUpdate, "on_update");
  }
}

/// Members an ormc:references names that are not columns (an IR read from a fragment).
void checkMembers(const ir::Model& m, Findings& out) {
  for (const ir::CompositeReference& r : m.compositeReferences)
    for (const std::string& member : r.members)
      if (!m.column(member))
        out.push_back(error("unknown-member", r.key.loc,
                            "'" + member + "' is not a column of '" + m.name + "'"));
}

} // namespace

void checkRelations(const ir::Schema& schema, Findings& out) {
  HelperNames names;
  for (const ir::Model& m : schema.models) {
    checkMembers(m, out);
    for (const ir::Reference& ref : m.references()) {
      const ir::ForeignKey& fk = *ref.key;
      const ir::Model* target = schema.find(fk.targetModel);
      if (!target) continue; // unresolved: reported by the linker
      checkForeignKey(m, ref, *target, out);
      std::string what =
          ref.onStruct ? "references(" + fk.target + ")" : ref.columns.front()->member;
      names.add(m, fk.name, fk.loc, (ref.onStruct ? "" : "belongs_to on ") + what, out);
      names.add(*target, fk.inverse, fk.loc, "inverse of " + m.name + "::" + what, out);
    }
  }
  for (const ir::Model& m : schema.models)
    for (const ir::ManyToMany& rel : m.manyToMany) {
      if (rel.targetModel.empty()) continue;
      const ir::Model* target = schema.find(rel.targetModel);
      for (const ir::Model* end : {&m, target})
        if (end && end->hasCompositeKey() && rel.through.empty())
          out.push_back(compositeKeyTarget(*end, rel.loc, "ormc:many_to_many(" + rel.target + ")",
                                           "a generated join table needs one-column keys; "
                                           "join through a model of your own (through=)"));
      if (rel.through.empty() && rel.sourceColumn == rel.targetColumn)
        out.push_back(error("duplicate-column", rel.loc,
                            "join table '" + rel.table + "' would have two columns named '" +
                                rel.sourceColumn +
                                "'; give source_column and target_column "
                                "different names"));
      names.add(m, rel.name, rel.loc, "many_to_many(" + rel.target + ")", out);
      if (target)
        if (target != &m || rel.inverse != rel.name)
          names.add(*target, rel.inverse, rel.loc, "inverse of many_to_many on " + m.name, out);
    }
}

} // namespace ormc::validate
