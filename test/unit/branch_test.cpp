// Branches (Models::create_branch(), ormc::Database::branch()): a copy of a tenant's tables and
// rows, as of one moment, that then changes apart from the tenant. The copy keeps keys,
// indexes, foreign keys, identity positions and history triggers, so that the models' own
// check_schema() passes on it; on PostgreSQL a schema holding what a copy cannot carry over is
// refused and nothing is made.
#include "backend_fixture.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <ormc/migrate.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/sql/migration_files.hpp>
#include <string>
#include <unistd.h>
#include <vector>

namespace unit {
namespace {

using blog::Post;
using blog::Tag;
using blog::User;

std::string unique_tenant() {
  static std::atomic<int> counter{0};
  return "br_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

std::vector<std::string> user_names(Models& models) {
  std::vector<std::string> out;
  for (const User& u : models.users.all())
    out.push_back(u.name);
  std::sort(out.begin(), out.end());
  return out;
}

User add_user(Models& models, const std::string& name) {
  User u;
  u.name = name;
  models.users.insert(u);
  return u;
}

class BranchTest : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    tenant_name = unique_tenant();
    tenant = std::make_unique<Models>(m->tenant(tenant_name));
    tenant->create_schema();
  }
  void TearDown() override {
    if (db) {
      ormc::Database& t = db->tenant(tenant_name);
      for (const std::string& b : t.branches())
        t.drop_branch(b);
      db->drop_tenant(tenant_name);
    }
    BackendTest::TearDown();
  }

  /// Ann with a post tagged "red", and a versioned contract changed once.
  void seed() {
    User ann = add_user(*tenant, "ann");
    Post p;
    p.author_id = ann.id;
    p.title = "ann's post";
    tenant->posts.insert(p);
    Tag t;
    t.label = "red";
    tenant->tags.insert(t);
    tenant->posts.link_tags(p, t);
    Contract c{.id = 0, .code = "C-1", .party = "acme", .amount_cents = 100, .note = {}};
    tenant->contracts.insert(c);
    c.amount_cents = 200;
    tenant->contracts.update(c);
    contract_id = c.id;
  }

  std::string tenant_name;
  std::unique_ptr<Models> tenant;
  std::int64_t contract_id = 0;
};

TEST_P(BranchTest, ABranchStartsAsTheTenantsCopyAndThenChangesApart) {
  seed();
  Models trial = tenant->create_branch("trial");
  EXPECT_EQ(trial.database().branch_name(), "trial");
  EXPECT_EQ(trial.database().tenant_name(), tenant_name);

  // The same rows and relations.
  EXPECT_EQ(user_names(trial), std::vector<std::string>{"ann"});
  const User ann = trial.users.all().at(0);
  ASSERT_EQ(trial.users.posts(ann).all().size(), 1u);
  std::vector<Post> posts = trial.posts.all();
  EXPECT_EQ(trial.posts.load_tags(posts).of(posts[0].id).size(), 1u);
  EXPECT_EQ(trial.contracts.history(contract_id).size(), 2u);

  // Changes on either side stay there.
  User bob = add_user(trial, "bob");
  EXPECT_GT(bob.id, ann.id) << "the copy's keys go on from the tenant's";
  User cy = add_user(*tenant, "cy");
  EXPECT_EQ(cy.id, bob.id) << "each has sequences of its own";
  EXPECT_EQ(trial.users.get(cy.id)->name, "bob");
  EXPECT_TRUE(tenant->users.remove(*tenant->users.get(ann.id)));
  EXPECT_EQ(user_names(trial), (std::vector<std::string>{"ann", "bob"}));
  EXPECT_EQ(user_names(*tenant), std::vector<std::string>{"cy"});
  EXPECT_EQ(trial.posts.count(), 1);
  EXPECT_EQ(tenant->posts.with_deleted().count(), 0);

  // The branch's history triggers write the branch's history only.
  Contract c = *trial.contracts.get(contract_id);
  c.amount_cents = 300;
  trial.contracts.update(c);
  EXPECT_EQ(trial.contracts.history(contract_id).size(), 3u);
  EXPECT_EQ(tenant->contracts.history(contract_id).size(), 2u);
  EXPECT_EQ(tenant->contracts.get(contract_id)->amount_cents, 200);

  // Nothing reached the root's tables.
  EXPECT_EQ(m->users.count(), 0);
}

TEST_P(BranchTest, TheCopyKeepsKeysIndexesAndForeignKeys) {
  seed();
  Models trial = tenant->create_branch("checked");
  trial.check_schema(); // throws SchemaMismatch for any key, index or foreign key missing

  Tag twin;
  twin.label = "red";
  EXPECT_THROW(trial.tags.insert(twin), ormc::UniqueViolation);
  Post orphan;
  orphan.author_id = 999;
  orphan.title = "nobody's";
  EXPECT_THROW(trial.posts.insert(orphan), ormc::ForeignKeyViolation);
  // A removal still cascades along the copied foreign keys.
  EXPECT_TRUE(trial.users.remove(trial.users.all().at(0)));
  EXPECT_EQ(trial.posts.with_deleted().count(), 0);
  EXPECT_EQ(tenant->posts.count(), 1);
}

TEST_P(BranchTest, BranchesAreListedReachedCopiedAgainAndDropped) {
  seed();
  ormc::Database& t = tenant->database();
  EXPECT_EQ(t.branches(), std::vector<std::string>{});
  Models first = tenant->create_branch("b1");
  add_user(first, "b1only");
  // A branch of a branch is a copy of it, and another branch of the same tenant.
  Models second = first.create_branch("b2");
  EXPECT_EQ(second.database().tenant_name(), tenant_name);
  EXPECT_EQ(user_names(second), (std::vector<std::string>{"ann", "b1only"}));
  EXPECT_EQ(t.branches(), (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(second.database().branches(), t.branches());
  EXPECT_EQ(&tenant->branch("b1").database(), &first.database());
  EXPECT_EQ(&second.database().tenant(tenant_name), &t); // a branch's tenant is the tenant
  std::vector<std::string> tenants = db->tenants();
  EXPECT_NE(std::find(tenants.begin(), tenants.end(), tenant_name), tenants.end());
  EXPECT_TRUE(std::none_of(tenants.begin(), tenants.end(), [&](const std::string& n) {
    return n.find("b1") != std::string::npos;
  })) << "a branch is no tenant";

  EXPECT_NE(usage_error_of([&] { tenant->create_branch("b1"); }).find("exists already"),
            std::string::npos);
  EXPECT_TRUE(t.drop_branch("b1"));
  EXPECT_FALSE(t.drop_branch("b1"));
  EXPECT_EQ(t.branches(), std::vector<std::string>{"b2"});
  EXPECT_NE(usage_error_of([&] { first.users.count(); }).find("was dropped"), std::string::npos);
  EXPECT_THROW(tenant->branch("b1"), ormc::NotFound);
  EXPECT_EQ(user_names(second), (std::vector<std::string>{"ann", "b1only"}));

  // The name again is a new copy, of the tenant as it is now.
  Models again = tenant->create_branch("b1");
  EXPECT_EQ(user_names(again), std::vector<std::string>{"ann"});
}

// A branch as a trial run of a migration: the branch is migrated, the tenant is not, until it
// is migrated with the same files.
TEST_P(BranchTest, AMigrationTriedOnABranchLeavesTheTenantAsItWas) {
  seed();
  Models trial = tenant->create_branch("trial");
  constexpr std::string_view kAddNickname = R"(ALTER TABLE "user" ADD COLUMN "nickname" TEXT)";
  const std::string sum = ormc::sql::write_migration_sum(
      {{"0001_nickname.postgresql.sql", ormc::sql::migration_checksum(kAddNickname)},
       {"0001_nickname.sqlite.sql", ormc::sql::migration_checksum(kAddNickname)}});
  const std::vector<ormc::MigrationFile> files = {{"0001_nickname.postgresql.sql", kAddNickname},
                                                  {"0001_nickname.sqlite.sql", kAddNickname},
                                                  {"ormc.sum", sum}};
  const std::string select_nickname = R"(SELECT count("nickname") FROM "user")";

  EXPECT_EQ(ormc::migrate(trial.database(), files).applied, std::vector<std::int64_t>{1});
  EXPECT_EQ(ormc::migration_version(trial.database()), 1);
  EXPECT_EQ(ormc::migration_version(tenant->database()), 0);
  EXPECT_NO_THROW(ormc::raw<std::tuple<std::int64_t>>(trial.database(), select_nickname));
  EXPECT_THROW(ormc::raw<std::tuple<std::int64_t>>(tenant->database(), select_nickname),
               ormc::DatabaseError);
  EXPECT_EQ(user_names(trial), std::vector<std::string>{"ann"});

  EXPECT_EQ(ormc::migrate(tenant->database(), files).applied, std::vector<std::int64_t>{1});
  EXPECT_NO_THROW(ormc::raw<std::tuple<std::int64_t>>(tenant->database(), select_nickname));
}

TEST_P(BranchTest, WhatCannotBeABranchIsRefusedBeforeAnythingIsMade) {
  for (const std::string& bad :
       std::vector<std::string>{"", "B1", "a__b", "_a", "a-b", "../x", std::string(25, 'x')})
    EXPECT_NE(usage_error_of([&] { tenant->create_branch(bad); }).find("1-24 characters"),
              std::string::npos)
        << bad;
  EXPECT_NE(usage_error_of([&] { m->create_branch("x"); }).find("branches are of a tenant"),
            std::string::npos);
  EXPECT_NE(usage_error_of([&] { db->branches(); }).find("branches are of a tenant"),
            std::string::npos);
  {
    ormc::Transaction tx(tenant->database());
    EXPECT_NE(usage_error_of([&] { tenant->create_branch("x"); }).find("transaction is open"),
              std::string::npos);
  }
  EXPECT_EQ(tenant->database().branches(), std::vector<std::string>{});
}

TEST_P(BranchTest, PostgresRefusesASchemaWithAViewAndCopiesItsOwnSequences) {
  if (!on_postgres()) GTEST_SKIP() << "a SQLite branch is a copy of the whole file";
  ormc::Database& t = tenant->database();
  ormc::execute(t, "CREATE SEQUENCE probe_number START WITH 500");
  ormc::execute(t, "CREATE TABLE probe (id bigint PRIMARY KEY DEFAULT nextval('probe_number'))");
  ormc::execute(t, "INSERT INTO probe DEFAULT VALUES");
  ormc::execute(t, "CREATE VIEW probe_view AS SELECT id FROM probe");

  const std::string refused = usage_error_of([&] { tenant->create_branch("v"); });
  EXPECT_NE(refused.find("view \"probe_view\""), std::string::npos) << refused;
  EXPECT_EQ(t.branches(), std::vector<std::string>{});

  ormc::execute(t, "DROP VIEW probe_view");
  Models copy = tenant->create_branch("v");
  auto next = [](ormc::Database& d) {
    ormc::execute(d, "INSERT INTO probe DEFAULT VALUES");
    return std::get<0>(ormc::raw<std::tuple<std::int64_t>>(d, "SELECT max(id) FROM probe").at(0));
  };
  EXPECT_EQ(next(copy.database()), 501); // the copy's own sequence, where the tenant's was
  EXPECT_EQ(next(t), 501);               // and the tenant's did not move
  EXPECT_EQ(next(copy.database()), 502);
}

ORMC_INSTANTIATE_FOR_BACKENDS(BranchTest);

/// On SQLite a branch is a file beside the database's, written whole or not at all.
class BranchFileTest : public SharedDatabaseTest {};

TEST_P(BranchFileTest, ABranchIsAFileOfItsOwnThatAnotherConnectionOpens) {
  const std::string name = unique_tenant();
  {
    ormc::Database first(url);
    Models models(first);
    Models tenant = models.tenant(name);
    tenant.create_schema();
    add_user(tenant, "ann");
    Models copy = tenant.create_branch("nightly");
    add_user(copy, "bob");
  }
  ormc::Database second(url);
  Models models(second);
  Models copy = models.tenant(name).branch("nightly");
  EXPECT_EQ(user_names(copy), (std::vector<std::string>{"ann", "bob"}));
  Models tenant = models.tenant(name);
  EXPECT_EQ(user_names(tenant), std::vector<std::string>{"ann"});
  if (!on_postgres()) {
    const std::filesystem::path root(path);
    const std::filesystem::path file =
        root.parent_path() /
        (root.stem().string() + ".branch_" + name + "__nightly" + root.extension().string());
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_FALSE(std::filesystem::exists(file.string() + ".partial"));
  }
  EXPECT_TRUE(second.tenant(name).drop_branch("nightly"));
  EXPECT_TRUE(second.drop_tenant(name));
}

ORMC_INSTANTIATE_FOR_BACKENDS(BranchFileTest);

} // namespace
} // namespace unit
