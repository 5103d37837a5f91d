// A Cluster without standbys, on each backend: the same program runs against one server. Writes
// commit, reads run read-only (a write inside one is refused and stores nothing, and the pooled
// connection writes again afterwards), a Session reads its writes, and a standby of another
// dialect is a UsageError.
#include "cluster_scratch.hpp"
#include "schema.ormc.hpp"

#include <gtest/gtest.h>
#include <ormc/cluster.hpp>
#include <ormc/transaction.hpp>

namespace {
using cluster_test::Scratch;
using replicated::Models;
using replicated::Note;
using replicated::Note_;

class OneServer : public testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    scratch_ = std::make_unique<Scratch>(GetParam(), "one_server");
    if (scratch_->url().empty()) {
      if (!cluster_test::env("CI").empty()) FAIL() << "ORMC_TEST_POSTGRES_URL is not set";
      GTEST_SKIP() << "ORMC_TEST_POSTGRES_URL is not set";
    }
    // One connection, so that each call reuses the connection the one before it used.
    cluster_ = std::make_unique<ormc::Cluster>(scratch_->url(), std::vector<std::string>{},
                                               ormc::ClusterOptions{.connections_per_server = 1});
    auto db = cluster_->primary();
    Models(*db).create_schema();
  }
  std::unique_ptr<Scratch> scratch_;
  std::unique_ptr<ormc::Cluster> cluster_;
};

TEST_P(OneServer, WritesCommitAndReadsReturnWhatWasWritten) {
  std::int64_t id = cluster_->write([](ormc::Database& db) {
    Note note{.author = "ada", .body = "first"};
    Models(db).notes.insert(note);
    return note.id;
  });
  cluster_->write([](ormc::Database& db) {
    Note note{.author = "bob", .body = "second"};
    Models(db).notes.insert(note);
  });
  EXPECT_EQ(cluster_->read([](ormc::Database& db) { return Models(db).notes.count(); }), 2);
  auto note = cluster_->read([&](ormc::Database& db) { return Models(db).notes.get(id); });
  ASSERT_TRUE(note.has_value());
  EXPECT_EQ(note->body, "first");
  EXPECT_EQ(cluster_->standby_count(), 0u);
}

TEST_P(OneServer, AWriteThatThrowsStoresNothing) {
  EXPECT_THROW(cluster_->write([](ormc::Database& db) {
    Note note{.author = "ada", .body = "lost"};
    Models(db).notes.insert(note);
    throw std::runtime_error("the work failed");
  }),
               std::runtime_error);
  EXPECT_EQ(cluster_->read([](ormc::Database& db) { return Models(db).notes.count(); }), 0);
}

TEST_P(OneServer, AWriteInsideAReadIsRefusedAndTheConnectionWritesAfterwards) {
  EXPECT_THROW(cluster_->read([](ormc::Database& db) {
    Note note{.author = "ada", .body = "in a read"};
    Models(db).notes.insert(note);
  }),
               ormc::DatabaseError);
  EXPECT_EQ(cluster_->read([](ormc::Database& db) { return Models(db).notes.count(); }), 0);
  cluster_->write([](ormc::Database& db) {
    Note note{.author = "ada", .body = "in a write"};
    Models(db).notes.insert(note);
  });
  EXPECT_EQ(cluster_->read([](ormc::Database& db) { return Models(db).notes.count(); }), 1);
}

TEST_P(OneServer, ASessionReadsItsWrites) {
  ormc::Session session(*cluster_);
  EXPECT_EQ(session.read_after(), 0u);
  std::int64_t id = session.write([](ormc::Database& db) {
    Note note{.author = "ada", .body = "mine"};
    Models(db).notes.insert(note);
    return note.id;
  });
  // PostgreSQL: the position of the commit; SQLite has no log to wait for.
  EXPECT_EQ(session.read_after() > 0, GetParam() == "postgresql");
  auto mine = session.read([&](ormc::Database& db) { return Models(db).notes.get(id); });
  ASSERT_TRUE(mine.has_value());
  EXPECT_EQ(mine->body, "mine");
}

TEST_P(OneServer, APrimaryLeaseIsATransactionSpanningSeveralCalls) {
  {
    auto db = cluster_->primary();
    Models m(*db);
    ormc::Transaction tx(*db);
    Note a{.author = "ada", .body = "a"};
    Note b{.author = "ada", .body = "b"};
    m.notes.insert(a);
    m.notes.insert(b);
    tx.commit();
  }
  auto by_ada = cluster_->read([](ormc::Database& db) {
    return Models(db).notes.where(Note_::author == "ada").count();
  });
  EXPECT_EQ(by_ada, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, OneServer, testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(OneServerUrls, AStandbyOfAnotherDialectIsAUsageError) {
  try {
    ormc::Cluster cluster("sqlite::memory:", {"postgresql://app@db2/app"});
    FAIL() << "expected ormc::UsageError";
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("postgresql://app@db2/app"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(ormc::Cluster("postgresql://app@db1/app", {"sqlite:replica.db"}), ormc::UsageError);
  EXPECT_THROW(ormc::Cluster("mysql://app@db1/app", {}), ormc::UsageError);
}

} // namespace
