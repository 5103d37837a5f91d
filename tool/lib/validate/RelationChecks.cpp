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

/// ormc:belongs_to and many_to_many reference one key column; a composite key has several.
Finding compositeKeyTarget(const ir::Model& target, const ir::SourceLoc& at,
                           const std::string& what) {
  std::string columns;
  for (const ir::Column* k : target.keyColumns())
    columns += (columns.empty() ? "" : ", ") + k->member;
  Finding f = error("composite-key-reference", at,
                    what + " references '" + target.name + "', whose key is composite (" + columns +
                        "); a reference needs a one-column key");
  f.notes.push_back(note(target.loc, "'" + target.name + "' is declared here"));
  return f;
}

void checkForeignKey(const ir::Schema& schema, const ir::Model& m, const ir::Column& c,
                     Findings& out) {
  const ir::ForeignKey& fk = *c.references;
  const ir::Model* target = schema.find(fk.targetModel);
  if (target && target->hasCompositeKey()) {
    out.push_back(compositeKeyTarget(*target, fk.loc, "ormc:belongs_to on '" + c.member + "'"));
    return;
  }
  const ir::Column* key = target ? target->primaryKey() : nullptr;
  if (key && (c.type.kind != key->type.kind || c.type.enumType != key->type.enumType)) {
    Finding f =
        error("reference-type", c.loc,
              "'" + m.name + "::" + c.member + "' has type '" + c.type.spelling +
                  "' but references '" + target->name + "::" + key->member + "' of type '" +
                  key->type.spelling + "'; a foreign key has the type of the key it references");
    f.notes.push_back(note(key->loc, "'" + target->name + "' key is here"));
    out.push_back(std::move(f));
  }
  auto checkAction = [&](ir::ReferentialAction action, const char* key) {
    if (action == ir::ReferentialAction::SetNull && !c.nullable)
      out.push_back(error("reference-action", fk.loc,
                          std::string(key) + "=set_null needs a nullable member; make '" +
                              c.member + "' std::optional"));
    if (action == ir::ReferentialAction::SetDefault && !c.defaultValue)
      out.push_back(error("reference-action", fk.loc,
                          std::string(key) + "=set_default needs ormc:column(default=...) on '" +
                              c.member + "'"));
  };
  checkAction(fk.onDelete, "on_delete");
  checkAction(fk.onUpdate, "on_update");
}

} // namespace

void checkRelations(const ir::Schema& schema, Findings& out) {
  HelperNames names;
  for (const ir::Model& m : schema.models)
    for (const ir::Column& c : m.columns) {
      if (!c.references || c.references->targetModel.empty()) continue;
      checkForeignKey(schema, m, c, out);
      names.add(m, c.references->name, c.references->loc, "belongs_to on " + c.member, out);
      if (const ir::Model* target = schema.find(c.references->targetModel))
        names.add(*target, c.references->inverse, c.references->loc,
                  "inverse of " + m.name + "::" + c.member, out);
    }
  for (const ir::Model& m : schema.models)
    for (const ir::ManyToMany& rel : m.manyToMany) {
      if (rel.targetModel.empty()) continue;
      const ir::Model* target = schema.find(rel.targetModel);
      for (const ir::Model* end : {&m, target})
        if (end && end->hasCompositeKey() && rel.through.empty())
          out.push_back(compositeKeyTarget(*end, rel.loc, "ormc:many_to_many(" + rel.target + ")"));
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
