// Models::tables() and Models::modules(): the schema at run time, on both backends. Each table's
// columns are compared with what the database's own catalog says of the table create_schema()
// made, so the listing cannot drift from the tables it describes.
#include "backend_fixture.hpp"

#include <algorithm>
#include <cctype>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace unit {
namespace {

using MetadataTest = BackendTest;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const ormc::TableInfo& table(const std::vector<ormc::TableInfo>& tables, std::string_view model) {
  auto found = std::find_if(tables.begin(), tables.end(),
                            [&](const ormc::TableInfo& t) { return t.model == model; });
  if (found == tables.end()) throw std::runtime_error("no table of " + std::string(model));
  return *found;
}

TEST_P(MetadataTest, EveryTableIsListedWithTheColumnsTheCatalogHas) {
  const std::vector<ormc::TableInfo> tables = m->tables();
  ASSERT_GE(tables.size(), 20u);
  for (const ormc::TableInfo& t : tables) {
    const auto catalog = db->backend().table_columns(t.schema(), t.name());
    const std::vector<ormc::ColumnInfo> columns = t.columns();
    ASSERT_FALSE(catalog.empty()) << t.name();
    for (const ormc::ColumnInfo& c : columns) {
      auto in_catalog = std::find_if(catalog.begin(), catalog.end(),
                                     [&](const auto& found) { return found.name == c.name; });
      ASSERT_NE(in_catalog, catalog.end()) << t.name() << "." << c.name;
      EXPECT_EQ(lower(in_catalog->type), lower(c.sql_type)) << t.name() << "." << c.name;
      EXPECT_EQ(!in_catalog->not_null, c.nullable) << t.name() << "." << c.name;
    }
    EXPECT_EQ(columns.size(), catalog.size()) << t.name();
    EXPECT_FALSE(t.key().empty()) << t.name();
  }
}

TEST_P(MetadataTest, KeysReferencesModulesAndHistoryAreTheModelsOwn) {
  const std::vector<ormc::TableInfo> tables = m->tables();
  const ormc::TableInfo& contract = table(tables, "unit::Contract");
  EXPECT_EQ(contract.name(), "contract");
  EXPECT_EQ(contract.accessor, "contracts");
  EXPECT_EQ(contract.module, "history.hpp");
  EXPECT_TRUE(contract.versioned());
  EXPECT_EQ(contract.key(), (std::vector<std::string_view>{"id"}));
  const std::vector<ormc::ColumnInfo> columns = contract.columns();
  ASSERT_EQ(columns.size(), 5u);
  EXPECT_TRUE(columns[0].key);
  EXPECT_FALSE(columns[1].key);
  EXPECT_EQ(columns[4].name, "note");
  EXPECT_TRUE(columns[4].nullable);
  EXPECT_EQ(lower(columns[3].sql_type), on_postgres() ? "bigint" : "integer");

  const ormc::TableInfo& clause = table(tables, "unit::Clause");
  EXPECT_EQ(clause.name(), "where");
  EXPECT_EQ(clause.key(), (std::vector<std::string_view>{"contract", "position"}));

  const ormc::TableInfo& comment = table(tables, "unit::blog::Comment");
  EXPECT_FALSE(comment.versioned());
  ASSERT_EQ(comment.references().size(), 1u);
  EXPECT_EQ(comment.references()[0].column, "post_id");
  EXPECT_EQ(comment.references()[0].target_table, "post");
  EXPECT_EQ(comment.references()[0].target_column, "id");

  const auto modules = Models::modules();
  EXPECT_EQ(modules.size(), 12u);
  EXPECT_EQ(table(tables, "unit::shop::Charge").tenant_column(), "tenant_id");
  EXPECT_EQ(comment.tenant_column(), "");
  for (std::string_view module : {"all_types.hpp", "blog.hpp", "history.hpp", "embeddings.hpp"})
    EXPECT_NE(std::find(modules.begin(), modules.end(), module), modules.end()) << module;
  for (const ormc::TableInfo& t : tables)
    EXPECT_NE(std::find(modules.begin(), modules.end(), t.module), modules.end()) << t.module;
}

ORMC_INSTANTIATE_FOR_BACKENDS(MetadataTest);

} // namespace
} // namespace unit
