// Tenants (Models::tenant(), ormc::Database::tenant()): a schema each on PostgreSQL, a file each
// on SQLite. Every way of reaching rows — tables, queries, relations, eager loading, bulk
// update and remove, raw SQL, transactions — reads and writes one tenant only, also when one
// transaction switches between tenants and when pooled connections serve many.
#include "backend_fixture.hpp"

#include <algorithm>
#include <atomic>
#include <ormc/migrate.hpp>
#include <ormc/pool.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/sql/migration_files.hpp>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace unit {
namespace {

using blog::Post;
using blog::Tag;
using blog::User;

/// Tenant names no other test (or test process on the same server) uses.
std::string unique_tenant(std::string_view role) {
  static std::atomic<int> counter{0};
  return std::string(role) + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

class TenantTest : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    a_name = unique_tenant("a");
    b_name = unique_tenant("b");
    a = std::make_unique<Models>(m->tenant(a_name));
    b = std::make_unique<Models>(m->tenant(b_name));
    a->create_schema();
    b->create_schema();
  }
  void TearDown() override {
    if (db) {
      db->drop_tenant(a_name);
      db->drop_tenant(b_name);
    }
    BackendTest::TearDown();
  }

  /// A user with a post tagged `label`, all in `tenant`.
  static User seed(Models& tenant, const std::string& name, const std::string& label) {
    User u;
    u.name = name;
    tenant.users.insert(u);
    Post p;
    p.author_id = u.id;
    p.title = name + "'s post";
    tenant.posts.insert(p);
    Tag t;
    t.label = label;
    tenant.tags.insert(t);
    tenant.posts.link_tags(p, t);
    return u;
  }

  std::string a_name, b_name;
  std::unique_ptr<Models> a, b;
};

std::vector<std::string> names(const std::vector<User>& users) {
  std::vector<std::string> out;
  for (const User& u : users)
    out.push_back(u.name);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(TenantTest, EachTenantSeesOnlyItsOwnRowsThroughEveryPath) {
  User ann = seed(*a, "ann", "red");
  User bob = seed(*b, "bob", "red"); // the same label: a unique key is per tenant
  seed(*m, "root", "red");

  // Keys are per tenant too: both users are number 1 of their own table.
  EXPECT_EQ(ann.id, bob.id);
  EXPECT_EQ(a->users.get(ann.id)->name, "ann");
  EXPECT_EQ(b->users.get(bob.id)->name, "bob");
  EXPECT_EQ(names(a->users.all()), std::vector<std::string>{"ann"});
  EXPECT_EQ(names(b->users.all()), std::vector<std::string>{"bob"});
  EXPECT_EQ(names(m->users.all()), std::vector<std::string>{"root"});
  EXPECT_EQ(a->users.count(), 1);
  EXPECT_EQ(a->users.where(blog::User_::name == "bob").count(), 0);

  // Relations, one row and eager.
  ASSERT_EQ(a->users.posts(ann).all().size(), 1u);
  EXPECT_EQ(a->users.posts(ann).all()[0].title, "ann's post");
  std::vector<Post> a_posts = a->posts.all();
  EXPECT_EQ(a->posts.load_author(a_posts).find(ann.id)->name, "ann");
  EXPECT_EQ(a->posts.load_tags(a_posts).of(a_posts[0].id).size(), 1u);
  EXPECT_EQ(b->posts.tags(b->posts.all()[0]).all().size(), 1u);

  // Bulk update and remove reach the tenant's rows only.
  EXPECT_EQ(a->users.query().update(blog::User_::age.set(40)), 1);
  EXPECT_FALSE(b->users.get(bob.id)->age.has_value());
  EXPECT_FALSE(m->users.all()[0].age.has_value());
  EXPECT_EQ(b->tags.query().remove(), 1);
  EXPECT_EQ(a->tags.count(), 1);
  EXPECT_EQ(m->tags.count(), 1);

  // Raw SQL through a tenant's database.
  const std::string p1 = on_postgres() ? "$1" : "?1";
  EXPECT_EQ(ormc::execute(b->database(), "UPDATE \"user\" SET name = " + p1, std::string("bea")),
            1);
  EXPECT_EQ(a->users.get(ann.id)->name, "ann");
  auto raw_names = ormc::raw<std::tuple<std::string>>(a->database(), "SELECT name FROM \"user\"");
  ASSERT_EQ(raw_names.size(), 1u);
  EXPECT_EQ(std::get<0>(raw_names[0]), "ann");

  // Removing a user cascades inside its tenant only.
  EXPECT_TRUE(b->users.remove(*b->users.get(bob.id)));
  EXPECT_EQ(b->posts.with_deleted().count(), 0);
  EXPECT_EQ(a->posts.count(), 1);
  EXPECT_EQ(m->posts.count(), 1);
}

TEST_P(TenantTest, ATransactionCanSwitchTenantsAndRollsBackEachOnesWork) {
  {
    ormc::Transaction tx(*db);
    seed(*a, "ann", "x");
    seed(*b, "bob", "x");
    seed(*m, "root", "x");
    {
      // A savepoint entering b: its rollback puts the search path back to the root's.
      ormc::Transaction inner(b->database());
      seed(*b, "ben", "y");
      inner.rollback();
    }
    seed(*b, "bea", "y"); // must land in b, not where the rollback left the search path
    seed(*a, "amy", "y");
    tx.commit();
  }
  EXPECT_EQ(names(a->users.all()), (std::vector<std::string>{"amy", "ann"}));
  EXPECT_EQ(names(b->users.all()), (std::vector<std::string>{"bea", "bob"}));
  EXPECT_EQ(names(m->users.all()), std::vector<std::string>{"root"});
  {
    ormc::Transaction tx(a->database());
    seed(*a, "ada", "z");
    EXPECT_EQ(a->users.count(), 3);
  } // rolled back
  EXPECT_EQ(a->users.count(), 2);
  EXPECT_EQ(db->transaction_depth(), 0);
}

TEST_P(TenantTest, QueriesIteratedLazilyStayInTheirTenant) {
  for (int i = 0; i < 3; ++i)
    seed(*a, "a" + std::to_string(i), "a" + std::to_string(i));
  seed(*b, "bob", "b");
  int seen = 0;
  for (const User& u : a->users.query())
    seen += u.name[0] == 'a' ? 1 : 100;
  EXPECT_EQ(seen, 3);
}

TEST_P(TenantTest, TenantsAreListedCheckedAndDropped) {
  std::vector<std::string> listed = db->tenants();
  EXPECT_NE(std::find(listed.begin(), listed.end(), a_name), listed.end());
  EXPECT_NE(std::find(listed.begin(), listed.end(), b_name), listed.end());
  EXPECT_EQ(&a->database(), &b->database().tenant(a_name)); // a tenant's tenant is its sibling
  EXPECT_EQ(a->database().tenant_name(), a_name);
  a->check_schema();

  seed(*a, "ann", "x");
  EXPECT_TRUE(db->drop_tenant(a_name));
  EXPECT_FALSE(db->drop_tenant(a_name));
  listed = db->tenants();
  EXPECT_EQ(std::find(listed.begin(), listed.end(), a_name), listed.end());
  EXPECT_NE(usage_error_of([&] { a->users.count(); }).find("was dropped"), std::string::npos);
  EXPECT_NE(usage_error_of([&] { ormc::Transaction tx(a->database()); }).find("was dropped"),
            std::string::npos);

  // The name again is a new, empty tenant.
  Models again = m->tenant(a_name);
  again.create_schema();
  EXPECT_EQ(again.users.count(), 0);
  EXPECT_EQ(b->users.count(), 0);
}

TEST_P(TenantTest, ABadNameIsRefusedBeforeAnythingIsCreated) {
  for (const std::string& bad :
       std::vector<std::string>{"", "Acme", "a-b", "../x", "a b", std::string(31, 'x')})
    EXPECT_NE(usage_error_of([&] { m->tenant(bad); }).find("1-30 characters"), std::string::npos)
        << bad;
}

/// 8 threads on a pool of 4 connections, each alternating between tenants on whatever
/// connection it gets: every row lands in the tenant that wrote it.
class TenantPoolTest : public SharedDatabaseTest {};

TEST_P(TenantPoolTest, EightThreadsOnFourConnectionsNeverCrossTenants) {
  std::vector<std::string> tenants;
  for (int i = 0; i < 3; ++i)
    tenants.push_back(unique_tenant("p"));
  {
    ormc::Database setup(url);
    for (const std::string& t : tenants)
      Models(setup).tenant(t).create_schema();
  }
  ormc::Pool pool(url, 4);
  constexpr int threads = 8, per_thread = 60;
  std::atomic<int> errors{0}, crossed{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        try {
          auto lease = pool.acquire();
          Models root(*lease);
          const std::string& name = tenants[static_cast<std::size_t>((t + i) % 3)];
          Models tenant = root.tenant(name);
          Setting s{.key = std::to_string(t) + "/" + std::to_string(i), .value = name};
          if (i % 2 == 0) {
            tenant.settings.insert(s);
          } else {
            ormc::Transaction tx(tenant.database());
            tenant.settings.insert(s);
            tx.commit();
          }
          for (const Setting& seen : tenant.settings.where(Setting_::key == s.key).all())
            if (seen.value != name) ++crossed;
        } catch (const std::exception& e) {
          ++errors;
          ADD_FAILURE() << e.what();
        }
      }
    });
  for (std::thread& w : workers)
    w.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(crossed, 0);
  auto lease = pool.acquire();
  Models root(*lease);
  int total = 0;
  for (const std::string& name : tenants) {
    Models tenant = root.tenant(name);
    for (const Setting& s : tenant.settings.all()) {
      EXPECT_EQ(s.value, name);
      ++total;
    }
    root.database().drop_tenant(name);
  }
  EXPECT_EQ(total, threads * per_thread);
  EXPECT_EQ(root.settings.count(), 0);
}

// Another connection (a pooled one, another process) still using a tenant that is dropped and
// made again: it fails, or writes into the new tenant, but never writes where nobody will read.
TEST_P(TenantPoolTest, ADroppedTenantIsNeverWrittenThroughAnotherConnection) {
  const std::string name = unique_tenant("d");
  ormc::Database first(url), second(url);
  Models one = Models(first).tenant(name), two = Models(second).tenant(name);
  one.create_schema();
  Setting s{.key = "before", .value = "v"};
  one.settings.insert(s);
  EXPECT_EQ(two.settings.count(), 1);
  EXPECT_TRUE(first.drop_tenant(name));
  Models again = Models(first).tenant(name);
  again.create_schema();
  Setting late{.key = "late", .value = "v"};
  bool written = true;
  try {
    two.settings.insert(late);
  } catch (const ormc::DatabaseError&) {
    written = false; // SQLite: the old file was emptied before it went
  }
  const std::vector<Setting> rows = again.settings.all();
  ASSERT_EQ(rows.size(), written ? 1u : 0u); // a write that succeeded is in the new tenant
  if (written) {
    EXPECT_EQ(rows[0].key, "late");
  }
  EXPECT_EQ(written, on_postgres());
  first.drop_tenant(name);
}

constexpr std::string_view kCreateBook =
    R"(CREATE TABLE "book" ("id" INTEGER PRIMARY KEY, "title" TEXT NOT NULL))";

std::vector<ormc::MigrationFile> book_migrations(std::string& sum) {
  sum = ormc::sql::write_migration_sum(
      {{"0001_create_book.postgresql.sql", ormc::sql::migration_checksum(kCreateBook)},
       {"0001_create_book.sqlite.sql", ormc::sql::migration_checksum(kCreateBook)}});
  return {{"0001_create_book.postgresql.sql", kCreateBook},
          {"0001_create_book.sqlite.sql", kCreateBook},
          {"ormc.sum", sum}};
}

// Tenants migrate in parallel, one failing tenant does not stop the others, and a second call
// resumes: it applies only what the first left pending.
TEST_P(TenantPoolTest, TenantsMigrateInParallelAndAFailedOneResumes) {
  std::vector<std::string> tenants;
  for (int i = 0; i < 6; ++i)
    tenants.push_back(unique_tenant("m"));
  ormc::Pool pool(url, 3);
  {
    auto lease = pool.acquire();
    for (const std::string& t : tenants)
      lease->tenant(t);
    // The third tenant already has a "book" of its own: its migration fails.
    ormc::execute(lease->tenant(tenants[2]), R"(CREATE TABLE "book" ("other" INTEGER))");
  }
  std::string sum;
  const std::vector<ormc::MigrationFile> files = book_migrations(sum);
  std::vector<ormc::TenantMigration> first =
      ormc::migrate_tenants(pool, files, {.parallel = 3, .tenants = tenants});
  ASSERT_EQ(first.size(), tenants.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].tenant, tenants[i]);
    if (i == 2) {
      EXPECT_NE(first[i].error.find("book"), std::string::npos) << first[i].error;
      EXPECT_TRUE(first[i].report.applied.empty());
    } else {
      EXPECT_EQ(first[i].error, "") << first[i].tenant;
      EXPECT_EQ(first[i].report.applied, std::vector<std::int64_t>{1}) << first[i].tenant;
    }
  }
  {
    auto lease = pool.acquire();
    ormc::execute(lease->tenant(tenants[2]), R"(DROP TABLE "book")");
    EXPECT_EQ(ormc::migration_version(lease->tenant(tenants[2])), 0);
    EXPECT_EQ(ormc::migration_version(lease->tenant(tenants[0])), 1);
    EXPECT_EQ(ormc::migration_version(*lease), 0); // the database itself is no tenant
  }
  std::vector<ormc::TenantMigration> again =
      ormc::migrate_tenants(pool, files, {.tenants = tenants});
  ASSERT_EQ(again.size(), tenants.size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].error, "");
    EXPECT_EQ(again[i].report.applied.size(), i == 2 ? 1u : 0u) << again[i].tenant;
    EXPECT_EQ(again[i].report.version, 1);
  }
  auto lease = pool.acquire();
  for (const std::string& t : tenants)
    lease->drop_tenant(t);
}

ORMC_INSTANTIATE_FOR_BACKENDS(TenantTest);
ORMC_INSTANTIATE_FOR_BACKENDS(TenantPoolTest);

} // namespace
} // namespace unit
