// The per-model statements on IR built by hand: a model with an ormc:tenant column compares it
// with the row tenant in every statement but the insert (which writes it as a member), and its
// upsert overwrites only a row of the same tenant; a model without one has no tenant parameter.
#include "diff_fixtures.hpp"
#include "emit/CrudStatements.h"

#include <gtest/gtest.h>
#include <ormc/sql/fragment.hpp>
#include <string>

namespace ormc::emit {
namespace {
using migrate::fixtures::column;

ir::Model note(bool tenanted, bool softDelete) {
  ir::Model m;
  m.name = "Note";
  m.table = "note";
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = id.autoIncrement = true;
  ir::Column tenant = column("org", ir::TypeKind::Int64);
  if (tenanted) tenant.role = ir::ColumnRole::Tenant;
  m.columns = {id, tenant, column("body", ir::TypeKind::String)};
  if (softDelete) {
    ir::Column deleted = column("deleted_at", ir::TypeKind::Timestamp, true);
    deleted.role = ir::ColumnRole::SoftDelete;
    m.columns.push_back(deleted);
  }
  return m;
}

TEST(CrudStatements, ATenantsModelComparesItsTenantInEveryStatementButTheInsert) {
  for (Dialect dialect : {Dialect::sqlite, Dialect::postgresql}) {
    const CrudStatements s = crudStatements(note(true, true), sql::renderer(dialect));
    // The tenant comes after the statement's own parameters: the key, the time, the columns.
    EXPECT_EQ(sql::tenant_parameter(s.selectAll), 1u) << s.selectAll;
    EXPECT_EQ(sql::tenant_parameter(s.count), 1u) << s.count;
    EXPECT_EQ(sql::tenant_parameter(s.selectByKey), 2u) << s.selectByKey;
    EXPECT_EQ(sql::tenant_parameter(s.purge), 2u) << s.purge;
    EXPECT_EQ(sql::tenant_parameter(s.remove), 3u) << s.remove; // the time, the key
    EXPECT_EQ(sql::tenant_parameter(s.restore), 2u) << s.restore;
    EXPECT_EQ(sql::tenant_parameter(s.update), 5u) << s.update; // org, body, deleted_at, key
    EXPECT_EQ(sql::tenant_parameter(s.insert), 0u) << s.insert;
    EXPECT_NE(s.upsertByKey.find("WHERE \"note\".\"org\" = excluded.\"org\""), std::string::npos)
        << s.upsertByKey;
  }
}

TEST(CrudStatements, AModelWithoutATenantHasNoTenantParameter) {
  const CrudStatements s = crudStatements(note(false, true), sql::renderer(Dialect::postgresql));
  for (const std::string* statement :
       {&s.selectAll, &s.count, &s.selectByKey, &s.purge, &s.remove, &s.restore, &s.update})
    EXPECT_EQ(sql::tenant_parameter(*statement), 0u) << *statement;
  EXPECT_EQ(s.upsertByKey.find("WHERE"), std::string::npos) << s.upsertByKey;
}

} // namespace
} // namespace ormc::emit
