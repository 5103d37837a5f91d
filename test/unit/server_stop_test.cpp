// The PostgreSQL server stops in the middle of a transaction: the commit is a typed error,
// nothing of that transaction is stored, what was committed before is, and once the server is
// back the same Database works again. Runs alone against a server of its own
// (ctest: reliability.postgres_server_stop), since it stops that server.
#include "schema.ormc.hpp"

#include <cstdlib>
#include <gtest/gtest.h>
#include <ormc/ormc.hpp>
#include <string>

namespace unit {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

void server(const std::string& action) {
  std::string command = env("ORMC_TEST_POSTGRES_CTL") + " " + action + " >/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

TEST(ServerStop, MidTransactionIsATypedErrorNothingHalfCommittedAndTheNextOperationWorks) {
  std::string url = env("ORMC_TEST_POSTGRES_URL");
  if (url.empty() || env("ORMC_TEST_POSTGRES_CTL").empty()) {
    if (!env("CI").empty()) FAIL() << "run through scripts/with-postgres.sh";
    GTEST_SKIP() << "needs a server of its own: scripts/with-postgres.sh "
                 << "<this test>";
  }
  ormc::Database db(url);
  Models m(db);
  m.create_schema();
  {
    ormc::Transaction tx(db);
    for (int i = 0; i < 50; ++i) {
      Setting s{.key = "kept/" + std::to_string(i), .value = "v"};
      m.settings.insert(s);
    }
    tx.commit();
  }
  {
    ormc::Transaction tx(db);
    for (int i = 0; i < 50; ++i) {
      Setting s{.key = "lost/" + std::to_string(i), .value = "v"};
      m.settings.insert(s);
    }
    server("stop");
    EXPECT_THROW(tx.commit(), ormc::ConnectionError);
  } // the transaction's destructor must not throw either
  // While the server is down: an error at once, not a hang.
  EXPECT_THROW(m.settings.count(), ormc::ConnectionError);

  server("start");
  EXPECT_EQ(m.settings.count(), 50);
  EXPECT_EQ(m.settings.where(Setting_::key.like("lost/%")).count(), 0);
  Setting after{.key = "after", .value = "v"};
  m.settings.insert(after);
  EXPECT_TRUE(m.settings.get("after").has_value());
}

} // namespace
} // namespace unit
