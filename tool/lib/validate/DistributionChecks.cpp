#include "validate/DistributionChecks.h"

#include "validate/FindingBuilders.h"
#include "validate/KeyCoverage.h"


namespace ormc::validate {
namespace {
using Kind = ir::Distribution::Kind;

/// The column the rows of a distributed model are sharded by, if its member exists.
const ir::Column* distributionColumn(const ir::Model& m) {
  if (m.distribution.kind != Kind::Distributed) return nullptr;
  return m.column(m.distribution.member);
}

std::string describe(const ir::Model& m) {
  switch (m.distribution.kind) {
  case Kind::Distributed:
    return "distributed table '" + m.table + "'";
  case Kind::Reference:
    return "reference table '" + m.table + "'";
  case Kind::Local:
    break;
  }
  return "local table '" + m.table + "'";
}

/// The type a column's values hash as: tables are colocated only over one type.
std::string hashType(const ir::Column& c) {
  return std::string(ir::typeKindName(c.type.kind)) + "/" + c.type.enumType + "/" +
         ir::storageName(c.storage);
}

/// Whether the colocate_with chain of a distributed model ends, at a distributed model that
/// names none, rather than at a missing or undistributed model or in a cycle.
bool colocationChainEnds(const ir::Schema& schema, const ir::Model& m) {
  const ir::Model* at = &m;
  for (std::size_t hops = 0; hops <= schema.models.size(); ++hops) {
    if (at->distribution.colocateModel.empty()) return true;
    const ir::Model* next = schema.find(at->distribution.colocateModel);
    if (!next || next->distribution.kind != Kind::Distributed) return false;
    at = next;
  }
  return false; // a cycle
}

/// The member of `m` closest to `name`, for a misspelt distribute_by.
std::string nearestMember(const ir::Model& m, const std::string& name) {
  std::string best;
  unsigned bestDistance = static_cast<unsigned>(name.size() / 2 + 1);
  for (const ir::Column& c : m.columns)
    if (unsigned d = llvm::StringRef(name).edit_distance(c.member); d < bestDistance)
      bestDistance = d, best = c.member;
  return best;
}

void checkDistributionColumn(const ir::Model& m, const ir::Column& column, Findings& out) {
  const ir::Distribution& d = m.distribution;
  if (column.nullable)
    out.push_back(error("distribution-column", d.loc,
                        "distribution column '" + column.name + "' of '" + m.name +
                            "' cannot be std::optional: the engine places each row by its "
                            "value, and a NULL has none"));
  if (column.type.kind == ir::TypeKind::Vector)
    out.push_back(error("distribution-column", d.loc,
                        "'" + column.member + "' of '" + m.name +
                            "' is a vector; a distribution column needs a value the engine "
                            "can hash: an integer, a text or a UUID"));
  requireInUniqueKeys(m, column,
                      {"distribution-key", describe(m), "distribution column '" + column.name + "'",
                       "the engine enforces a key within one shard only", d.loc},
                      out);
}

void checkColocation(const ir::Schema& schema, const ir::Model& m, const ir::Column& column,
                     Findings& out) {
  const ir::Distribution& d = m.distribution;
  if (d.colocateModel.empty()) return; // unknown models are the linker's error
  const ir::Model& with = *schema.find(d.colocateModel);
  if (&with == &m) {
    out.push_back(error("distribution-colocation", d.colocateLoc,
                        "'" + m.name + "' cannot be colocated with itself"));
    return;
  }
  const ir::Column* other = distributionColumn(with);
  if (with.distribution.kind != Kind::Distributed) {
    Finding f = error("distribution-colocation", d.colocateLoc,
                      "colocate_with names " + describe(with) +
                          "; only a table distributed by a column has shards to share");
    f.notes.push_back(note(with.loc, "'" + with.qualifiedName + "' is here"));
    out.push_back(std::move(f));
  } else if (other && hashType(*other) != hashType(column)) {
    Finding f = error("distribution-colocation", d.colocateLoc,
                      "'" + m.name + "' is distributed by '" + column.name + "' of type '" +
                          column.type.spelling + "', and '" + with.name + "' by '" + other->name +
                          "' of type '" + other->type.spelling +
                          "': colocated tables hash values of one type");
    f.notes.push_back(note(other->loc, "'" + with.name + "''s distribution column is here"));
    out.push_back(std::move(f));
  } else if (!colocationChainEnds(schema, m)) {
    out.push_back(error("distribution-colocation", d.colocateLoc,
                        "the colocate_with chain of '" + m.name + "' comes back to itself"));
  }
}

/// A foreign key the engine can enforce: between distributed tables over their distribution
/// columns, or to a reference table from any table.
void checkReference(const ir::Schema& schema, const ir::Model& m, const ir::Reference& ref,
                    Findings& out) {
  const ir::Model* target = schema.find(ref.key->targetModel);
  if (!target) return;
  const Kind from = m.distribution.kind;
  const Kind to = target->distribution.kind;
  if (from == Kind::Local && to == Kind::Local) return;
  // Any table may reference a reference table: the engine keeps a copy beside each shard (a
  // local table it adds to its metadata).
  if (to == Kind::Reference) return;
  auto refuse = [&](const std::string& why) {
    Finding f =
        error("distribution-foreign-key", ref.key->loc,
              "the foreign key from " + describe(m) + " to " + describe(*target) + " " + why);
    f.notes.push_back(note(target->loc, "'" + target->qualifiedName + "' is here"));
    out.push_back(std::move(f));
  };
  if (from != Kind::Distributed || to != Kind::Distributed) {
    refuse(to == Kind::Local ? "cannot be enforced by the engine: make '" + target->name +
                                   "' a reference table or distribute it"
                             : "cannot be enforced by the engine: only a colocated distributed "
                               "table may reference a distributed one");
    return;
  }
  const ir::Column* own = distributionColumn(m);
  const ir::Column* theirs = distributionColumn(*target);
  if (!own || !theirs) return; // reported with the member
  std::vector<const ir::Column*> keys = target->keyColumns();
  bool paired = false;
  for (std::size_t i = 0; i < ref.columns.size() && i < keys.size(); ++i)
    paired = paired || (ref.columns[i] == own && keys[i] == theirs);
  if (!paired) {
    refuse("must pair its distribution column '" + own->name + "' with '" + theirs->name +
           "': the engine checks a foreign key within one shard; reference a composite key "
           "that includes '" +
           theirs->name + "'");
  }
  // Paired columns have one type, so the two tables share the engine's default colocation
  // group of that type, or a colocate_with chain of the same type (checkColocation()).
}

void checkModel(const ir::Schema& schema, const ir::Model& m, Findings& out) {
  const ir::Distribution& d = m.distribution;
  if (d.kind == Kind::Local) return;
  if (m.versioned)
    out.push_back(error("distribution-versioned", d.loc,
                        "versioned table '" + m.table + "' cannot be " +
                            (d.kind == Kind::Reference ? "a reference table" : "distributed") +
                            ": its history triggers write a table the engine does not place "
                            "with the rows' shards"));
  for (const ir::ManyToMany& rel : m.manyToMany)
    if (!rel.table.empty() && d.kind == Kind::Distributed)
      out.push_back(error("distribution-join-table", rel.loc,
                          "the join table '" + rel.table + "' of " + describe(m) +
                              " would be a local table referencing it; join through a "
                              "distributed model (through=...) that includes '" +
                              d.member + "'"));
  if (d.kind != Kind::Distributed) return;
  const ir::Column* column = m.column(d.member);
  if (!column) {
    std::string message =
        "distribute_by: '" + d.member + "' is not a data member of '" + m.name + "'";
    if (std::string near = nearestMember(m, d.member); !near.empty())
      message += "; did you mean '" + near + "'?";
    out.push_back(error("unknown-member", d.loc, message));
    return;
  }
  checkDistributionColumn(m, *column, out);
  checkColocation(schema, m, *column, out);
}

} // namespace

void checkDistribution(const ir::Schema& schema, Findings& out) {
  for (const ir::Model& m : schema.models) {
    checkModel(schema, m, out);
    for (const ir::Reference& ref : m.references())
      checkReference(schema, m, ref, out);
    for (const ir::ManyToMany& rel : m.manyToMany)
      if (const ir::Model* target = schema.find(rel.targetModel);
          target && !rel.table.empty() && target->distribution.kind == Kind::Distributed &&
          m.distribution.kind != Kind::Distributed)
        out.push_back(error("distribution-join-table", rel.loc,
                            "the join table '" + rel.table +
                                "' would be a local table "
                                "referencing " +
                                describe(*target) +
                                "; join through a distributed model (through=...)"));
  }
}

} // namespace ormc::validate
