// Partitioned models on IR built by hand: the validator's rules beyond the lit tests, and the
// partitions the DDL makes in each dialect.
#include "diff_fixtures.hpp"
#include "emit/DdlEmitter.h"
#include "validate/Validator.h"

#include <gtest/gtest.h>
#include <ormc/sql/renderer.hpp>

namespace ormc {
namespace {
using migrate::fixtures::column;
using Method = ir::Partitioning::Method;

/// A model keyed by (id, at), partitioned by `method` over `member`.
ir::Model model(Method method, const std::string& member) {
  ir::Model m;
  m.name = m.qualifiedName = "Event";
  m.table = "event";
  m.accessor = "events";
  ir::Column id = column("id", ir::TypeKind::Int64);
  ir::Column at = column("at", ir::TypeKind::Timestamp);
  ir::Column region = column("region", ir::TypeKind::String);
  region.type.enumType = "Region";
  region.type.enumerators = {"eu", "us"};
  region.storage = ir::Storage::Text;
  id.primaryKey = at.primaryKey = region.primaryKey = true;
  m.columns = {id, at, region};
  m.partitioning.method = method;
  m.partitioning.member = member;
  return m;
}

std::vector<std::string> ids(const ir::Model& m) {
  ir::Schema s;
  s.models.push_back(m);
  std::vector<std::string> out;
  for (const Finding& f : validate::validateSchema(s))
    out.push_back(f.id);
  return out;
}

TEST(Partition, ATimeMayBePartOfTheKeyOfATablePartitionedByIt) {
  ir::Model byTime = model(Method::Range, "at");
  byTime.partitioning.interval = "week";
  EXPECT_EQ(ids(byTime), std::vector<std::string>{});
  ir::Model plain = model(Method::None, "");
  EXPECT_EQ(ids(plain), std::vector<std::string>{"primary-key-type"});
  byTime.partitioning.interval = "fortnight";
  EXPECT_EQ(ids(byTime), std::vector<std::string>{"partition-definition"});
}

TEST(Partition, ListValuesOfAnEnumAreItsEnumerators) {
  ir::Model byRegion = model(Method::List, "region");
  byRegion.columns[1].type.kind = ir::TypeKind::Int64; // only the partition's time may be a key
  byRegion.partitioning.lists = {{"eu", {"eu"}, {}}, {"other", {"us", "mars"}, {}}};
  EXPECT_EQ(ids(byRegion), std::vector<std::string>{"partition-definition"});
  byRegion.partitioning.lists[1].values = {"us"};
  EXPECT_EQ(ids(byRegion), std::vector<std::string>{});
}

TEST(Partition, HashNeedsTwoTo1024Partitions) {
  ir::Model byId = model(Method::Hash, "id");
  byId.columns[1].type.kind = ir::TypeKind::Int64;
  for (int n : {0, 1, 1025})
    EXPECT_EQ(ids((byId.partitioning.partitions = n, byId)),
              std::vector<std::string>{"partition-definition"})
        << n;
  byId.partitioning.partitions = 2;
  EXPECT_EQ(ids(byId), std::vector<std::string>{});
}

TEST(Partition, PostgresqlMakesThePartitionsAndSqliteAPlainTable) {
  ir::Model byId = model(Method::Hash, "id");
  byId.partitioning.partitions = 2;
  const sql::Renderer& pg = sql::renderer(Dialect::postgresql);
  EXPECT_EQ(
      emit::partitionStatements(byId, pg),
      (std::vector<std::string>{
          R"(CREATE TABLE IF NOT EXISTS "event_p0" PARTITION OF "event" FOR VALUES WITH (MODULUS 2, REMAINDER 0))",
          R"(CREATE TABLE IF NOT EXISTS "event_p1" PARTITION OF "event" FOR VALUES WITH (MODULUS 2, REMAINDER 1))"}));
  EXPECT_EQ(emit::partitionStatements(byId, sql::renderer(Dialect::sqlite)),
            std::vector<std::string>{});
  ir::Schema s;
  s.models.push_back(byId);
  EXPECT_EQ(
      sql::renderer(Dialect::sqlite).render(emit::describeTable(s, byId)).at(0).find("PARTITION"),
      std::string::npos);
  std::string block = pg.render(sql::CreateTimePartitions{
      {"audit", "event"}, "year", "2026-03-04T00:00:00Z", "2028-01-01T00:00:00Z", 0});
  EXPECT_NE(block.find("date_trunc('year', '2026-03-04T00:00:00Z'::timestamptz, 'UTC')"),
            std::string::npos)
      << block;
  EXPECT_NE(block.find("quote_ident('audit') || '.' || quote_ident('event_p' || to_char(lower AT "
                       "TIME ZONE 'UTC', 'YYYY'))"),
            std::string::npos)
      << block;
  EXPECT_EQ(sql::renderer(Dialect::sqlite)
                .render(sql::CreateTimePartitions{{"", "event"}, "day", "", "", 3}),
            "");
}

} // namespace
} // namespace ormc
