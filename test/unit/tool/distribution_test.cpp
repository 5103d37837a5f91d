// Distributed-engine (Citus) models on IR built by hand: the validator's rules beyond what the
// lit tests show, and the order the DDL hands tables to the engine in.
#include "diff_fixtures.hpp"
#include "emit/DdlEmitter.h"
#include "validate/Linker.h"
#include "validate/Validator.h"

#include <gtest/gtest.h>
#include <ormc/sql/renderer.hpp>

namespace ormc {
namespace {
using migrate::fixtures::column;
using Kind = ir::Distribution::Kind;

ir::Model model(const std::string& name, Kind kind, const std::string& member = "",
                const std::string& colocateWith = "") {
  ir::Model m;
  m.name = m.qualifiedName = name;
  m.table = name;
  m.accessor = name + "s";
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = true;
  m.columns = {id};
  m.distribution.kind = kind;
  m.distribution.member = member;
  m.distribution.colocateWith = colocateWith;
  return m;
}

void referenceTo(ir::Model& m, const std::string& columnName, const std::string& target) {
  ir::Column c = column(columnName, ir::TypeKind::Int64);
  c.references = ir::ForeignKey{};
  c.references->target = target;
  c.references->name = columnName + "_row";
  c.references->inverse = m.accessor;
  m.columns.push_back(c);
}

Findings check(ir::Schema& s) {
  Findings out = validate::linkSchema(s);
  for (Finding& f : validate::validateSchema(s))
    out.push_back(std::move(f));
  return out;
}

std::vector<std::string> ids(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    out.push_back(f.id);
  return out;
}

TEST(Distribution, TablesTheEngineAcceptsPass) {
  ir::Schema s;
  s.models.push_back(model("country", Kind::Reference));
  s.models.push_back(model("company", Kind::Distributed, "id"));
  referenceTo(s.models.back(), "country_id", "country");
  s.models.push_back(model("setting", Kind::Local)); // a local table may reference a reference one
  referenceTo(s.models.back(), "country_id", "country");
  ir::Model project = model("project", Kind::Distributed, "company_id", "company");
  project.columns.push_back(column("company_id", ir::TypeKind::Int64));
  project.columns.back().primaryKey = true;
  project.columns.back().references =
      ir::ForeignKey{"company", "", {}, {}, "company", "projects", true, {}};
  s.models.push_back(project);
  EXPECT_EQ(ids(check(s)), std::vector<std::string>{});
}

TEST(Distribution, ForeignKeysTheEngineCannotEnforceAreRefused) {
  ir::Schema s;
  s.models.push_back(model("company", Kind::Distributed, "id"));
  s.models.push_back(model("country", Kind::Reference));
  referenceTo(s.models.back(), "company_id", "company"); // reference -> distributed
  s.models.push_back(model("note", Kind::Local));
  referenceTo(s.models.back(), "company_id", "company"); // local -> distributed
  s.models.push_back(model("tag", Kind::Reference));
  referenceTo(s.models.back(), "note_id", "note"); // reference -> local
  Findings findings = check(s);
  ASSERT_EQ(ids(findings), (std::vector<std::string>(3, "distribution-foreign-key")));
  EXPECT_NE(findings[0].message.find("from reference table 'country' to distributed table "
                                     "'company'"),
            std::string::npos)
      << findings[0].message;
  EXPECT_NE(findings[1].message.find("from local table 'note'"), std::string::npos);
  EXPECT_NE(findings[2].message.find("make 'note' a reference table or distribute it"),
            std::string::npos)
      << findings[2].message;
}

TEST(Distribution, ColocationNeedsADistributedTableAndNoCycle) {
  ir::Schema s;
  s.models.push_back(model("a", Kind::Distributed, "id", "b"));
  s.models.push_back(model("b", Kind::Distributed, "id", "a"));
  s.models.push_back(model("c", Kind::Distributed, "id", "d"));
  s.models.push_back(model("d", Kind::Reference));
  s.models.push_back(model("e", Kind::Distributed, "id", "e"));
  Findings findings = check(s);
  ASSERT_EQ(ids(findings), (std::vector<std::string>(4, "distribution-colocation")));
  EXPECT_NE(findings[0].message.find("comes back to itself"), std::string::npos);
  EXPECT_NE(findings[2].message.find("names reference table 'd'"), std::string::npos);
  EXPECT_NE(findings[3].message.find("cannot be colocated with itself"), std::string::npos);
}

TEST(Distribution, TheEngineGetsColocatedWithTablesFirst) {
  ir::Schema s;
  s.models.push_back(model("project", Kind::Distributed, "id", "company"));
  s.models.push_back(model("plain", Kind::Local));
  s.models.push_back(model("company", Kind::Distributed, "id"));
  s.models.push_back(model("country", Kind::Reference));
  ASSERT_TRUE(check(s).empty());
  std::vector<const ir::Model*> all;
  for (const ir::Model& m : s.models)
    all.push_back(&m);
  std::vector<std::string> order;
  for (const ir::Model* m : emit::distributionOrder(s, all))
    order.push_back(m->table);
  EXPECT_EQ(order, (std::vector<std::string>{"company", "project", "country"}));

  const sql::Renderer& pg = sql::renderer(Dialect::postgresql);
  EXPECT_EQ(pg.render(emit::distributeTable(s, s.models[0])),
            R"(SELECT create_distributed_table('"project"', 'id', colocate_with => '"company"'))");
  EXPECT_EQ(pg.render(emit::distributeTable(s, s.models[3])),
            R"(SELECT create_reference_table('"country"'))");
  EXPECT_EQ(sql::renderer(Dialect::sqlite).render(emit::distributeTable(s, s.models[0])), "");
}

} // namespace
} // namespace ormc
