// The SQL layer alone: each statement description rendered in each dialect, exactly. The
// runtime tests run the same statements against real databases; these pin the text and the
// dialect differences (placeholders, LIMIT/OFFSET, key sets, DDL) where they are made.
#include <gtest/gtest.h>
#include <ormc/sql/aggregate_call.hpp>
#include <ormc/sql/catalog.hpp>
#include <ormc/sql/migration_files.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/sql/statement_text.hpp>

namespace ormc::sql {
namespace {

const Renderer& sqlite() {
  return renderer(Dialect::sqlite);
}
const Renderer& postgres() {
  return renderer(Dialect::postgresql);
}

Fragment equals(const std::string& column) {
  Fragment f;
  compare(f, column, Comparison::equal);
  return f;
}

TEST(SqlNames, IdentifiersAreQuotedWithQuotesDoubledAndReservedWordsKept) {
  EXPECT_EQ(identifier("order"), "\"order\"");
  EXPECT_EQ(identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(unquote_identifier(identifier("a\"\"b\"")), "a\"\"b\"");
  EXPECT_EQ(string_literal("it's"), "'it''s'");
  EXPECT_EQ(column_list({"\"a\"", "\"b\""}), "\"a\", \"b\"");
}

TEST(SqlTransactions, AReadOnlyTransactionBeginsInOneStatementAndSqliteUndoesItsSetting) {
  EXPECT_EQ(postgres().begin_read_only("tenant_a"),
            "BEGIN READ ONLY; SET LOCAL search_path TO \"tenant_a\"");
  EXPECT_EQ(postgres().begin_read_only(""), "BEGIN READ ONLY; SET LOCAL search_path TO DEFAULT");
  EXPECT_EQ(postgres().end_read_only(), "");
  // Deferred: a reader takes no write lock; query_only refuses writes until it is reset.
  EXPECT_EQ(sqlite().begin_read_only(""), "PRAGMA query_only = 1; BEGIN DEFERRED");
  EXPECT_EQ(sqlite().end_read_only(), "PRAGMA query_only = 0");
}

TEST(SqlReplicas, WalPositionsAreBigintsOnPostgresqlAndAbsentOnSqlite) {
  EXPECT_EQ(postgres().wal_insert_position(),
            "SELECT (pg_catalog.pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint");
  EXPECT_EQ(postgres().wal_replay_position(),
            "SELECT (pg_catalog.pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint");
  EXPECT_EQ(postgres().in_recovery(), "SELECT pg_catalog.pg_is_in_recovery()");
  EXPECT_EQ(sqlite().wal_insert_position(), "");
  EXPECT_EQ(sqlite().in_recovery(), "");
}

TEST(SqlExplain, EachDialectAsksForThePlanOfTheSameStatement) {
  const std::string select = R"(SELECT "id" FROM "task" WHERE "id" = ?1)";
  EXPECT_EQ(sqlite().explain(select), "EXPLAIN QUERY PLAN " + select);
  EXPECT_EQ(sqlite().explain_plan_column(), 3); // id, parent, notused, detail
  EXPECT_EQ(postgres().explain(R"(SELECT "id" FROM "task" WHERE "id" = $1)"),
            R"(EXPLAIN SELECT "id" FROM "task" WHERE "id" = $1)");
  EXPECT_EQ(postgres().explain_plan_column(), 0); // QUERY PLAN
}

TEST(SqlNames, TheTableAStatementNamesIsReadBackForMessages) {
  EXPECT_EQ(statement_table("SELECT \"a\" FROM \"my\"\"t\" WHERE 1"), "my\"t");
  EXPECT_EQ(statement_table("UPDATE \"shop\".\"user\" SET \"a\" = 1"), "shop.user");
  EXPECT_EQ(statement_table("INSERT INTO \"t\" DEFAULT VALUES"), "t");
  EXPECT_EQ(statement_table("SELECT 1"), "");
  EXPECT_EQ(statement_table("SELECT 1 FROM \"unterminated"), "");
}

TEST(SqlNames, SchemasQualifyTablesOnPostgresqlOnly) {
  TableName t{"shop", "user"};
  EXPECT_EQ(postgres().table_name(t), "\"shop\".\"user\"");
  EXPECT_EQ(sqlite().table_name(t), "\"user\"");
  EXPECT_EQ(postgres().table_name({"", "user"}), "\"user\"");
}

TEST(SqlFragments, ParametersAreNumberedInOrderAcrossAppendedFragments) {
  Fragment a;
  compare(a, "\"x\"", Comparison::less);
  Fragment b;
  between(b, "\"y\"");
  Fragment all;
  all.append(a).sql(" AND ").append(b);
  EXPECT_EQ(sqlite().render(all), "\"x\" < ?1 AND \"y\" BETWEEN ?2 AND ?3");
  EXPECT_EQ(postgres().render(all, 4), "\"x\" < $4 AND \"y\" BETWEEN $5 AND $6");
}

TEST(SqlFragments, ConditionsRenderTheirOperators) {
  Fragment f;
  open_not(f);
  open_group(f);
  in_list(f, "\"a\"", 2);
  separate(f, Logical::any);
  null_test(f, "\"b\"", false);
  separate(f, Logical::all);
  like(f, "\"c\"");
  close_group(f);
  close_group(f);
  EXPECT_EQ(postgres().render(f),
            "NOT ((\"a\" IN ($1, $2) OR \"b\" IS NOT NULL AND \"c\" LIKE $3 ESCAPE '\\'))");
  Fragment folded;
  ilike(folded, "\"c\"");
  EXPECT_EQ(sqlite().render(folded), "lower(\"c\") LIKE lower(?1) ESCAPE '\\'");
  Fragment empty;
  in_list(empty, "\"a\"", 0);
  EXPECT_EQ(sqlite().render(empty), "1 = 0");
}

TEST(SqlFragments, JsonPathsAreKeysAndIndexesInEachDialectsSyntax) {
  std::vector<JsonStep> path = {{"owner", -1}, {"", 0}, {"first name", -1}};
  Fragment s, p;
  std::vector<std::string> sqlite_params, postgres_params;
  sqlite().json_value(s, "\"doc\"", path, JsonScalar::integer, sqlite_params);
  compare_written(s, Comparison::greater);
  postgres().json_value(p, "\"doc\"", path, JsonScalar::integer, postgres_params);
  compare_written(p, Comparison::greater);
  EXPECT_EQ(sqlite().render(s), "json_extract(\"doc\", ?1) > ?2");
  EXPECT_EQ(sqlite_params, std::vector<std::string>{"$.\"owner\"[0].\"first name\""});
  EXPECT_EQ(postgres().render(p), "(\"doc\" -> $1::text -> $2::integer ->> $3::text)::bigint > $4");
  EXPECT_EQ(postgres_params, (std::vector<std::string>{"owner", "0", "first name"}));

  // Text compares as PostgreSQL's ->> gives it on both; a missing value is NULL on both.
  Fragment st, pt;
  sqlite().json_value(st, "\"doc\"", {{"tag", -1}}, JsonScalar::text, sqlite_params);
  null_test_written(st, true);
  postgres().json_value(pt, "\"doc\"", {{"tag", -1}}, JsonScalar::text, postgres_params);
  null_test_written(pt, true);
  EXPECT_EQ(sqlite().render(st), "CAST(json_extract(\"doc\", ?1) AS TEXT) IS NULL");
  EXPECT_EQ(postgres().render(pt), "(\"doc\" ->> $1::text) IS NULL");
}

TEST(SqlFragments, KeySetsAreOneParameterInEachDialectsEncoding) {
  Fragment s, p;
  sqlite().in_key_set(s, "\"id\"");
  postgres().in_key_set(p, "\"id\"");
  EXPECT_EQ(sqlite().render(s), "\"id\" IN (SELECT value FROM json_each(?1))");
  EXPECT_EQ(postgres().render(p), "\"id\" = ANY($1)");

  std::string json, array;
  for (std::string_view key : {"a\"b", "c\\d", "e\nf"}) {
    sqlite().key_set_append(json, key, true);
    postgres().key_set_append(array, key, true);
  }
  sqlite().key_set_close(json);
  postgres().key_set_close(array);
  EXPECT_EQ(json, R"(["a\"b","c\\d","e\u000af"])");
  EXPECT_EQ(array, "{\"a\\\"b\",\"c\\\\d\",\"e\nf\"}");

  std::string numbers;
  postgres().key_set_append(numbers, "1", false);
  postgres().key_set_append(numbers, "-2", false);
  postgres().key_set_close(numbers);
  EXPECT_EQ(numbers, "{1,-2}");
  std::string none;
  sqlite().key_set_close(none);
  EXPECT_EQ(none, "[]");
}

TEST(SqlRows, InsertsOneOrManyRowsOrDefaultValues) {
  Insert one{"\"t\"", {"\"a\"", "\"b\""}, 1, ""};
  EXPECT_EQ(sqlite().render(one), "INSERT INTO \"t\" (\"a\", \"b\") VALUES (?1, ?2)");
  Insert many{"\"t\"", {"\"a\"", "\"b\""}, 2, "\"id\""};
  EXPECT_EQ(postgres().render(many),
            "INSERT INTO \"t\" (\"a\", \"b\") VALUES ($1, $2), ($3, $4) RETURNING \"id\"");
  EXPECT_EQ(postgres().render(Insert{"\"t\"", {}, 1, "\"id\""}),
            "INSERT INTO \"t\" DEFAULT VALUES RETURNING \"id\"");
  EXPECT_TRUE(postgres().insert_returns_key());
  EXPECT_FALSE(sqlite().insert_returns_key());
}

TEST(SqlRows, UpsertsUpdateTheNamedColumnsOrDoNothing) {
  Upsert update{{"\"t\"", {"\"id\"", "\"a\""}, 1, ""}, {"\"id\""}, {"\"a\""}, {}};
  EXPECT_EQ(sqlite().render(update), "INSERT INTO \"t\" (\"id\", \"a\") VALUES (?1, ?2) ON "
                                     "CONFLICT (\"id\") DO UPDATE SET \"a\" = excluded.\"a\"");
  Upsert ignore{{"\"j\"", {"\"x\"", "\"y\""}, 1, ""}, {}, {}, {}};
  EXPECT_EQ(postgres().render(ignore),
            "INSERT INTO \"j\" (\"x\", \"y\") VALUES ($1, $2) ON CONFLICT DO NOTHING");
}

// An ormc:version column is incremented, qualified by the table: PostgreSQL finds a bare name
// ambiguous beside `excluded`; with nothing else to overwrite it is still incremented.
TEST(SqlRows, UpsertsIncrementAVersionColumnQualifiedByTheTable) {
  Upsert both{
      {"\"s\".\"t\"", {"\"id\"", "\"a\"", "\"v\""}, 1, ""}, {"\"id\""}, {"\"a\""}, {"\"v\""}};
  EXPECT_EQ(
      postgres().render(both),
      "INSERT INTO \"s\".\"t\" (\"id\", \"a\", \"v\") VALUES ($1, $2, $3) ON CONFLICT (\"id\") "
      "DO UPDATE SET \"a\" = excluded.\"a\", \"v\" = \"s\".\"t\".\"v\" + 1");
  Upsert only{{"\"t\"", {"\"id\"", "\"v\""}, 1, ""}, {"\"id\""}, {}, {"\"v\""}};
  EXPECT_EQ(sqlite().render(only), "INSERT INTO \"t\" (\"id\", \"v\") VALUES (?1, ?2) ON CONFLICT "
                                   "(\"id\") DO UPDATE SET \"v\" = \"t\".\"v\" + 1");
}

// GROUP BY and HAVING between WHERE and ORDER BY, HAVING's parameters after WHERE's.
TEST(SqlRows, SelectsGroupAndFilterGroupsBetweenWhereAndOrder) {
  Select s{"\"a\", count(*)", "\"t\"", {equals("\"b\"")}, {{"count(*)", true, false}}, true, false};
  s.group_by = {"\"a\"", "\"c\""};
  s.having = {equals("count(*)"), equals("sum(\"d\")")};
  EXPECT_EQ(postgres().render(s),
            "SELECT \"a\", count(*) FROM \"t\" WHERE \"b\" = $1 GROUP BY \"a\", \"c\" HAVING "
            "count(*) = $2 AND sum(\"d\") = $3 ORDER BY count(*) DESC LIMIT $4");
  static_assert(aggregate_call_size(AggregateFunction::sum, "\"d\"") == 8);
  constexpr auto text = aggregate_call_text<8>(AggregateFunction::sum, "\"d\"");
  EXPECT_EQ(std::string_view(text.data(), text.size()), "sum(\"d\")");
}

TEST(SqlRows, SelectsOrderNullsLastAndLimit) {
  Select s{
      "\"a\", \"b\"", "\"t\"", {equals("\"a\"")}, {{"\"b\"", true, true}, {"\"id\"", false, false}},
      true,           true};
  EXPECT_EQ(postgres().render(s), "SELECT \"a\", \"b\" FROM \"t\" WHERE \"a\" = $1 ORDER BY "
                                  "\"b\" DESC NULLS LAST, \"id\" LIMIT $2 OFFSET $3");
  EXPECT_EQ(sqlite().render(s), "SELECT \"a\", \"b\" FROM \"t\" WHERE \"a\" = ?1 ORDER BY "
                                "\"b\" DESC NULLS LAST, \"id\" LIMIT ?2 OFFSET ?3");
}

TEST(SqlRows, JoinsFollowTheTableTheirConditionsParametersBeforeWheres) {
  Fragment on;
  compare_columns(on, "\"album\".\"artist_id\"", Comparison::equal, "\"artist\".\"id\"");
  Fragment live;
  null_test(live, "\"track\".\"deleted_at\"", true);
  compare(live.sql(" AND "), "\"track\".\"ms\"", Comparison::greater);
  Select s{"\"album\".\"title\"",
           "\"music\".\"album\"",
           {equals("\"artist\".\"name\"")},
           {},
           false,
           false};
  s.alias = "\"album\"";
  s.joins = {{false, "\"artist\"", "", on}, {true, "\"music\".\"track\"", "\"track\"", live}};
  EXPECT_EQ(
      postgres().render(s),
      "SELECT \"album\".\"title\" FROM \"music\".\"album\" AS \"album\" JOIN \"artist\" ON "
      "\"album\".\"artist_id\" = \"artist\".\"id\" LEFT JOIN \"music\".\"track\" AS \"track\" ON "
      "\"track\".\"deleted_at\" IS NULL AND \"track\".\"ms\" > $1 WHERE \"artist\".\"name\" = $2");
  EXPECT_EQ(
      sqlite().render(Aggregate{"count", "*", s}),
      "SELECT count(*) FROM \"music\".\"album\" AS \"album\" JOIN \"artist\" ON "
      "\"album\".\"artist_id\" = \"artist\".\"id\" LEFT JOIN \"music\".\"track\" AS \"track\" ON "
      "\"track\".\"deleted_at\" IS NULL AND \"track\".\"ms\" > ?1 WHERE \"artist\".\"name\" = ?2");
}

// Row-level tenancy: the tenant is one parameter wherever it appears (the table, a joined one, a
// subquery), numbered after every other, and the statement says which in a trailing comment
// that tenant_parameter() reads back.
TEST(SqlTenants, TheTenantIsOneParameterNumberedLastAndNamedAtTheEnd) {
  Fragment inner_where;
  tenant_test(inner_where, "\"charge\".\"tenant_id\"");
  Select inner{"1", "\"charge\"", {inner_where, equals("\"charge\".\"cents\"")}, {}, false, false};
  Fragment tenant;
  tenant_test(tenant, "\"tenant_id\"");
  Fragment correlated;
  exists(correlated, postgres().select_fragment(inner));
  Select outer{"\"id\"", "\"invoice\"", {tenant, equals("\"number\""), correlated},
               {},       true,          false};
  const std::string pg = postgres().render(outer);
  EXPECT_EQ(pg, "SELECT \"id\" FROM \"invoice\" WHERE \"tenant_id\" = $4 AND \"number\" = $1 AND "
                "EXISTS (SELECT 1 FROM \"charge\" WHERE \"charge\".\"tenant_id\" = $4 AND "
                "\"charge\".\"cents\" = $2) LIMIT $3 /* ormc:tenant parameter 4 */");
  EXPECT_EQ(tenant_parameter(pg), 4u);
  const std::string lite = sqlite().render(Delete{"\"invoice\"", {equals("\"id\""), tenant}});
  EXPECT_EQ(lite, "DELETE FROM \"invoice\" WHERE \"id\" = ?1 AND \"tenant_id\" = ?2 "
                  "/* ormc:tenant parameter 2 */");
  EXPECT_EQ(tenant_parameter(lite), 2u);
  EXPECT_EQ(tenant_parameter(sqlite().explain(lite)), 2u);
  EXPECT_EQ(tenant_parameter("SELECT 1"), 0u);
  EXPECT_EQ(tenant_parameter(sqlite().render(Delete{"\"t\"", {equals("\"id\"")}})), 0u);
}

// An upsert guarded by a tenant column overwrites only a row of the same tenant.
TEST(SqlTenants, AGuardedUpsertOverwritesOnlyARowWithTheSameValue) {
  Upsert guarded{{"\"s\".\"t\"", {"\"id\"", "\"org\"", "\"a\""}, 1, ""}, {"\"id\""}, {"\"a\""}, {}};
  guarded.guard = "\"org\"";
  EXPECT_EQ(postgres().render(guarded),
            "INSERT INTO \"s\".\"t\" (\"id\", \"org\", \"a\") VALUES ($1, $2, $3) ON CONFLICT "
            "(\"id\") DO UPDATE SET \"a\" = excluded.\"a\" WHERE \"s\".\"t\".\"org\" = "
            "excluded.\"org\"");
}

TEST(SqlFragments, ExistsWrapsASubqueryKeepingItsParametersInOrder) {
  Select inner{"1", "\"album\"", {equals("\"album\".\"title\"")}, {}, false, false};
  Fragment f = equals("\"a\"");
  exists(f.sql(" AND "), sqlite().select_fragment(inner));
  EXPECT_EQ(postgres().render(f),
            "\"a\" = $1 AND EXISTS (SELECT 1 FROM \"album\" WHERE \"album\".\"title\" = $2)");
}

TEST(SqlRows, ASelectListsScalarSubqueryParametersPrecedeTheWheres) {
  Select inner{"max(\"ms\")", "\"track\"", {equals("\"album_id\"")}, {}, false, false};
  Fragment columns;
  select_item(columns, "\"id\"");
  select_query(columns, sqlite().select_fragment(inner));
  select_item(columns, "\"name\"");
  Select outer{columns, "\"track\"", {equals("\"name\"")}, {}, true, false};
  EXPECT_EQ(postgres().render(outer),
            "SELECT \"id\", (SELECT max(\"ms\") FROM \"track\" WHERE \"album_id\" = $1), \"name\" "
            "FROM \"track\" WHERE \"name\" = $2 LIMIT $3");
  EXPECT_EQ(sqlite().render(outer),
            "SELECT \"id\", (SELECT max(\"ms\") FROM \"track\" WHERE \"album_id\" = ?1), \"name\" "
            "FROM \"track\" WHERE \"name\" = ?2 LIMIT ?3");
}

TEST(SqlRows, NearestOrdersByEachDialectsDistanceWithTheVectorAsAParameter) {
  Fragment f;
  sqlite().vector_distance(f, "\"e\"", VectorMetric::cosine, false);
  EXPECT_EQ(sqlite().render(f), "ormc_cosine_distance(\"e\", ?1)");
  Fragment l2, ip, pgvector;
  postgres().vector_distance(l2, "\"e\"", VectorMetric::l2, false);
  EXPECT_EQ(postgres().render(l2), "(SELECT sqrt(sum((a::float8 - b) * (a::float8 - b))) FROM "
                                   "unnest(\"e\", $1::real[]) AS \"ormc_v\"(a, b))");
  postgres().vector_distance(ip, "\"e\"", VectorMetric::inner_product, false);
  EXPECT_EQ(postgres().render(ip),
            "(SELECT -sum(a::float8 * b) FROM unnest(\"e\", $1::real[]) AS \"ormc_v\"(a, b))");
  postgres().vector_distance(pgvector, "\"e\"", VectorMetric::inner_product, true);
  EXPECT_EQ(postgres().render(pgvector), "(\"e\" <#> $1::vector)");
  // As the first ORDER BY term its parameter follows WHERE's and precedes LIMIT's.
  Select s{"\"id\"", "\"doc\"", {equals("\"lang\"")}, {{l2, false, true}}, true, false};
  EXPECT_EQ(sqlite().render(s).substr(sqlite().render(s).find(" WHERE")),
            " WHERE \"lang\" = ?1 ORDER BY (SELECT sqrt(sum((a::float8 - b) * (a::float8 - b))) "
            "FROM unnest(\"e\", ?2::real[]) AS \"ormc_v\"(a, b)) NULLS LAST LIMIT ?3");
}

TEST(SqlSchema, VectorColumnsHoldTheirDimensionInEachDialect) {
  ColumnDefinition c;
  c.name = "e";
  c.type = ColumnType::vector;
  c.dimension = 3;
  c.not_null = true;
  CreateTable t;
  t.table = {"", "doc"};
  t.columns = {c};
  EXPECT_NE(sqlite().render(t)[0].find("\"e\" BLOB NOT NULL CHECK (length(\"e\") = 12)"),
            std::string::npos);
  EXPECT_NE(postgres().render(t)[0].find(
                "\"e\" REAL[] NOT NULL CHECK (array_ndims(\"e\") = 1 AND cardinality(\"e\") = 3 "
                "AND array_position(\"e\", NULL) IS NULL)"),
            std::string::npos);
  t.columns[0].type = ColumnType::vector_pgvector;
  EXPECT_NE(postgres().render(t)[0].find("\"e\" vector(3) NOT NULL"), std::string::npos);
  EXPECT_EQ(postgres().create_extension("vector"), "CREATE EXTENSION IF NOT EXISTS \"vector\"");
  // pgvector's index methods: only where indexes have methods (a b-tree of bytes serves none).
  t.indexes.push_back({"idx_doc_e", {"e"}, "hnsw", "vector_l2_ops"});
  EXPECT_EQ(postgres().render(t)[1],
            "CREATE INDEX IF NOT EXISTS \"idx_doc_e\" ON \"doc\" USING hnsw (\"e\" vector_l2_ops)");
  EXPECT_EQ(sqlite().render(t).size(), 1u);
  EXPECT_FALSE(sqlite().creates(t.indexes[0]));
  EXPECT_EQ(sqlite().render(CreateIndex{{"", "doc"}, t.indexes[0]}), "");
  EXPECT_EQ(sqlite().create_extension("vector"), "");
}

TEST(SqlHistory, AHistoryTableHoldsTheColumnsWithoutConstraintsKeyedByKeyAndVersion) {
  ColumnDefinition id, code, amount;
  id.name = "id", id.type = ColumnType::int64, id.primary_key = id.identity = id.not_null = true;
  code.name = "code", code.type = ColumnType::text, code.not_null = true;
  code.unique_constraint = "uq_contract_code";
  code.check_constraint = "ck_contract_code";
  code.checks = {{ColumnCheck::Kind::not_empty, "", {}}};
  amount.name = "amount", amount.type = ColumnType::int32;
  amount.default_value = Literal{Literal::Kind::number, "0"};
  CreateTable t;
  t.table = {"sales", "contract"};
  t.columns = {id, code, amount};
  t.unique = {{"uq_contract_pair", {"code", "amount"}}};
  CreateTable h = history_table_definition(t);
  EXPECT_EQ(h.table.schema, "sales");
  EXPECT_EQ(h.table.name, "contract_history");
  ASSERT_EQ(h.columns.size(), 8u);
  EXPECT_FALSE(h.columns[0].primary_key || h.columns[0].identity);
  EXPECT_TRUE(h.columns[1].unique_constraint.empty() && h.columns[1].checks.empty());
  EXPECT_TRUE(h.columns[1].not_null);
  EXPECT_EQ(h.columns[2].default_value->value, "0");
  EXPECT_EQ(h.columns[3].name, "history_version");
  EXPECT_FALSE(h.columns[5].not_null); // valid_to: NULL while current
  EXPECT_TRUE(h.unique.empty());
  ASSERT_TRUE(h.primary_key.has_value());
  EXPECT_EQ(h.primary_key->columns, (std::vector<std::string>{"id", "history_version"}));
  // Created, then the triggers: built-in SQL on SQLite, a plpgsql function on PostgreSQL, each
  // finding the key's versions by every key column of the row.
  std::vector<std::string> lite = sqlite().render(CreateHistory{t});
  ASSERT_EQ(lite.size(), 5u); // the table, the actor's table, a trigger per event
  EXPECT_EQ(lite[2].rfind("CREATE TRIGGER IF NOT EXISTS \"contract_history_insert\" AFTER INSERT "
                          "ON \"contract\" FOR EACH ROW BEGIN ",
                          0),
            0u);
  EXPECT_NE(lite[4].find("WHERE \"id\" = OLD.\"id\""), std::string::npos);
  EXPECT_NE(lite[4].find("'delete'"), std::string::npos);
  std::vector<std::string> pg = postgres().render(CreateHistory{t});
  ASSERT_EQ(pg.size(), 5u); // schema, table, its comment, function, trigger
  EXPECT_EQ(pg[2],
            "COMMENT ON TABLE \"sales\".\"contract_history\" IS 'Every version of each row of "
            "contract (ormc:table(versioned))'");
  EXPECT_EQ(pg[3].rfind("CREATE OR REPLACE FUNCTION \"sales\".\"contract_history_write\"()", 0),
            0u);
  EXPECT_NE(pg[3].find("INSERT INTO \"sales\".\"contract_history\" (\"id\", \"code\", "
                       "\"amount\", \"history_version\", \"history_valid_from\", "
                       "\"history_valid_to\", \"history_operation\", \"history_actor\")"),
            std::string::npos);
  EXPECT_EQ(pg[4], "CREATE OR REPLACE TRIGGER \"contract_history\" AFTER INSERT OR UPDATE OR "
                   "DELETE ON \"sales\".\"contract\" FOR EACH ROW EXECUTE FUNCTION "
                   "\"sales\".\"contract_history_write\"()");
  EXPECT_EQ(postgres().drop_history_triggers(t.table),
            (std::vector<std::string>{
                "DROP TRIGGER IF EXISTS \"contract_history\" ON \"sales\".\"contract\"",
                "DROP FUNCTION IF EXISTS \"sales\".\"contract_history_write\"()"}));
  // The actor: a transaction-local setting, or SQLite's one-row table cleared before commit.
  EXPECT_EQ(postgres().set_history_actor(), "SELECT set_config('ormc.actor', $1, true)");
  EXPECT_EQ(postgres().clear_history_actor(), "");
  EXPECT_EQ(sqlite().clear_history_actor(), "DELETE FROM \"ormc_history_actor\"");
}

TEST(SqlHistory, StartingTheHistoryOfATableWithRowsMakesEachRowAVersion) {
  ColumnDefinition a, b;
  a.name = "a", a.type = ColumnType::text, a.primary_key = true;
  b.name = "b", b.type = ColumnType::text;
  CreateTable t;
  t.table = {"", "pair"};
  t.columns = {a, b};
  t.primary_key = NamedColumns{"pk_pair", {"a", "b"}};
  std::vector<std::string> start = postgres().start_history(t);
  ASSERT_EQ(start.size(), 2u);
  EXPECT_EQ(start[0], "UPDATE \"pair_history\" SET \"history_valid_to\" = now() WHERE "
                      "\"history_valid_to\" IS NULL");
  EXPECT_EQ(start[1],
            "INSERT INTO \"pair_history\" (\"a\", \"b\", \"history_version\", "
            "\"history_valid_from\", \"history_valid_to\", \"history_operation\", "
            "\"history_actor\") SELECT \"pair\".\"a\", \"pair\".\"b\", coalesce((SELECT "
            "max(\"history_version\") FROM \"pair_history\" WHERE \"pair_history\".\"a\" = "
            "\"pair\".\"a\" AND \"pair_history\".\"b\" = \"pair\".\"b\"), 0) + 1, now(), NULL, "
            "'insert', NULL FROM \"pair\"");
}

TEST(SqlNames, QualifiedPrefixesEveryQuotedIdentifierAndNoLiteral) {
  EXPECT_EQ(qualified("\"t\"", "\"a\""), "\"t\".\"a\"");
  EXPECT_EQ(qualified("\"t\"", "(CAST(\"a\" AS BIGINT) * \"b\"\"c\")"),
            "(CAST(\"t\".\"a\" AS BIGINT) * \"t\".\"b\"\"c\")");
  EXPECT_EQ(qualified("\"t\"", "sum(\"x\") + count(*)"), "sum(\"t\".\"x\") + count(*)");
  EXPECT_EQ(qualified("\"t\"", "json_extract(\"doc\", '$.\"k\"''s')"),
            "json_extract(\"t\".\"doc\", '$.\"k\"''s')");
  EXPECT_EQ(qualified("\"t\"", "count(*)"), "count(*)");
}

TEST(SqlRows, AnOffsetWithoutLimitIsLimitMinusOneOnSqliteOnly) {
  Select s{"*", "\"t\"", {}, {{"\"id\"", false, false}}, false, true};
  EXPECT_EQ(sqlite().render(s), "SELECT * FROM \"t\" ORDER BY \"id\" LIMIT -1 OFFSET ?1");
  EXPECT_EQ(postgres().render(s), "SELECT * FROM \"t\" ORDER BY \"id\" OFFSET $1");
}

TEST(SqlRows, AggregatesOverLimitedRowsReadASubquery) {
  Select rows{"", "\"t\"", {equals("\"a\"")}, {{"\"id\"", false, false}}, false, false};
  EXPECT_EQ(sqlite().render(Aggregate{"count", "*", rows}),
            "SELECT count(*) FROM \"t\" WHERE \"a\" = ?1");
  rows.limit = true;
  EXPECT_EQ(postgres().render(Aggregate{"max", "\"b\"", rows}),
            "SELECT max(\"b\") FROM (SELECT \"b\" FROM \"t\" WHERE \"a\" = $1 ORDER BY \"id\" "
            "LIMIT $2) AS \"ormc_limited\"");
  EXPECT_EQ(postgres().render(Exists{rows}),
            "SELECT EXISTS (SELECT 1 FROM (SELECT 1 FROM \"t\" WHERE \"a\" = $1 ORDER BY \"id\" "
            "LIMIT $2) AS \"ormc_limited\")");
}

TEST(SqlRows, UpdatesAndDeletes) {
  Update u{"\"t\"", {{"\"a\"", parameter()}, {"\"d\"", null_value()}}, {equals("\"id\"")}};
  EXPECT_EQ(postgres().render(u), "UPDATE \"t\" SET \"a\" = $1, \"d\" = NULL WHERE \"id\" = $2");
  EXPECT_EQ(sqlite().render(Delete{"\"t\"", {equals("\"id\""), equals("\"x\"")}}),
            "DELETE FROM \"t\" WHERE \"id\" = ?1 AND \"x\" = ?2");
  EXPECT_EQ(sqlite().render(Delete{"\"t\"", {}}), "DELETE FROM \"t\"");
}

TEST(SqlRows, KeysetPagingComparesEachTermAfterTheEqualOnesBefore) {
  std::vector<OrderTerm> order{{"\"a\"", true, true}, {"\"id\"", false, false}};
  EXPECT_EQ(sqlite().render(keyset_after(order, {false, false})),
            "(((\"a\" < ?1 OR \"a\" IS NULL)) OR (\"a\" = ?2 AND \"id\" > ?3))");
  EXPECT_EQ(keyset_parameters({false, false}), (std::vector<std::size_t>{0, 0, 1}));
  // After a NULL: nothing in its term, the rest by the next terms; the NULL binds nothing.
  EXPECT_EQ(sqlite().render(keyset_after(order, {true, false})),
            "((1 = 0) OR (\"a\" IS NULL AND \"id\" > ?1))");
  EXPECT_EQ(keyset_parameters({true, false}), (std::vector<std::size_t>{1}));
}

TEST(SqlRows, SavepointsAreQuotedNames) {
  EXPECT_EQ(sqlite().render(Savepoint{Savepoint::Action::create, "s1"}), "SAVEPOINT \"s1\"");
  EXPECT_EQ(postgres().render(Savepoint{Savepoint::Action::rollback_to, "s1"}),
            "ROLLBACK TO SAVEPOINT \"s1\"");
  EXPECT_EQ(postgres().render(Savepoint{Savepoint::Action::release, "s1"}),
            "RELEASE SAVEPOINT \"s1\"");
}

TEST(SqlBulk, CopyAndKeyReservationArePostgresqlOnly) {
  CopyIn copy{"\"t\"", {"\"id\"", "\"a\""}};
  EXPECT_EQ(postgres().render(copy), "COPY \"t\" (\"id\", \"a\") FROM STDIN");
  EXPECT_EQ(sqlite().render(copy), "");
  EXPECT_NE(postgres().reserve_keys().find("nextval"), std::string::npos);
  EXPECT_EQ(sqlite().key_sequence(), "");
}

CreateTable sample() {
  CreateTable t;
  t.table = {"shop", "order"};
  t.comment = "orders\nplaced";
  ColumnDefinition id;
  id.name = "id";
  id.type = ColumnType::int64;
  id.primary_key = id.identity = id.not_null = true;
  ColumnDefinition paid;
  paid.name = "paid";
  paid.type = ColumnType::boolean;
  paid.not_null = true;
  paid.default_value = Literal{Literal::Kind::boolean, "false"};
  ColumnDefinition code;
  code.name = "code";
  code.type = ColumnType::text;
  code.max_length = 8;
  code.not_null = true;
  code.unique_constraint = "uq_order_code";
  code.check_constraint = "ck_order_code";
  code.checks = {{ColumnCheck::Kind::not_empty, "", {}},
                 {ColumnCheck::Kind::expression, "code <> 'x'", {}}};
  code.comment = "the code";
  ColumnDefinition small;
  small.name = "small";
  small.type = ColumnType::uint8;
  small.not_null = true;
  t.columns = {id, paid, code, small};
  t.foreign_keys.push_back({"fk_order_small",
                            {"small"},
                            {"", "size"},
                            {"id"},
                            ReferentialAction::cascade,
                            ReferentialAction::no_action});
  t.indexes.push_back({"idx_order_small", {"small"}, "hash", ""});
  return t;
}

TEST(SqlSchema, SqliteTablesAreStrictWithInlineComments) {
  std::vector<std::string> s = sqlite().render(sample());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "-- orders placed\n"
                  "CREATE TABLE IF NOT EXISTS \"order\" (\n"
                  "  \"id\" INTEGER PRIMARY KEY NOT NULL,\n"
                  "  \"paid\" INTEGER NOT NULL DEFAULT 0 CHECK (\"paid\" IN (0, 1)),\n"
                  "  \"code\" TEXT NOT NULL CHECK (length(\"code\") <= 8) CONSTRAINT "
                  "\"uq_order_code\" UNIQUE CONSTRAINT \"ck_order_code\" CHECK ((length(\"code\") "
                  "> 0) AND (code <> 'x')), -- the code\n"
                  "  \"small\" INTEGER NOT NULL,\n"
                  "  CONSTRAINT \"fk_order_small\" FOREIGN KEY (\"small\") REFERENCES \"size\" "
                  "(\"id\") ON DELETE CASCADE\n"
                  ") STRICT");
  EXPECT_EQ(s[1], "CREATE INDEX IF NOT EXISTS \"idx_order_small\" ON \"order\" (\"small\")");
  EXPECT_TRUE(sqlite().references_later_tables());
}

TEST(SqlSchema, PostgresqlTablesHaveIdentitiesRangeChecksAndCommentStatements) {
  std::vector<std::string> s = postgres().render(sample());
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0], "CREATE SCHEMA IF NOT EXISTS \"shop\"");
  EXPECT_NE(s[1].find("\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY NOT NULL"),
            std::string::npos);
  EXPECT_NE(s[1].find("\"paid\" BOOLEAN NOT NULL DEFAULT FALSE,"), std::string::npos);
  EXPECT_NE(s[1].find("\"code\" VARCHAR(8) NOT NULL CONSTRAINT \"uq_order_code\" UNIQUE "
                      "CONSTRAINT \"ck_order_code\" CHECK ((char_length(\"code\") > 0)"),
            std::string::npos);
  EXPECT_NE(s[1].find("\"small\" SMALLINT NOT NULL CHECK (\"small\" BETWEEN 0 AND 255)"),
            std::string::npos);
  EXPECT_EQ(s[1].find("--"), std::string::npos);
  EXPECT_EQ(s[2], "CREATE INDEX IF NOT EXISTS \"idx_order_small\" ON \"shop\".\"order\" USING "
                  "hash (\"small\")");
  EXPECT_EQ(s[3], "COMMENT ON TABLE \"shop\".\"order\" IS 'orders\nplaced'");
  EXPECT_EQ(s[4], "COMMENT ON COLUMN \"shop\".\"order\".\"code\" IS 'the code'");
  EXPECT_FALSE(postgres().references_later_tables());
}

TEST(SqlSchema, CatalogTypesAreSpelledAsEachCatalogReportsThem) {
  CreateTable t = sample();
  EXPECT_EQ(postgres().catalog_type(t.columns[2]), "character varying(8)");
  EXPECT_EQ(postgres().catalog_type(t.columns[0]), "bigint");
  EXPECT_EQ(sqlite().catalog_type(t.columns[1]), "INTEGER");
  ColumnDefinition at;
  at.type = ColumnType::timestamp;
  EXPECT_EQ(postgres().catalog_type(at), "timestamp with time zone");
}

TEST(SqlSchema, ADeclaredTypeIsWrittenAndReportedAsTheSchemaSpellsIt) {
  ColumnDefinition name;
  name.name = "Name";
  name.type = ColumnType::text;
  name.not_null = true;
  name.declared_types["sqlite"] = "NVARCHAR(120)";
  name.declared_types["postgresql"] = "VARCHAR(120)";
  EXPECT_EQ(sqlite().catalog_type(name), "NVARCHAR(120)");
  EXPECT_EQ(postgres().catalog_type(name), "character varying(120)");
  CreateTable t;
  t.table.name = "Artist";
  t.columns = {name};
  // A STRICT table refuses NVARCHAR, so the table is a plain one.
  EXPECT_EQ(sqlite().render(t).front(),
            "CREATE TABLE IF NOT EXISTS \"Artist\" (\n  \"Name\" NVARCHAR(120) NOT NULL\n)");
  EXPECT_EQ(postgres().render(t).front(),
            "CREATE TABLE IF NOT EXISTS \"Artist\" (\n  \"Name\" VARCHAR(120) NOT NULL\n)");
  t.columns[0].declared_types["sqlite"] = "text";
  EXPECT_EQ(sqlite().render(t).front(),
            "CREATE TABLE IF NOT EXISTS \"Artist\" (\n  \"Name\" text NOT NULL\n) STRICT");

  ColumnDefinition at;
  at.type = ColumnType::timestamp_plain;
  for (auto [declared, canonical] :
       {std::pair{"TIMESTAMP(3)", "timestamp(3) without time zone"},
        std::pair{"timestamptz", "timestamp with time zone"},
        std::pair{"Numeric( 10 , 2 )", "numeric(10,2)"}, std::pair{"int4", "integer"},
        std::pair{"double  precision", "double precision"},
        std::pair{"timestamptz(0)", "timestamp(0) with time zone"},
        std::pair{"timestamp(0) without time zone", "timestamp(0) without time zone"}}) {
    at.declared_types["postgresql"] = declared;
    EXPECT_EQ(postgres().catalog_type(at), canonical) << declared;
  }
}

TEST(SqlSchema, ADeclaredTypeMustKeepWhatOrmcStores) {
  ColumnDefinition c;
  c.type = ColumnType::decimal; // a count of cents
  c.declared_types["sqlite"] = "NUMERIC(10,2)";
  EXPECT_EQ(sqlite().declared_type_problem(c), "");
  c.declared_types["sqlite"] = "DOUBLE"; // REAL affinity: the integer count would become a float
  EXPECT_EQ(sqlite().declared_type_problem(c),
            "SQLite gives a 'DOUBLE' column REAL affinity, which would convert the INTEGER values "
            "ormc stores for this member; it needs one of INTEGER, NUMERIC, BLOB affinity");
  c.type = ColumnType::timestamp_plain; // '2009-01-01 00:00:00' is no number: kept by any
  c.declared_types["sqlite"] = "DATETIME";
  EXPECT_EQ(sqlite().declared_type_problem(c), "");
  c.type = ColumnType::text;
  c.declared_types["sqlite"] = "DATETIME"; // NUMERIC affinity would turn the text '12' into 12
  EXPECT_NE(sqlite().declared_type_problem(c), "");

  c.type = ColumnType::int32;
  c.declared_types["postgresql"] = "int2";
  EXPECT_EQ(postgres().declared_type_problem(c), "");
  c.declared_types["postgresql"] = "date";
  EXPECT_EQ(postgres().declared_type_problem(c),
            "a PostgreSQL 'date' column does not hold the values ormc writes for this member as "
            "INTEGER; it needs one of smallint, integer, bigint, numeric");
  c.type = ColumnType::text; // any type reads and writes as its text
  c.declared_types["postgresql"] = "inet";
  EXPECT_EQ(postgres().declared_type_problem(c), "");
  c.type = ColumnType::timestamp_plain;
  c.declared_types["postgresql"] = "timestamp(0)";
  EXPECT_EQ(postgres().declared_type_problem(c), "");
  c.type = ColumnType::decimal;
  c.declared_types["postgresql"] = "numeric(12, 2)";
  EXPECT_EQ(postgres().declared_type_problem(c), "");
}

TEST(SqlSchema, JsonColumnsAreJsonbOrTextCheckedToBeJson) {
  ColumnDefinition doc;
  doc.name = "doc";
  doc.type = ColumnType::json;
  doc.not_null = true;
  EXPECT_EQ(postgres().catalog_type(doc), "jsonb");
  EXPECT_EQ(sqlite().catalog_type(doc), "TEXT");
  CreateTable t;
  t.table.name = "d";
  t.columns = {doc};
  EXPECT_EQ(sqlite().render(t).front(), "CREATE TABLE IF NOT EXISTS \"d\" (\n  \"doc\" TEXT NOT "
                                        "NULL CHECK (json_valid(\"doc\"))\n) STRICT");
  EXPECT_EQ(postgres().render(t).front(),
            "CREATE TABLE IF NOT EXISTS \"d\" (\n  \"doc\" JSONB NOT NULL\n)");
  // json_valid(NULL) is 0: a nullable column lets NULL by itself.
  t.columns[0].not_null = false;
  EXPECT_EQ(sqlite().render(t).front(),
            "CREATE TABLE IF NOT EXISTS \"d\" (\n  \"doc\" TEXT CHECK (\"doc\" IS NULL OR "
            "json_valid(\"doc\"))\n) STRICT");
}

TEST(SqlSchema, ATenantPolicyFollowsItsTableOnPostgresqlAndIsNothingOnSqlite) {
  CreateTable table;
  table.table = {"acct", "order"};
  table.columns.push_back({});
  table.columns.back().name = "id";
  table.columns.back().type = ColumnType::int64;
  table.tenant_policy = TenantPolicy{"user", true};
  const std::vector<std::string> pg = postgres().render(table);
  ASSERT_GE(pg.size(), 4u);
  const std::string test = "\"user\" = NULLIF(current_setting('ormc.tenant', true), '')::bigint";
  EXPECT_EQ(
      std::vector<std::string>(pg.end() - 4, pg.end()),
      (std::vector<std::string>{"ALTER TABLE \"acct\".\"order\" ENABLE ROW LEVEL SECURITY",
                                "ALTER TABLE \"acct\".\"order\" FORCE ROW LEVEL SECURITY",
                                "DROP POLICY IF EXISTS \"ormc_tenant\" ON \"acct\".\"order\"",
                                "CREATE POLICY \"ormc_tenant\" ON \"acct\".\"order\" USING (" +
                                    test + ") WITH CHECK (" + test + ")"}));
  EXPECT_EQ(postgres().render(RowSecurity{{"", "t"}, std::nullopt}),
            (std::vector<std::string>{"DROP POLICY IF EXISTS \"ormc_tenant\" ON \"t\"",
                                      "ALTER TABLE \"t\" NO FORCE ROW LEVEL SECURITY",
                                      "ALTER TABLE \"t\" DISABLE ROW LEVEL SECURITY"}));
  EXPECT_EQ(postgres().set_policy_tenant(), "SELECT set_config('ormc.tenant', $1::text, true)");
  // SQLite: the same table without any of it.
  CreateTable plain = table;
  plain.tenant_policy.reset();
  EXPECT_EQ(sqlite().render(table), sqlite().render(plain));
  EXPECT_TRUE(sqlite().render(RowSecurity{{"", "t"}, TenantPolicy{"user", false}}).empty());
  EXPECT_EQ(sqlite().set_policy_tenant(), "");
}

TEST(SqlSchema, LateForeignKeysDropsAndKeySync) {
  ForeignKey fk{"fk_a_b",
                {"b"},
                {"", "b"},
                {"id"},
                ReferentialAction::no_action,
                ReferentialAction::set_null};
  EXPECT_EQ(postgres().render(AddForeignKey{{"", "a"}, fk}),
            "DO $$ BEGIN\n  ALTER TABLE \"a\" ADD CONSTRAINT \"fk_a_b\" FOREIGN KEY (\"b\") "
            "REFERENCES \"b\" (\"id\") ON UPDATE SET NULL;\nEXCEPTION WHEN duplicate_object THEN "
            "NULL;\nEND $$");
  EXPECT_EQ(sqlite().render(DropTable{{"s", "a"}}), "DROP TABLE IF EXISTS \"a\"");
  EXPECT_EQ(postgres().render(DropForeignKey{{"", "a"}, "fk_a_b"}),
            "ALTER TABLE IF EXISTS \"a\" DROP CONSTRAINT IF EXISTS \"fk_a_b\"");
  EXPECT_EQ(sqlite().render(SyncKey{{"", "a"}, "id", ""}), "");
  EXPECT_EQ(postgres().render(SyncKey{{"", "a"}, "id", ""}),
            "SELECT setval(pg_get_serial_sequence('\"a\"', 'id'), GREATEST((SELECT max(\"id\") "
            "FROM \"a\"), nextval(pg_get_serial_sequence('\"a\"', 'id'))))");
}

TEST(SqlSchema, AKeyTheSchemasOwnSequenceAssigns) {
  CreateTable t;
  t.table = {"shop", "genre"};
  ColumnDefinition id;
  id.name = "id";
  id.type = ColumnType::int32;
  id.primary_key = id.identity = id.not_null = true;
  id.sequence = {"shop", "genre_seq"};
  t.columns.push_back(id);
  std::vector<std::string> pg = postgres().render(t);
  ASSERT_EQ(pg.size(), 3u);
  EXPECT_EQ(pg[1], "CREATE SEQUENCE IF NOT EXISTS \"shop\".\"genre_seq\"");
  EXPECT_NE(
      pg[2].find("\"id\" INTEGER PRIMARY KEY NOT NULL DEFAULT nextval('\"shop\".\"genre_seq\"')"),
      std::string::npos)
      << pg[2];
  EXPECT_EQ(pg[2].find("IDENTITY"), std::string::npos);
  std::vector<std::string> lite = sqlite().render(t); // the rowid: no sequences in SQLite
  ASSERT_EQ(lite.size(), 1u);
  EXPECT_NE(lite[0].find("\"id\" INTEGER PRIMARY KEY NOT NULL"), std::string::npos);
  EXPECT_EQ(postgres().render(SyncKey{{"shop", "genre"}, "id", "genre_seq"}),
            "SELECT setval('\"shop\".\"genre_seq\"', GREATEST((SELECT max(\"id\") FROM "
            "\"shop\".\"genre\"), nextval('\"shop\".\"genre_seq\"')))");
}

TEST(SqlSchema, MigrationStepsAddRenameAndIndex) {
  ColumnDefinition pages;
  pages.name = "pages";
  pages.type = ColumnType::int32;
  pages.comment = "how many";
  std::vector<std::string> s = sqlite().render(AddColumn{{"", "order"}, pages});
  EXPECT_EQ(s, (std::vector<std::string>{"ALTER TABLE \"order\" ADD COLUMN \"pages\" INTEGER"}));
  std::vector<std::string> p = postgres().render(AddColumn{{"shop", "order"}, pages});
  EXPECT_EQ(p, (std::vector<std::string>{
                   "ALTER TABLE \"shop\".\"order\" ADD COLUMN \"pages\" INTEGER",
                   "COMMENT ON COLUMN \"shop\".\"order\".\"pages\" IS 'how many'"}));
  EXPECT_EQ(sqlite().render(RenameColumn{{"", "order"}, "from", "to"}),
            "ALTER TABLE \"order\" RENAME COLUMN \"from\" TO \"to\"");
  EXPECT_EQ(postgres().render(CreateIndex{{"", "t"}, {"idx_t_a", {"a"}, "", ""}}),
            "CREATE INDEX IF NOT EXISTS \"idx_t_a\" ON \"t\" (\"a\")");
  EXPECT_EQ(sqlite().migration_lock(), "");
  EXPECT_EQ(sqlite().migration_preamble(), "");
  EXPECT_EQ(postgres().migration_preamble(), "SET LOCAL lock_timeout = '5s'");
  EXPECT_NE(postgres().migration_lock().find("pg_advisory_xact_lock"), std::string::npos);
}

TEST(SqlSchema, AlteredColumnsChangeInPlaceOnPostgresqlOnly) {
  EXPECT_TRUE(postgres().alters_tables());
  EXPECT_FALSE(sqlite().alters_tables());
  ColumnDefinition from;
  from.name = "shelf";
  from.type = ColumnType::uint8; // SMALLINT with a range CHECK
  from.default_value = Literal{Literal::Kind::number, "1"};
  ColumnDefinition to = from;
  to.type = ColumnType::int32;
  to.not_null = true;
  to.unique_constraint = "uq_item_shelf";
  to.checks = {{ColumnCheck::Kind::at_least, "0", {}}};
  to.check_constraint = "ck_item_shelf";
  to.comment = "where";
  ExistingTableChange forward = postgres().render(AlterColumn{{"", "item"}, from, to, "shelf * 2"});
  EXPECT_EQ(
      forward.in_transaction,
      (std::vector<std::string>{
          "ALTER TABLE \"item\" DROP CONSTRAINT IF EXISTS \"item_shelf_check\"",
          "ALTER TABLE \"item\" ALTER COLUMN \"shelf\" DROP DEFAULT",
          "ALTER TABLE \"item\" ALTER COLUMN \"shelf\" TYPE INTEGER USING (shelf * 2)",
          "UPDATE \"item\" SET \"shelf\" = 1 WHERE \"shelf\" IS NULL",
          "ALTER TABLE \"item\" ALTER COLUMN \"shelf\" SET DEFAULT 1",
          "ALTER TABLE \"item\" ADD CONSTRAINT \"item_shelf_not_null\" CHECK (\"shelf\" IS NOT "
          "NULL) NOT VALID",
          "ALTER TABLE \"item\" ADD CONSTRAINT \"uq_item_shelf\" UNIQUE (\"shelf\")",
          "ALTER TABLE \"item\" ADD CONSTRAINT \"ck_item_shelf\" CHECK (\"shelf\" >= 0) NOT VALID",
          "COMMENT ON COLUMN \"item\".\"shelf\" IS 'where'"}));
  // Validated after the commit, then NOT NULL trusts the validated CHECK.
  EXPECT_EQ(forward.online_steps,
            (std::vector<std::vector<std::string>>{
                {"ALTER TABLE \"item\" VALIDATE CONSTRAINT \"item_shelf_not_null\""},
                {"SET lock_timeout = '5s'",
                 "ALTER TABLE \"item\" ALTER COLUMN \"shelf\" SET NOT NULL, DROP CONSTRAINT IF "
                 "EXISTS \"item_shelf_not_null\""},
                {"ALTER TABLE \"item\" VALIDATE CONSTRAINT \"ck_item_shelf\""}}));
  // The other way: the range CHECK comes back, the constraints go.
  ExistingTableChange back = postgres().render(AlterColumn{{"", "item"}, to, from, ""});
  EXPECT_TRUE(back.online_steps.empty());
  EXPECT_EQ(
      back.in_transaction,
      (std::vector<std::string>{"ALTER TABLE \"item\" ALTER COLUMN \"shelf\" DROP DEFAULT",
                                "ALTER TABLE \"item\" ALTER COLUMN \"shelf\" TYPE SMALLINT",
                                "ALTER TABLE \"item\" ADD CHECK (\"shelf\" BETWEEN 0 AND 255)",
                                "ALTER TABLE \"item\" ALTER COLUMN \"shelf\" SET DEFAULT 1",
                                "ALTER TABLE \"item\" ALTER COLUMN \"shelf\" DROP NOT NULL",
                                "ALTER TABLE \"item\" DROP CONSTRAINT IF EXISTS \"uq_item_shelf\"",
                                "ALTER TABLE \"item\" DROP CONSTRAINT IF EXISTS \"ck_item_shelf\"",
                                "COMMENT ON COLUMN \"item\".\"shelf\" IS NULL"}));
  EXPECT_TRUE(sqlite().render(AlterColumn{{"", "item"}, from, to, ""}).in_transaction.empty());
}

TEST(SqlSchema, RebuildingATableCopiesConvertsAndIndexesAfterTheRename) {
  CreateTable table;
  table.table = {"", "order"};
  ColumnDefinition id;
  id.name = "id";
  id.type = ColumnType::int64;
  id.primary_key = id.not_null = true;
  ColumnDefinition total = id;
  total.name = "total";
  total.primary_key = false;
  table.columns = {id, total};
  table.indexes = {{"idx_order_total", {"total"}, "", ""}};
  RebuildTable rebuild{
      table,
      {{"id", "id", "", std::nullopt},
       {"total", "sum", "CAST(sum AS INTEGER)", Literal{Literal::Kind::number, "0"}}}};
  EXPECT_EQ(sqlite().render(rebuild),
            (std::vector<std::string>{
                "CREATE TABLE IF NOT EXISTS \"ormc_rebuild_order\" (\n"
                "  \"id\" INTEGER PRIMARY KEY NOT NULL,\n"
                "  \"total\" INTEGER NOT NULL\n"
                ") STRICT",
                "INSERT INTO \"ormc_rebuild_order\" (\"id\", \"total\") SELECT \"id\", "
                "COALESCE((CAST(sum AS INTEGER)), 0) FROM \"order\"",
                "DROP TABLE IF EXISTS \"order\"",
                "ALTER TABLE \"ormc_rebuild_order\" RENAME TO \"order\"",
                "CREATE INDEX IF NOT EXISTS \"idx_order_total\" ON \"order\" (\"total\")"}));
  EXPECT_EQ(sqlite().migration_setup(), "PRAGMA foreign_keys = OFF");
  EXPECT_EQ(sqlite().migration_teardown(), "PRAGMA foreign_keys = ON");
  EXPECT_EQ(sqlite().migration_check(), "PRAGMA foreign_key_check");
  EXPECT_EQ(postgres().migration_setup() + postgres().migration_check(), "");
}

TEST(SqlSchema, RenamedTablesTakeTheirConstraintAndIndexNamesAlong) {
  EXPECT_EQ(sqlite().render(RenameTable{{"", "book"}, "volume"}),
            "ALTER TABLE \"book\" RENAME TO \"volume\"");
  EXPECT_EQ(postgres().render(RenameTable{{"shop", "book"}, "volume"}),
            "ALTER TABLE \"shop\".\"book\" RENAME TO \"volume\"");
  Index index{"idx_volume_title", {"title"}, "", ""};
  EXPECT_EQ(postgres().render(
                RenameConstraint{{"shop", "volume"}, "idx_book_title", "idx_volume_title", index}),
            (std::vector<std::string>{
                "ALTER INDEX \"shop\".\"idx_book_title\" RENAME TO \"idx_volume_title\""}));
  EXPECT_EQ(postgres().render(RenameConstraint{{"", "volume"}, "uq_book_a", "uq_volume_a", {}}),
            (std::vector<std::string>{
                "ALTER TABLE \"volume\" RENAME CONSTRAINT \"uq_book_a\" TO \"uq_volume_a\""}));
  // SQLite cannot rename either; an index is made again under its new name.
  EXPECT_EQ(sqlite().render(
                RenameConstraint{{"", "volume"}, "idx_book_title", "idx_volume_title", index}),
            (std::vector<std::string>{
                "DROP INDEX IF EXISTS \"idx_book_title\"",
                "CREATE INDEX IF NOT EXISTS \"idx_volume_title\" ON \"volume\" (\"title\")"}));
  EXPECT_TRUE(
      sqlite().render(RenameConstraint{{"", "volume"}, "uq_book_a", "uq_volume_a", {}}).empty());
  EXPECT_EQ(postgres().render(DropIndex{{"shop", "t"}, "idx_t_a"}),
            "DROP INDEX IF EXISTS \"shop\".\"idx_t_a\"");
  EXPECT_EQ(sqlite().render(CommentOn{{"", "t"}, "", "x"}), "");
  EXPECT_EQ(postgres().render(CommentOn{{"", "t"}, "", "it's"}),
            "COMMENT ON TABLE \"t\" IS 'it''s'");
}

TEST(SqlCatalog, DifferencesNameWhatTheCatalogLacksAndAllowWhatItAdds) {
  TableShape wanted;
  wanted.columns = {{"id", "INTEGER", true}, {"title", "TEXT", true}, {"pages", "INTEGER", false}};
  wanted.indexes = {{"title", true}, {"pages", false}};
  wanted.foreign_keys = {{"shelf_id", "shelf", "id"}};
  TableShape same = wanted;
  same.columns[0].type = "integer"; // types compare without regard to case
  same.columns.push_back({"extra", "TEXT", false});
  same.indexes.push_back({"extra", false});
  EXPECT_TRUE(schema_differences("\"book\"", wanted, same).empty());
  EXPECT_EQ(schema_differences("\"book\"", wanted, TableShape{}),
            std::vector<std::string>{"table \"book\": does not exist"});
  TableShape drifted;
  drifted.columns = {{"id", "INTEGER", true}, {"title", "TEXT", false}};
  drifted.indexes = {{"title", false}, {"pages, title", false}};
  drifted.foreign_keys = {{"shelf_id", "rack", "id"}};
  EXPECT_EQ(schema_differences("\"book\"", wanted, drifted),
            (std::vector<std::string>{
                "table \"book\", column \"title\": is NULL allowed, the model has NOT NULL (its "
                "member is not a std::optional)",
                "table \"book\", column \"pages\": missing (the model has INTEGER NULL allowed)",
                "table \"book\": UNIQUE constraint on (title) missing",
                "table \"book\": index on (pages) missing",
                "table \"book\", column \"shelf_id\": foreign key to shelf(id) missing"}));
  for (const Renderer* r : {&sqlite(), &postgres()}) {
    EXPECT_NE(r->catalog_columns().find(r == &postgres() ? "$2" : "?2"), std::string::npos);
    EXPECT_FALSE(r->catalog_indexes().empty());
    EXPECT_FALSE(r->catalog_foreign_keys().empty());
  }
}

TEST(SqlMigrationFiles, NamesParseAndPrintBothWays) {
  EXPECT_EQ(migration_file_name(2, "add_pages", "sqlite"), "0002_add_pages.sqlite.sql");
  auto name = parse_migration_file_name("0012_add_pages.postgresql.sql");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->version, 12);
  EXPECT_EQ(name->name, "add_pages");
  EXPECT_EQ(name->dialect, "postgresql");
  auto down = parse_migration_file_name("0012_add_pages.postgresql.down.sql");
  ASSERT_TRUE(down);
  EXPECT_TRUE(down->down);
  EXPECT_FALSE(name->down);
  EXPECT_EQ(down->name, "add_pages");
  EXPECT_EQ(down->dialect, "postgresql");
  EXPECT_EQ(migration_file_name(12, "add_pages", "postgresql", true),
            "0012_add_pages.postgresql.down.sql");
  for (const char* not_one :
       {"schema.json", "0001_a.down.sql", "ormc.sum", "x_add.sqlite.sql", "0000_a.sqlite.sql",
        "0001_.sqlite.sql", "0001_a.sql", "0001_a.sqlite.txt"})
    EXPECT_FALSE(parse_migration_file_name(not_one)) << not_one;
}

TEST(SqlMigrationFiles, ChecksumsChangeWithEveryByteAndTheSumFileRoundTrips) {
  EXPECT_EQ(migration_checksum(""), "fnv1a64:cbf29ce484222325"); // FNV-1a's offset basis
  EXPECT_NE(migration_checksum("SELECT 1;"), migration_checksum("SELECT 1; "));
  std::map<std::string, std::string> sums{{"0001_a.sqlite.sql", migration_checksum("x")},
                                          {"0001_a.postgresql.sql", migration_checksum("y")}};
  std::string error;
  auto back = read_migration_sum(write_migration_sum(sums), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(*back, sums);
  EXPECT_FALSE(read_migration_sum("not a sum\n", error));
  EXPECT_EQ(error, "line 1 is not 'ormc-sum 1'");
  EXPECT_FALSE(read_migration_sum("ormc-sum 1\n0001_a.sqlite.sql md5:00\n", error));
  EXPECT_EQ(error, "line 2 is not '<migration file> fnv1a64:<hex>'");
}

TEST(SqlMigrationFiles, OnlineStepsFollowTheTransactionalPartAndRoundTrip) {
  std::vector<std::vector<std::string>> steps{{"DROP INDEX CONCURRENTLY IF EXISTS \"i\"",
                                               "CREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"c\")"},
                                              {"ALTER TABLE \"t\" VALIDATE CONSTRAINT \"k\""}};
  std::string head = "-- ormc migration 0002\nALTER TABLE \"t\" ADD \"c\" INTEGER;\n";
  std::string error;
  auto script = parse_migration_script(head + online_steps_text(steps), error);
  ASSERT_TRUE(script) << error;
  EXPECT_EQ(script->in_transaction, head);
  EXPECT_EQ(script->online_steps, steps);
  // Without the marker, everything is the transaction's; no steps, no marker.
  auto plain = parse_migration_script(head, error);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->in_transaction, head);
  EXPECT_TRUE(plain->online_steps.empty());
  EXPECT_EQ(online_steps_text({}), "");
  // A statement over two lines is one statement.
  auto two_lines = parse_migration_script(
      "-- ormc:online-steps\n-- step 1\nALTER TABLE \"t\"\n  VALIDATE CONSTRAINT \"k\";\n", error);
  ASSERT_TRUE(two_lines) << error;
  EXPECT_EQ(two_lines->online_steps, (std::vector<std::vector<std::string>>{
                                         {"ALTER TABLE \"t\"\n  VALIDATE CONSTRAINT \"k\""}}));
  EXPECT_FALSE(parse_migration_script("-- ormc:online-steps\nVACUUM;\n", error));
  EXPECT_EQ(error, "line 2 comes before the first '-- step' line");
  EXPECT_FALSE(parse_migration_script("-- ormc:online-steps\n-- step 1\nVACUUM\n", error));
  EXPECT_EQ(error, "the last online step's statement does not end with ';'");
}

TEST(SqlSchema, PostgresqlBuildsIndexesAndValidatesConstraintsOnline) {
  TableName book{"", "book"};
  ExistingTableChange index =
      postgres().render_on_existing(CreateIndex{book, Index{"idx_book_shelf", {"shelf"}, "", ""}});
  EXPECT_TRUE(index.in_transaction.empty());
  EXPECT_EQ(index.online_steps,
            (std::vector<std::vector<std::string>>{
                {"DROP INDEX CONCURRENTLY IF EXISTS \"idx_book_shelf\"",
                 "CREATE INDEX CONCURRENTLY \"idx_book_shelf\" ON \"book\" (\"shelf\")"}}));
  ForeignKey key{"fk_book_shelf", {"shelf"}, {"", "shelf"}, {"id"}, {}, {}};
  ExistingTableChange fk = postgres().render_on_existing(AddForeignKey{book, key});
  EXPECT_EQ(fk.in_transaction, (std::vector<std::string>{
                                   "ALTER TABLE \"book\" ADD CONSTRAINT \"fk_book_shelf\" FOREIGN "
                                   "KEY (\"shelf\") REFERENCES \"shelf\" (\"id\") NOT VALID"}));
  EXPECT_EQ(fk.online_steps, (std::vector<std::vector<std::string>>{
                                 {"ALTER TABLE \"book\" VALIDATE CONSTRAINT \"fk_book_shelf\""}}));
  // UNIQUE stays in the transaction; SQLite has no online steps at all.
  ExistingTableChange unique = postgres().render_on_existing(
      AddConstraint{book, NamedColumns{"uq_book_shelf", {"shelf"}}, std::nullopt});
  EXPECT_EQ(unique.in_transaction.size(), 1u);
  EXPECT_TRUE(unique.online_steps.empty());
  ExistingTableChange on_sqlite =
      sqlite().render_on_existing(CreateIndex{book, Index{"idx_book_shelf", {"shelf"}, "", ""}});
  EXPECT_EQ(on_sqlite.in_transaction,
            (std::vector<std::string>{
                "CREATE INDEX IF NOT EXISTS \"idx_book_shelf\" ON \"book\" (\"shelf\")"}));
  EXPECT_TRUE(on_sqlite.online_steps.empty());
}

TEST(SqlSchemaCopy, PostgresqlCopiesIntoTheBranchQuotedAndSQLiteCopiesFiles) {
  EXPECT_EQ(sqlite().schema_copy(), nullptr); // a SQLite tenant is a file, copied whole
  ASSERT_NE(postgres().schema_copy(), nullptr);
  const SchemaCopy& q = *postgres().schema_copy();
  const TableName copy{"branch_a__b", "order"}, source{"tenant_a", "order"};
  EXPECT_EQ(q.create_table_like(copy, source),
            R"(CREATE TABLE "branch_a__b"."order" (LIKE "tenant_a"."order" INCLUDING ALL )"
            R"(EXCLUDING INDEXES))");
  EXPECT_EQ(q.copy_rows(copy, source, {R"("select")", R"("id")"}),
            R"(INSERT INTO "branch_a__b"."order" ("select", "id") OVERRIDING SYSTEM VALUE )"
            R"(SELECT "select", "id" FROM "tenant_a"."order")");
  EXPECT_EQ(q.create_sequence({"b", "n"}, {"bigint", 2, 1, 99, 5, 1, true}),
            R"(CREATE SEQUENCE "b"."n" AS bigint INCREMENT BY 2 MINVALUE 1 MAXVALUE 99 )"
            R"(START WITH 5 CACHE 1 CYCLE)");
  // A type that is not one of the three a sequence can have is refused, never pasted in.
  EXPECT_THROW(q.create_sequence({"b", "n"}, {"bigint; DROP TABLE x", 1, 1, 9, 1, 1, false}),
               std::invalid_argument);
  // A function's definition is made under the branch's name, or not at all.
  const std::string head = "CREATE OR REPLACE FUNCTION tenant_a.f(";
  EXPECT_EQ(q.create_function({"branch_a__b", "f"}, head + ")\n RETURNS trigger", head),
            "CREATE FUNCTION \"branch_a__b\".\"f\"()\n RETURNS trigger");
  EXPECT_EQ(q.create_function({"branch_a__b", "f"}, "CREATE FUNCTION other.f()", head), "");
  EXPECT_EQ(q.comment_on_table({"b", "t"}, "it's"), R"(COMMENT ON TABLE "b"."t" IS 'it''s')");
  EXPECT_EQ(q.add_constraint({"b", "t"}, "t_pkey", "PRIMARY KEY (id)"),
            R"(ALTER TABLE "b"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY (id))");
  // Every catalog query takes its schema as a parameter.
  for (const std::string& query : {q.unsupported_objects(), q.sequences(), q.tables(),
                                   q.identity_columns(), q.sequence_defaults(), q.constraints(),
                                   q.indexes(), q.functions(), q.triggers(), q.table_comments()})
    EXPECT_NE(query.find("nspname = $1"), std::string::npos) << query;
}

TEST(SqlDialects, EveryDialectHasARendererNamedForIt) {
  for (Dialect d : all_dialects())
    EXPECT_EQ(renderer(d).dialect(), d);
  EXPECT_EQ(sqlite().name(), "sqlite");
  EXPECT_EQ(postgres().name(), "postgresql");
  EXPECT_THROW(renderer(static_cast<Dialect>(99)), std::invalid_argument);
}

} // namespace
} // namespace ormc::sql
