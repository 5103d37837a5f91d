// PostgreSQL connections: URL forms, unreachable servers, session settings, lost connections.
#include "backend_fixture.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <ormc/raw_sql.hpp>
#include <sys/socket.h>
#include <unistd.h>

namespace unit {
namespace {

class PostgresConnection : public testing::Test {
protected:
  void SetUp() override {
    url = postgres_url();
    if (url.empty()) GTEST_SKIP() << "no PostgreSQL server";
  }
  std::string url;
};

/// A TCP port on 127.0.0.1 that accepts connections and never answers.
class SilentListener {
public:
  SilentListener() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(fd_, 4);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentListener() { close(fd_); }
  int port() const { return port_; }

private:
  int fd_;
  int port_ = 0;
};

TEST_F(PostgresConnection, UriAndKeyValueFormsBothConnect) {
  ormc::Database by_uri(url);
  EXPECT_EQ(by_uri.dialect(), ormc::Dialect::postgresql);
  // postgresql://postgres@127.0.0.1:PORT/postgres → key=value
  std::string rest = url.substr(url.find('@') + 1);
  std::string host = rest.substr(0, rest.find(':'));
  std::string port = rest.substr(rest.find(':') + 1, rest.find('/') - rest.find(':') - 1);
  ormc::Database by_keys("host=" + host + " port=" + port + " user=postgres dbname=postgres");
  EXPECT_EQ(by_keys.dialect(), ormc::Dialect::postgresql);
}

TEST_F(PostgresConnection, RefusedConnectionIsAConnectionError) {
  int port = 0;
  {
    SilentListener taken; // closed again at the end of this block: nothing listens there
    port = taken.port();
  }
  EXPECT_THROW(ormc::Database("postgresql://postgres@127.0.0.1:" + std::to_string(port) + "/x"),
               ormc::ConnectionError);
}

TEST_F(PostgresConnection, ServerThatNeverAnswersTimesOutInsteadOfHanging) {
  SilentListener silent;
  auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(ormc::Database("postgresql://postgres@127.0.0.1:" + std::to_string(silent.port()) +
                              "/x?connect_timeout=2"),
               ormc::ConnectionError);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

TEST_F(PostgresConnection, MalformedUriIsAnError) {
  EXPECT_THROW(ormc::Database("postgresql://postgres@127.0.0.1:notaport/x"), ormc::ConnectionError);
  EXPECT_THROW(ormc::Database("postgresql:nohost"), ormc::UsageError);
}

TEST_F(PostgresConnection, WrongDatabaseNameIsAConnectionErrorWithTheServersMessage) {
  std::string bad = url.substr(0, url.rfind('/')) + "/no_such_database";
  try {
    ormc::Database db(bad);
    FAIL();
  } catch (const ormc::ConnectionError& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_database"), std::string::npos) << e.what();
  }
}

/// Ends `db`'s backend from `admin`, waiting until it is gone: the termination is a signal, and
/// a statement sent before the backend acts on it would still succeed. Only that backend: other
/// tests share the server.
void terminate(ormc::Database& admin, ormc::Database& db) {
  const auto pid =
      std::get<0>(ormc::raw<std::tuple<std::int64_t>>(db, "SELECT pg_backend_pid()").at(0));
  ormc::execute(admin, "SELECT pg_terminate_backend($1::integer, 10000)", pid);
}

TEST_F(PostgresConnection, LostConnectionIsTypedAndTheNextOperationReconnects) {
  ormc::Database db(url);
  ormc::Database killer(url);
  db.execute("CREATE TEMP TABLE probe (x INTEGER)");
  killer.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                 "WHERE pid <> pg_backend_pid() AND query LIKE '%CREATE TEMP TABLE probe%'");
  EXPECT_THROW(db.execute("SELECT 1"), ormc::ConnectionError);
  EXPECT_NO_THROW(db.execute("SELECT 1"));
}

TEST_F(PostgresConnection, LostConnectionInsideATransactionCommitsNothing) {
  ormc::Database admin(url);
  admin.execute("DROP SCHEMA IF EXISTS ormc_lost_tx CASCADE; CREATE SCHEMA ormc_lost_tx");
  std::string scoped = url + "?options=-csearch_path%3Dormc_lost_tx";
  ormc::Database db(scoped);
  Models m(db);
  m.create_schema();
  {
    ormc::Transaction tx(db);
    Setting lost{.key = "lost", .value = "uncommitted"};
    m.settings.insert(lost);
    terminate(admin, db);
    EXPECT_THROW(tx.commit(), ormc::ConnectionError);
  }
  EXPECT_EQ(db.transaction_depth(), 0);
  {
    ormc::Transaction again(db); // a new connection, and a clean transaction on it
    Setting kept{.key = "kept", .value = "committed"};
    m.settings.insert(kept);
    again.commit();
  }
  ormc::Database check(scoped);
  Models fresh(check);
  EXPECT_FALSE(fresh.settings.get("lost").has_value());
  EXPECT_TRUE(fresh.settings.get("kept").has_value());
  admin.execute("DROP SCHEMA ormc_lost_tx CASCADE");
}

// The retry after a lost connection once ran in autocommit on the new connection: leaving the
// scope kept its rows, and commit() returned normally although the earlier rows were gone.
TEST_F(PostgresConnection, ATransactionWhoseConnectionWasLostFailsAsAWhole) {
  ormc::Database admin(url);
  admin.execute("DROP SCHEMA IF EXISTS ormc_lost_retry CASCADE; CREATE SCHEMA ormc_lost_retry");
  std::string scoped = url + "?options=-csearch_path%3Dormc_lost_retry";
  ormc::Database db(scoped);
  Models m(db);
  m.create_schema();
  {
    ormc::Transaction tx(db);
    Setting first{.key = "first", .value = "1"};
    m.settings.insert(first);
    terminate(admin, db);
    Setting second{.key = "second", .value = "2"};
    EXPECT_THROW(m.settings.insert(second), ormc::ConnectionError);
    EXPECT_THROW(m.settings.insert(second), ormc::TransactionAborted); // the retry
    EXPECT_THROW(tx.commit(), ormc::TransactionAborted);
  }
  Models fresh(admin);
  admin.execute("SET search_path TO ormc_lost_retry");
  EXPECT_FALSE(fresh.settings.get("first").has_value());
  EXPECT_FALSE(fresh.settings.get("second").has_value());
  admin.execute("RESET search_path; DROP SCHEMA ormc_lost_retry CASCADE");
}

TEST_F(PostgresConnection, WriteSkewUnderSerializableIsATransactionConflict) {
  ormc::Database admin(url);
  admin.execute("DROP TABLE IF EXISTS ormc_skew; CREATE TABLE ormc_skew (id INTEGER PRIMARY KEY)");
  ormc::Database a(url), b(url);
  a.execute("BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT count(*) FROM ormc_skew");
  b.execute("BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT count(*) FROM ormc_skew");
  a.execute("INSERT INTO ormc_skew (id) VALUES (10)");
  b.execute("INSERT INTO ormc_skew (id) VALUES (11)");
  // The server decides which of the two commits fails; exactly one must.
  int conflicts = 0;
  for (ormc::Database* session : {&a, &b}) {
    try {
      session->execute("COMMIT");
    } catch (const ormc::TransactionConflict& e) {
      EXPECT_EQ(e.sqlstate(), "40001");
      ++conflicts;
      session->execute("ROLLBACK");
    }
  }
  EXPECT_EQ(conflicts, 1);
  admin.execute("DROP TABLE ormc_skew");
}

} // namespace
} // namespace unit
