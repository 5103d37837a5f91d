#include "validate/Validator.h"

#include "validate/DistributionChecks.h"
#include "validate/FindingBuilders.h"
#include "validate/PartitionChecks.h"
#include "validate/RelationChecks.h"
#include "validate/ValueChecks.h"

#include <llvm/Support/Path.h>
#include <map>
#include <ormc/sql/schema_statements.hpp>

namespace ormc::validate {
namespace {

bool isSourceFile(const std::string& path) {
  llvm::StringRef ext = llvm::sys::path::extension(path);
  return ext == ".cpp" || ext == ".cc" || ext == ".cxx" || ext == ".c++" || ext == ".C" ||
         ext == ".c";
}

/// Whether a DEFAULT literal of this kind can be stored in the column.
bool defaultFits(const ir::DefaultValue& d, const ir::Column& c) {
  using K = ir::DefaultValue::Kind;
  ir::TypeKind t = c.type.kind;
  switch (d.kind) {
  case K::Null:
    return c.nullable;
  case K::Bool:
    return t == ir::TypeKind::Bool;
  case K::Integer:
    return ir::isInteger(t) || t == ir::TypeKind::Float || t == ir::TypeKind::Double ||
           t == ir::TypeKind::Decimal;
  case K::Real:
    return t == ir::TypeKind::Float || t == ir::TypeKind::Double || t == ir::TypeKind::Decimal;
  case K::String:
    return t == ir::TypeKind::String || t == ir::TypeKind::Uuid;
  }
  return false;
}

bool isNumber(const ir::ColumnType& t) {
  return (ir::isInteger(t.kind) && t.enumType.empty()) || t.kind == ir::TypeKind::Float ||
         t.kind == ir::TypeKind::Double;
}

/// Validation keys (min, max, not_empty) and uuid keys fit the member's type.
void checkColumnOptions(const ir::Column& c, Findings& out) {
  std::string member = "'" + c.member + "' of type '" + c.type.spelling + "'";
  if ((c.min || c.max) && !isNumber(c.type))
    out.push_back(
        error("validation-type", c.loc, "min and max apply to numbers, not to " + member));
  else if (c.min && c.max && std::stod(*c.min) > std::stod(*c.max))
    out.push_back(error("validation-type", c.loc,
                        "min=" + *c.min + " is greater than max=" + *c.max + " for '" + c.member +
                            "'; no value could be stored"));
  if (c.notEmpty && c.type.kind != ir::TypeKind::String && c.type.kind != ir::TypeKind::Bytes)
    out.push_back(error("validation-type", c.loc,
                        "not_empty applies to std::string and byte vectors, not to " + member));
  if (c.generatedUuid && c.type.kind != ir::TypeKind::Uuid)
    out.push_back(error("primary-key-type", c.loc,
                        "ormc:id(uuid) needs a std::string member, not " + member));
  if (c.check.find_first_not_of(" \t") == std::string::npos && !c.check.empty())
    out.push_back(error("validation-type", c.loc, "check on '" + c.member + "' is empty"));
  // A vector is compared by distance (nearest()), never by equality: no key, unique, b-tree
  // index, default or foreign key means anything for it.
  if (c.type.kind == ir::TypeKind::Vector &&
      (c.unique || c.indexed || c.defaultValue || c.references))
    out.push_back(error("vector-column", c.loc,
                        "vector '" + c.member +
                            "' is searched by distance with nearest(); unique, index, default "
                            "and belongs_to do not apply to it"));
}

/// created_at / updated_at / soft_delete / version / tenant: the right type, at most one of each.
void checkRoles(const ir::Model& m, Findings& out) {
  std::map<ir::ColumnRole, const ir::Column*> seen;
  for (const ir::Column& c : m.columns) {
    // Only a fragment can say this (the annotation has it on ormc:tenant alone).
    if (c.rowSecurity && c.role != ir::ColumnRole::Tenant)
      out.push_back(error("role-type", c.loc,
                          "row_security on '" + c.member +
                              "', which is not the ormc:tenant column: the policy compares "
                              "the tenant column"));
    if (c.role == ir::ColumnRole::None) continue;
    const char* role = ir::columnRoleName(c.role);
    bool soft = c.role == ir::ColumnRole::SoftDelete;
    if (c.role == ir::ColumnRole::Tenant) {
      // What Models::row_tenant() takes: text or a signed integer, always present.
      bool typed = c.type.kind == ir::TypeKind::String || c.type.kind == ir::TypeKind::Int32 ||
                   c.type.kind == ir::TypeKind::Int64;
      bool wholeKey = c.primaryKey && m.keyColumns().size() == 1;
      if (!typed || c.nullable || wholeKey)
        out.push_back(error("role-type", c.loc,
                            "ormc:tenant needs a std::string, std::int32_t or std::int64_t member "
                            "that is not optional and not the whole key; '" +
                                c.member + "' has type '" + c.type.spelling + "'"));
    } else if (c.role == ir::ColumnRole::Version) {
      // Signed, so that the runtime's version + 1 is the database's: BIGINT or INTEGER.
      bool integer = c.type.kind == ir::TypeKind::Int32 || c.type.kind == ir::TypeKind::Int64;
      if (!integer || c.nullable || c.primaryKey || c.references)
        out.push_back(error("role-type", c.loc,
                            "ormc:version needs a std::int32_t or std::int64_t member that is "
                            "neither the key nor a foreign key nor optional; '" +
                                c.member + "' has type '" + c.type.spelling + "'"));
    } else if (c.type.kind != ir::TypeKind::Timestamp || (soft && !c.nullable) || c.primaryKey)
      out.push_back(error("role-type", c.loc,
                          std::string("ormc:") + role + " needs a " +
                              (soft ? "std::optional<time_point>" : "time_point") +
                              " member that is not the key; '" + c.member + "' has type '" +
                              c.type.spelling + "'"));
    auto [it, inserted] = seen.emplace(c.role, &c);
    if (!inserted) {
      Finding f = error("role-type", c.loc,
                        "table '" + m.name + "' has more than one ormc:" + role + " member");
      f.notes.push_back(note(it->second->loc, "the first is here"));
      out.push_back(std::move(f));
    }
  }
}

void checkIndexes(const ir::Model& m, Findings& out) {
  static const std::vector<std::string> methods = {"btree", "hash", "gin",    "gist",
                                                   "brin",  "hnsw", "ivfflat"};
  static const std::vector<std::string> vectorOpclasses = {"vector_l2_ops", "vector_cosine_ops",
                                                           "vector_ip_ops"};
  for (const ir::Index& index : m.indexes) {
    for (std::size_t i = 0; i < index.members.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (index.members[i] == index.members[j])
          out.push_back(error("index-definition", index.loc,
                              "'" + index.members[i] + "' is listed twice in " + index.name));
    if (!index.method.empty() &&
        std::find(methods.begin(), methods.end(), index.method) == methods.end())
      out.push_back(error("index-definition", index.loc,
                          "unknown index method '" + index.method +
                              "'; expected btree, hash, gin, gist, brin, hnsw or ivfflat"));
    // pgvector's methods: one vector(N) column, and the operator class of the metric that
    // nearest() orders by (without it, the index serves no query).
    if (index.method == "hnsw" || index.method == "ivfflat") {
      const ir::Column* c = index.members.size() == 1 ? m.column(index.members[0]) : nullptr;
      if (!c || c->type.kind != ir::TypeKind::Vector || c->storage != ir::Storage::PgVector)
        out.push_back(error("index-definition", index.loc,
                            index.method +
                                " (pgvector) indexes one vector column with "
                                "storage=pgvector; " +
                                index.name + " does not"));
      if (std::find(vectorOpclasses.begin(), vectorOpclasses.end(), index.opclass) ==
          vectorOpclasses.end())
        out.push_back(error("index-definition", index.loc,
                            index.method + " needs the operator class of nearest()'s metric: "
                                           "opclass=vector_l2_ops, vector_cosine_ops or "
                                           "vector_ip_ops"));
    }
    if (index.method == "hash" && index.members.size() > 1)
      out.push_back(error("index-definition", index.loc,
                          "a hash index covers one column; " + index.name + " lists " +
                              std::to_string(index.members.size())));
    if ((index.method == "gin" || index.method == "gist") && index.opclass.empty())
      out.push_back(error("index-definition", index.loc,
                          index.method + " has no default operator class for ormc's column "
                                         "types; name one, e.g. opclass=gin_trgm_ops (pg_trgm)"));
  }
}

/// ormc:table(versioned): the history table adds its columns beside the model's.
void checkVersioned(const ir::Model& m, Findings& out) {
  for (const ir::Column& c : m.columns)
    for (std::string_view added : sql::HistoryColumns::all)
      if (c.name == added)
        out.push_back(error("history-column", c.loc,
                            "column '" + c.name + "' of versioned table '" + m.table +
                                "' has the name of a column ormc adds to its history table '" +
                                m.table + "_history'; name the column otherwise"));
}

void checkModel(const ir::Model& m, Findings& out) {
  if (isSourceFile(m.declaredIn))
    out.push_back(error("model-in-source-file", m.loc,
                        "table '" + m.name +
                            "' is declared in a source file; the generated code must include "
                            "it, so declare it in a header"));

  // Several ormc:id members make one composite key, in declaration order.
  const ir::Column* key = nullptr;
  std::map<std::string, const ir::Column*> byName;
  for (const ir::Column& c : m.columns) {
    if (c.primaryKey) {
      if (!key) key = &c;
      if (!c.sequence.empty() && !c.autoIncrement)
        out.push_back(error("key-sequence", c.loc,
                            "sequence '" + c.sequence + "' on '" + c.member +
                                "': a sequence assigns a key the database assigns, a lone integer "
                                "ormc:id that is neither assigned nor part of a composite key"));
      if (c.nullable)
        out.push_back(error("nullable-primary-key", c.loc,
                            "primary key '" + c.member + "' cannot be std::optional"));
      // A table partitioned by time has the time in its key, as PostgreSQL requires.
      bool partitionTime = c.type.kind == ir::TypeKind::Timestamp &&
                           m.partitioning.method == ir::Partitioning::Method::Range &&
                           c.member == m.partitioning.member;
      bool keyType = (ir::isInteger(c.type.kind) && c.type.enumType.empty()) ||
                     c.type.kind == ir::TypeKind::String || c.type.kind == ir::TypeKind::Uuid ||
                     partitionTime;
      if (!keyType)
        out.push_back(error("primary-key-type", c.loc,
                            "primary key '" + c.member + "' has type '" + c.type.spelling +
                                "'; a primary key must be an integer or std::string"));
    }
    auto [it, inserted] = byName.emplace(c.name, &c);
    if (!inserted) {
      Finding f = error("duplicate-column", c.loc,
                        "column name '" + c.name + "' is already used in table '" + m.table + "'");
      f.notes.push_back(note(it->second->loc, "previous column '" + c.name + "' is here"));
      out.push_back(std::move(f));
    }
    if (c.type.kind == ir::TypeKind::Decimal &&
        (c.type.precision < 1 || c.type.precision > 18 || c.type.scale < 0 ||
         c.type.scale > c.type.precision))
      out.push_back(error("unsupported-type", c.loc,
                          "'" + c.member + "' has type '" + c.type.spelling +
                              "': ormc::decimal holds 1 to 18 digits (a 64-bit count of units), "
                              "with 0 <= scale <= precision"));
    if (c.maxLength && c.type.kind != ir::TypeKind::String)
      out.push_back(error("max-length-type", c.loc,
                          "max_length applies to std::string columns, not to '" + c.member +
                              "' of type '" + c.type.spelling + "'"));
    if (c.defaultValue && !defaultFits(*c.defaultValue, c))
      out.push_back(error("default-type", c.loc,
                          "default value '" + c.defaultValue->text + "' does not fit column '" +
                              c.member + "' of type '" + c.type.spelling + "'"));
    checkColumnOptions(c, out);
  }
  if (m.versioned) checkVersioned(m, out);
  checkPartitioning(m, out);
  checkRoles(m, out);
  checkIndexes(m, out);
  checkValues(m, out);
  if (!key)
    out.push_back(error("no-primary-key", m.loc,
                        "table '" + m.name + "' has no primary key; mark one member with ormc:id"));
}

} // namespace

Findings validateSchema(const ir::Schema& schema) {
  Findings out;
  checkRelations(schema, out);
  checkDistribution(schema, out);
  std::map<std::string, const ir::SourceLoc*> indexNames; // one namespace per schema in SQL
  for (const ir::Model& m : schema.models)
    for (const ir::Index& index : m.indexes)
      if (auto [it, inserted] = indexNames.emplace(m.schema + "." + index.name, &index.loc);
          !inserted) {
        Finding f =
            error("index-definition", index.loc, "index name '" + index.name + "' is already used");
        f.notes.push_back(note(*it->second, "first used here"));
        out.push_back(std::move(f));
      }
  std::map<std::string, const ir::Model*> tables, accessors, columnStructs;
  for (const ir::Model& m : schema.models) {
    checkModel(m, out);
    // The generated <Name>_ struct lives in the model's namespace, outer classes left out.
    std::string columns = (m.cppNamespace.empty() ? "" : m.cppNamespace + "::") + m.name + "_";
    if (auto [it, fresh] = columnStructs.emplace(columns, &m); !fresh) {
      Finding f = error("generated-name", m.loc,
                        "'" + m.qualifiedName + "' and '" + it->second->qualifiedName +
                            "' would both generate '" + columns +
                            "'; models in one namespace need distinct struct names");
      f.notes.push_back(note(it->second->loc, "'" + it->second->qualifiedName + "' is here"));
      out.push_back(std::move(f));
    }
    for (const ir::Column& c : m.columns)
      if (c.member == m.name + "_")
        out.push_back(error("generated-name", c.loc,
                            "member '" + c.member + "' has the name of the generated struct '" +
                                m.name + "_' that holds '" + m.name +
                                "''s columns; rename the member"));
    if (auto [it, inserted] = tables.emplace(m.table, &m); !inserted) {
      Finding f = error("duplicate-table", m.loc,
                        "table name '" + m.table + "' of '" + m.qualifiedName +
                            "' is already used by '" + it->second->qualifiedName + "'");
      f.notes.push_back(note(it->second->loc, "'" + it->second->qualifiedName + "' is here"));
      out.push_back(std::move(f));
    } else if (auto [acc, fresh] = accessors.emplace(m.accessor, &m); !fresh) {
      Finding f = error("duplicate-accessor", m.loc,
                        "'" + m.qualifiedName + "' and '" + acc->second->qualifiedName +
                            "' would both be 'Models::" + m.accessor +
                            "'; name one with ormc:table(accessor=...)");
      f.notes.push_back(note(acc->second->loc, "'" + acc->second->qualifiedName + "' is here"));
      out.push_back(std::move(f));
    }
  }
  for (const ir::Model& m : schema.models)
    if (m.versioned)
      if (auto it = tables.find(sql::history_table({m.schema, m.table}).name); it != tables.end()) {
        Finding f = error("duplicate-table", m.loc,
                          "the history table of versioned '" + m.qualifiedName + "' would be '" +
                              it->first + "', the table of '" + it->second->qualifiedName + "'");
        f.notes.push_back(note(it->second->loc, "'" + it->second->qualifiedName + "' is here"));
        out.push_back(std::move(f));
      }
  for (const ir::Model& m : schema.models)
    for (const ir::ManyToMany& rel : m.manyToMany)
      if (!rel.table.empty())
        if (auto it = tables.find(rel.table); it != tables.end()) {
          Finding f = error("duplicate-table", rel.loc,
                            "join table '" + rel.table + "' would have the name of table '" +
                                it->second->table + "'; name it with table=");
          f.notes.push_back(note(it->second->loc, "'" + it->second->qualifiedName + "' is here"));
          out.push_back(std::move(f));
        }
  return out;
}

} // namespace ormc::validate
