// Paths that once gave a wrong answer with success (issue 13): each test failed before its fix.
#include "backend_fixture.hpp"

#include <algorithm>
#include <ormc/pool.hpp>

namespace unit {
namespace {
using blog::Post;

class CorrectnessTest : public BackendTest {
protected:
  Account make_account(const std::string& email, const std::string& name = "n") {
    Account a;
    a.email = email;
    a.name = name;
    a.signup_source = "web";
    m->accounts.insert(a);
    return a;
  }
  static bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
  }
};

// SQLite used to read the unknown "name" as the string 'name' in every row.
TEST_P(CorrectnessTest, AColumnTheTableLacksIsALoudErrorNamingColumnAndTable) {
  make_account("a@x");
  db->execute(R"(ALTER TABLE "account" DROP COLUMN "name")");
  try {
    m->accounts.all();
    FAIL() << "all() read a column the table does not have";
  } catch (const ormc::SchemaMismatch& e) {
    EXPECT_TRUE(contains(e.what(), "name")) << e.what();
    EXPECT_TRUE(contains(e.what(), "\"account\"")) << e.what();
  }
  EXPECT_THROW(m->accounts.where(Account_::name == "name").count(), ormc::SchemaMismatch);
  try {
    m->create_schema();
    FAIL() << "create_schema() accepted a table without a column the model has";
  } catch (const ormc::SchemaMismatch& e) {
    ASSERT_EQ(e.differences().size(), 1u) << e.what();
    EXPECT_TRUE(contains(e.differences()[0], "column \"name\": missing")) << e.what();
  }
}

TEST_P(CorrectnessTest, CreateSchemaListsColumnsOfAnotherTypeOrNullability) {
  db->execute(R"(ALTER TABLE "account" DROP COLUMN "rank")");
  db->execute(R"(ALTER TABLE "account" ADD COLUMN "rank" TEXT)");
  db->execute(R"(ALTER TABLE "account" DROP COLUMN "signup_source")");
  db->execute(R"(ALTER TABLE "account" ADD COLUMN "signup_source" TEXT)");
  try {
    m->create_schema();
    FAIL() << "create_schema() accepted columns of another type and nullability";
  } catch (const ormc::SchemaMismatch& e) {
    ASSERT_EQ(e.differences().size(), 2u) << e.what();
    EXPECT_TRUE(contains(e.differences()[0], "\"signup_source\": is NULL allowed, the model has "
                                             "NOT NULL"))
        << e.what();
    EXPECT_TRUE(contains(e.differences()[1], on_postgres() ? "\"rank\": is text, the model has "
                                                             "integer"
                                                           : "\"rank\": is TEXT, the model has "
                                                             "INTEGER"))
        << e.what();
  }
}

// Drift the column check cannot see: an index, a UNIQUE constraint or a foreign key gone.
TEST_P(CorrectnessTest, CheckSchemaListsMissingIndexesUniqueConstraintsAndForeignKeys) {
  m->check_schema(); // the tables create_schema() made have every one of them
  db->execute(R"(DROP INDEX "idx_order_where")");
  if (on_postgres()) {
    db->execute(R"(ALTER TABLE "comment" DROP CONSTRAINT "fk_comment_post_id")");
    db->execute(R"(ALTER TABLE "tag" DROP CONSTRAINT "uq_tag_label")");
  } else {
    // SQLite drops a foreign key only with its table: the same table made again without it.
    std::string create;
    db->with_connection([&](auto& conn) {
      auto statement = conn.prepare(R"(SELECT "sql" FROM sqlite_master WHERE "name" = 'comment')");
      ASSERT_TRUE(statement->step());
      statement->read(0, create);
    });
    std::size_t fk = create.find(",\n  CONSTRAINT \"fk_comment_post_id\"");
    ASSERT_NE(fk, std::string::npos) << create;
    create.erase(fk, create.find('\n', fk + 2) - fk);
    db->execute("PRAGMA foreign_keys = OFF");
    db->execute(R"(DROP TABLE "comment")");
    db->execute(create);
    db->execute("PRAGMA foreign_keys = ON");
  }
  try {
    m->check_schema();
    FAIL() << "check_schema() accepted a table without its index and foreign key";
  } catch (const ormc::SchemaMismatch& e) {
    std::vector<std::string> expected = {
        R"(table "comment", column "post_id": foreign key to post(id) missing)",
        R"(table "order": index on (where) missing)"};
    // SQLite dropped the foreign key's index with the table.
    if (!on_postgres())
      expected.insert(expected.begin(), R"(table "comment": index on (post_id) missing)");
    else
      expected.push_back(R"(table "tag": UNIQUE constraint on (label) missing)");
    std::vector<std::string> found = e.differences();
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected) << e.what();
  }
}

TEST_P(CorrectnessTest, UpsertByKeyInsertsWithoutAKeyAndUpdatesTheRowWithIt) {
  Account fresh;
  fresh.email = "fresh@x";
  m->accounts.upsert(fresh); // key 0: an insert
  ASSERT_NE(fresh.id, 0);
  fresh.name = "renamed";
  m->accounts.upsert(fresh); // key set and present: that row is updated
  EXPECT_EQ(m->accounts.count(), 1);
  EXPECT_EQ(m->accounts.get(fresh.id)->name, "renamed");

  Account chosen;
  chosen.id = 1000;
  chosen.email = "chosen@x";
  m->accounts.upsert(chosen); // key set, absent: inserted with that key
  EXPECT_EQ(chosen.id, 1000);
  ASSERT_TRUE(m->accounts.get(1000));
  Account next = make_account("next@x"); // the key generator moved past 1000
  EXPECT_GT(next.id, 1000);
  EXPECT_EQ(m->accounts.count(), 3);
}

TEST_P(CorrectnessTest, UpsertKeepsTheColumnsOnlyAnInsertWrites) {
  Account first = make_account("same@x", "first");
  auto created = m->accounts.get(first.id)->created_at;
  Account again;
  again.email = "same@x";
  again.name = "second";
  again.signup_source = "api";
  m->accounts.upsert(again, Account_::email);
  EXPECT_EQ(again.id, first.id);
  Account stored = *m->accounts.get(first.id);
  EXPECT_EQ(stored.name, "second");
  EXPECT_EQ(stored.signup_source, "web");
  EXPECT_EQ(stored.created_at, created);

  Account by_key = stored;
  by_key.signup_source = "changed";
  by_key.created_at = {};
  m->accounts.upsert(by_key);
  EXPECT_EQ(m->accounts.get(first.id)->signup_source, "web");
  EXPECT_EQ(m->accounts.get(first.id)->created_at, created);
}

// 20 of 25 rows used to come back: rows with a NULL or after one were dropped.
TEST_P(CorrectnessTest, KeysetPagingOverANullableColumnReturnsEveryRowInOrder) {
  for (int i = 0; i < 25; ++i) {
    Account a;
    a.email = std::to_string(i) + "@x";
    if (i % 4 != 0) a.rank = (i * 7) % 5;
    m->accounts.insert(a);
  }
  for (bool descending : {false, true}) {
    auto q = descending ? m->accounts.order_by(Account_::rank.desc())
                        : m->accounts.order_by(Account_::rank);
    std::vector<std::int64_t> expected, paged;
    for (const Account& a : q.all())
      expected.push_back(a.id);
    std::vector<Account> page = q.limit(4).all();
    while (!page.empty()) {
      for (const Account& a : page)
        paged.push_back(a.id);
      page = q.after(page.back()).limit(4).all();
    }
    EXPECT_EQ(paged, expected) << (descending ? "descending" : "ascending");
    EXPECT_EQ(expected.size(), 25u);
    // NULLs last in either direction, on every backend.
    EXPECT_FALSE(m->accounts.get(expected.back())->rank.has_value());
    EXPECT_TRUE(m->accounts.get(expected.front())->rank.has_value());
  }
}

TEST_P(CorrectnessTest, AggregatesOfALimitedQueryReadTheLimitedRows) {
  for (int i = 0; i < 10; ++i) {
    Account a;
    a.email = std::to_string(i) + "@x";
    a.rank = i;
    m->accounts.insert(a);
  }
  auto all = m->accounts.order_by(Account_::rank);
  EXPECT_EQ(all.limit(3).count(), 3);
  EXPECT_EQ(all.offset(8).count(), 2);
  EXPECT_EQ(all.limit(3).offset(8).count(), 2);
  EXPECT_EQ(all.limit(3).sum(Account_::rank), 0 + 1 + 2);
  EXPECT_EQ(all.offset(7).max(Account_::rank), 9);
  EXPECT_FALSE(all.offset(10).exists());
  EXPECT_TRUE(all.offset(9).exists());
  EXPECT_EQ(all.count(), 10);
}

// PostgreSQL refuses every statement after a failed one; SQLite now does the same.
TEST_P(CorrectnessTest, AFailedStatementAbortsTheTransactionOnBothBackends) {
  Account kept = make_account("kept@x");
  {
    ormc::Transaction tx(*db);
    make_account("inside@x");
    Account duplicate;
    duplicate.email = "kept@x";
    EXPECT_THROW(m->accounts.insert(duplicate), ormc::UniqueViolation);
    try {
      m->accounts.count();
      FAIL() << "a statement ran in an aborted transaction";
    } catch (const ormc::TransactionAborted& e) {
      EXPECT_TRUE(contains(e.what(), "rolled back")) << e.what();
      EXPECT_TRUE(contains(e.what(), "savepoint")) << e.what();
    }
    EXPECT_THROW(tx.commit(), ormc::TransactionAborted);
    EXPECT_FALSE(tx.active());
  }
  EXPECT_EQ(m->accounts.count(), 1); // "inside@x" was not committed
  // The savepoint idiom: a nested transaction around the statement that may fail.
  ormc::Transaction tx(*db);
  make_account("second@x");
  {
    ormc::Transaction attempt(*db);
    Account duplicate;
    duplicate.email = "kept@x";
    EXPECT_THROW(m->accounts.insert(duplicate), ormc::UniqueViolation);
    attempt.rollback();
  }
  make_account("third@x");
  tx.commit();
  EXPECT_EQ(m->accounts.count(), 4 - 1);
  (void)kept;
}

TEST_P(CorrectnessTest, ReadErrorsNameTheModelTheKeyAndTheColumn) {
  Account a = make_account("a@x");
  std::string columns(ormc::ModelTraits<Account>::statements(db->dialect()).columns);
  columns.replace(columns.find("\"email\""), 7, "NULL AS \"email\"");
  try {
    m->accounts.raw("SELECT " + columns + " FROM \"account\"");
    FAIL() << "NULL read into a std::string";
  } catch (const ormc::DataError& e) {
    EXPECT_TRUE(contains(e.what(), "unit::Account with key " + std::to_string(a.id))) << e.what();
    EXPECT_TRUE(contains(e.what(), "(email) is NULL")) << e.what();
  }
}

TEST_P(CorrectnessTest, ForeignKeyErrorsNameTheTable) {
  Post orphan;
  orphan.author_id = 999;
  orphan.title = "t";
  try {
    m->posts.insert(orphan);
    FAIL();
  } catch (const ormc::ForeignKeyViolation& e) {
    EXPECT_TRUE(contains(e.what(), "\"post\"")) << e.what();
    EXPECT_TRUE(
        contains(e.what(), on_postgres() ? "fk_post_author_id" : "\"author_id\" -> \"user\""))
        << e.what();
  }
}

TEST_P(CorrectnessTest, TheStatementHookReportsParametersOnlyWhenAsked) {
  std::vector<std::vector<std::optional<std::string>>> seen;
  auto hook = [&](const ormc::StatementEvent& e) {
    if (e.sql.rfind("INSERT", 0) == 0) seen.emplace_back(e.parameters.begin(), e.parameters.end());
  };
  db->on_statement(hook);
  make_account("quiet@x");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_TRUE(seen[0].empty());
  db->on_statement(hook, ormc::HookParameters::include);
  make_account("loud@x");
  ASSERT_EQ(seen.size(), 2u);
  // created_at, updated_at (from the mixin), email, name, signup_source, rank (NULL), note
  ASSERT_EQ(seen[1].size(), 7u);
  EXPECT_EQ(seen[1][2], "loud@x");
  EXPECT_EQ(seen[1][4], "web");
  EXPECT_EQ(seen[1][5], std::nullopt);
  db->on_statement({});
}

// With standard_conforming_strings off, PostgreSQL would read the comment's backslash as an
// escape and run the rest of it as SQL; every connection ormc opens turns the setting on.
TEST_P(CorrectnessTest, DdlMeansTheSameWhateverTheServersStringSetting) {
  std::string url = GetParam();
  if (on_postgres()) {
    db->execute("DROP TABLE \"account\" CASCADE");
    url += "?options=-csearch_path%3D" + schema + "%20-cstandard_conforming_strings%3Doff";
  } else {
    url = "sqlite::memory:";
  }
  ormc::Database fresh(url);
  Models(fresh).create_schema();
  std::string comment;
  if (on_postgres()) {
    auto rows = m->accounts.raw("SELECT * FROM \"account\""); // the table exists
    EXPECT_TRUE(rows.empty());
    ormc::Database check(GetParam() + "?options=-csearch_path%3D" + schema);
    check.with_connection([&](auto& conn) {
      auto s = conn.prepare("SELECT col_description('account'::regclass, a.attnum) FROM "
                            "pg_attribute a WHERE a.attrelid = 'account'::regclass AND "
                            "a.attname = 'note'");
      ASSERT_TRUE(s->step());
      s->read(0, comment);
    });
  } else {
    fresh.with_connection([&](auto& conn) {
      auto s = conn.prepare("SELECT sql FROM sqlite_master WHERE name = 'account'");
      ASSERT_TRUE(s->step());
      s->read(0, comment);
    });
  }
  EXPECT_TRUE(contains(comment, "C:\\temp\\'; DROP TABLE account; --")) << comment;
}

TEST(PoolOfMemoryDatabases, IsRefusedRatherThanGivingEachConnectionAnEmptyDatabase) {
  try {
    ormc::Pool pool("sqlite::memory:", 4);
    FAIL();
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("separate, empty database"), std::string::npos)
        << e.what();
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(CorrectnessTest);

} // namespace
} // namespace unit
