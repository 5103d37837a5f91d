// PostgreSQL row-level security as a second wall (ormc:tenant(row_security)): the table's policy
// compares its tenant column with the transaction's ormc.tenant, which a row tenant's models set,
// so that SQL ormc does not write (raw SQL through the models) reads and writes that tenant's rows
// only, the table's owner included. SQLite has no policies: there the same raw SQL reads every
// row, ormc's own filter being the only wall (docs/runtime.md).
#include "backend_fixture.hpp"

#include <ormc/raw_sql.hpp>
#include <ormc/transaction.hpp>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace unit {
namespace {

using shop::HelpRequest;
using shop::HelpRequest_;

class RowSecurityTest : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    acme = std::make_unique<Models>(m->row_tenant("acme"));
    bravo = std::make_unique<Models>(m->row_tenant("bravo"));
    add(*acme, "printer");
    add(*acme, "login");
    add(*bravo, "invoice");
    if (on_postgres()) become_the_tables_owner();
  }

  void TearDown() override {
    if (on_postgres()) ormc::execute(*db, "RESET ROLE");
    BackendTest::TearDown();
  }

  /// A superuser passes every policy, and a table's owner passes one that is not FORCEd: the
  /// rest of the test runs as a plain role that owns the table.
  void become_the_tables_owner() {
    ormc::execute(*db, "DO $$ BEGIN CREATE ROLE \"ormc_policy_owner\" NOLOGIN; EXCEPTION WHEN "
                       "duplicate_object OR unique_violation THEN NULL; END $$");
    ormc::execute(*db, "GRANT USAGE ON SCHEMA \"" + schema + "\" TO \"ormc_policy_owner\"");
    ormc::execute(*db, "ALTER TABLE \"help_request\" OWNER TO \"ormc_policy_owner\"");
    ormc::execute(*db, "SET ROLE \"ormc_policy_owner\"");
    auto [owner, bypasses] =
        ormc::raw<std::tuple<std::string, bool>>(
            *db, "SELECT t.tableowner::text, r.rolsuper OR r.rolbypassrls FROM pg_tables t "
                 "JOIN pg_roles r ON r.rolname = current_user "
                 "WHERE t.tablename = 'help_request' AND t.schemaname = current_schema()")
            .at(0);
    ASSERT_EQ(owner, "ormc_policy_owner");
    ASSERT_FALSE(bypasses);
  }

  static HelpRequest add(Models& tenant, const std::string& subject) {
    HelpRequest request;
    request.subject = subject;
    tenant.help_requests.insert(request);
    return request;
  }

  static std::int64_t raw_count(ormc::Database& through) {
    return std::get<0>(
        ormc::raw<std::tuple<std::int64_t>>(through, "SELECT count(*) FROM \"help_request\"")
            .at(0));
  }

  /// What PostgreSQL's catalog says of `table`'s row security: "enabled, forced, <policies>",
  /// the parts it has.
  static std::string policy_of(ormc::Database& through, const std::string& table) {
    return std::get<0>(
        ormc::raw<std::tuple<std::string>>(
            through,
            "SELECT concat_ws(', ', CASE WHEN c.relrowsecurity THEN 'enabled' END, "
            "CASE WHEN c.relforcerowsecurity THEN 'forced' END, (SELECT string_agg(p.polname, "
            "', ') FROM pg_policy p WHERE p.polrelid = c.oid)) FROM pg_class c "
            "WHERE c.oid = quote_ident($1)::regclass",
            table)
            .at(0));
  }

  std::unique_ptr<Models> acme, bravo;
};

TEST_P(RowSecurityTest, TheTableCarriesAForcedPolicy) {
  if (!on_postgres()) GTEST_SKIP() << "SQLite has no row-level security";
  EXPECT_EQ(policy_of(*db, "help_request"), "enabled, forced, ormc_tenant");
  // The other tenant tables, without row_security, have none.
  EXPECT_EQ(policy_of(*db, "invoice"), "");
}

TEST_P(RowSecurityTest, RawSqlThroughARowTenantMeetsItsRowsOnly) {
  const bool walled = on_postgres();
  EXPECT_EQ(raw_count(acme->database()), walled ? 2 : 3);
  EXPECT_EQ(raw_count(bravo->database()), walled ? 1 : 3);
  // Without a row tenant nothing sets ormc.tenant, and the policy matches no row.
  EXPECT_EQ(raw_count(*db), walled ? 0 : 3);
  // Writes: an UPDATE and a DELETE of "every" row change the tenant's own.
  EXPECT_EQ(ormc::execute(acme->database(), "UPDATE \"help_request\" SET \"subject\" = 'seen'"),
            walled ? 2 : 3);
  if (walled) {
    EXPECT_EQ(bravo->help_requests.all().at(0).subject, "invoice");
    EXPECT_EQ(ormc::execute(bravo->database(), "DELETE FROM \"help_request\""), 1);
    EXPECT_EQ(acme->help_requests.count(), 2);
    // A row written for another tenant is refused (WITH CHECK), and nothing is written.
    EXPECT_THROW(ormc::execute(acme->database(),
                               "INSERT INTO \"help_request\" (\"desk\", \"subject\") VALUES "
                               "($1, $2)",
                               std::string("bravo"), std::string("planted")),
                 ormc::DatabaseError);
    EXPECT_EQ(raw_count(bravo->database()), 0);
  }
}

TEST_P(RowSecurityTest, OrmcsOwnStatementsPassThePolicyInAndOutOfTransactions) {
  HelpRequest request = add(*acme, "vpn");
  request.subject = "vpn down";
  acme->help_requests.update(request);
  EXPECT_EQ(acme->help_requests.get(request.id)->subject, "vpn down");
  EXPECT_FALSE(bravo->help_requests.get(request.id));
  EXPECT_EQ(acme->help_requests.where(HelpRequest_::subject == "vpn down").count(), 1);
  {
    // One transaction, both tenants: each statement runs under its own tenant's setting.
    ormc::Transaction tx(*db);
    add(*acme, "a in tx");
    add(*bravo, "b in tx");
    EXPECT_EQ(raw_count(acme->database()), on_postgres() ? 4 : 6);
    EXPECT_EQ(acme->help_requests.count(), 4);
    EXPECT_EQ(bravo->help_requests.count(), 2);
    tx.commit();
  }
  EXPECT_TRUE(acme->help_requests.remove(request.id));
  EXPECT_EQ(acme->help_requests.count(), 3);
  EXPECT_EQ(bravo->help_requests.count(), 2);
}

TEST_P(RowSecurityTest, ABranchCarriesEveryRowAndThePolicy) {
  if (on_postgres()) ormc::execute(*db, "RESET ROLE"); // tenants' schemas are the server's own
  const std::string name = "rs_" + std::to_string(getpid());
  Models eu = m->tenant(name);
  eu.create_schema();
  Models eu_acme = eu.row_tenant("acme");
  Models eu_bravo = eu.row_tenant("bravo");
  add(eu_acme, "a1");
  add(eu_acme, "a2");
  add(eu_bravo, "b1");
  Models trial = eu.create_branch("trial");
  EXPECT_EQ(trial.row_tenant("acme").help_requests.count(), 2);
  EXPECT_EQ(trial.row_tenant("bravo").help_requests.count(), 1);
  if (on_postgres()) {
    EXPECT_EQ(policy_of(trial.database(), "help_request"), "enabled, forced, ormc_tenant");
    // The copy's policy guards the copy: a plain role's raw SQL through a row tenant meets
    // that tenant's rows only.
    ormc::execute(trial.database(),
                  "GRANT USAGE ON SCHEMA \"branch_" + name + "__trial\" TO \"ormc_policy_owner\"");
    ormc::execute(trial.database(), "GRANT SELECT ON \"help_request\" TO \"ormc_policy_owner\"");
    ormc::execute(*db, "SET ROLE \"ormc_policy_owner\"");
    EXPECT_EQ(std::get<0>(ormc::raw<std::tuple<std::string>>(
                              trial.row_tenant("bravo").database(),
                              "SELECT string_agg(\"subject\", ',') FROM \"help_request\"")
                              .at(0)),
              "b1");
    ormc::execute(*db, "RESET ROLE");
  }
  eu.database().drop_branch("trial");
  m->database().drop_tenant(name);
}

TEST_P(RowSecurityTest, ALazyReadInATransactionKeepsItsTenantAcrossPages) {
  // More rows than one page of the PostgreSQL cursor (1,000): its later FETCHes run after
  // another tenant's statement set ormc.tenant to that tenant.
  std::vector<HelpRequest> many(1'005);
  for (std::size_t i = 0; i < many.size(); ++i)
    many[i].subject = "bulk " + std::to_string(i);
  acme->help_requests.insert_all(many);
  ormc::Transaction tx(*db);
  ormc::Query<HelpRequest> query = acme->help_requests.query();
  std::size_t read = 0;
  bool moved = false;
  for (const HelpRequest& row : query) {
    EXPECT_EQ(row.desk, "acme");
    ++read;
    if (!moved) {
      EXPECT_EQ(bravo->help_requests.count(), 1);
      moved = true;
    }
  }
  EXPECT_EQ(read, many.size() + 2);
  tx.commit();
}

ORMC_INSTANTIATE_FOR_BACKENDS(RowSecurityTest);

} // namespace
} // namespace unit
