// A Cluster over a real streaming replica: scripts/with-postgres.sh --standby starts a primary
// and a standby made by pg_basebackup -R (ctest: cluster.replica). Reads reach the standby and
// writes the primary; a Session reads its writes while the standby lags; a standby stopped
// under load is skipped and nothing is lost, and used again once it is back; a restart no call
// saw fails no call; a primary that is down, or a standby given as the primary, is
// PrimaryUnavailable and nothing is written.
#include "cluster_scratch.hpp"
#include "schema.ormc.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <ormc/cluster.hpp>
#include <ormc/raw_sql.hpp>
#include <thread>
#include <vector>

namespace {
using namespace std::chrono_literals;
using cluster_test::eventually;
using cluster_test::in_recovery;
using cluster_test::Scratch;
using replicated::Models;
using replicated::Note;
using replicated::Note_;

class Replica : public testing::Test {
protected:
  void SetUp() override {
    if (cluster_test::env("ORMC_TEST_POSTGRES_STANDBY_URL").empty() ||
        cluster_test::env("ORMC_TEST_POSTGRES_STANDBY_CTL").empty()) {
      if (!cluster_test::env("CI").empty())
        FAIL() << "run through scripts/with-postgres.sh --standby";
      GTEST_SKIP()
          << "needs a primary and a standby: scripts/with-postgres.sh --standby <this test>";
    }
    scratch_ = std::make_unique<Scratch>(
        "postgresql", testing::UnitTest::GetInstance()->current_test_info()->name());
    cluster_ = std::make_unique<ormc::Cluster>(scratch_->url(),
                                               std::vector<std::string>{scratch_->standby_url()},
                                               ormc::ClusterOptions{.standby_retry = 200ms});
    auto db = cluster_->primary();
    Models(*db).create_schema();
    // The standby has the table once it has replayed that far.
    ormc::Session session(*cluster_);
    session.write([](ormc::Database&) {});
    ASSERT_TRUE(eventually(
        [&] { return session.read([](ormc::Database& db) { return in_recovery(db); }); }));
  }
  void TearDown() override {
    cluster_.reset();
    scratch_.reset();
  }

  /// Sets the standby's recovery_min_apply_delay: how long it holds each commit back.
  static void delay_standby(const char* delay) {
    ormc::Database standby(cluster_test::env("ORMC_TEST_POSTGRES_STANDBY_URL"));
    standby.execute(std::string("ALTER SYSTEM SET recovery_min_apply_delay = '") + delay + "'");
    standby.execute("SELECT pg_reload_conf()");
  }

  static Note note(const std::string& author, const std::string& body) {
    return Note{.author = author, .body = body};
  }

  std::unique_ptr<Scratch> scratch_;
  std::unique_ptr<ormc::Cluster> cluster_;
};

TEST_F(Replica, ReadsReachTheStandbyAndWritesThePrimary) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(cluster_->read([](ormc::Database& db) { return in_recovery(db); }));
    EXPECT_FALSE(cluster_->write([](ormc::Database& db) {
      Note n = note("ada", "x");
      Models(db).notes.insert(n);
      return in_recovery(db);
    }));
  }
  EXPECT_EQ(cluster_->standbys_available(), 1u);
}

TEST_F(Replica, ASessionReadsItsWritesWhileTheStandbyLags) {
  delay_standby("2s");
  // The standby's replay takes the new setting some time after the reload: wait until a probe
  // row committed now is still missing there 300 ms later.
  ASSERT_TRUE(eventually([&] {
    std::int64_t probe = cluster_->write([](ormc::Database& db) {
      Note n = note("probe", "");
      Models(db).notes.insert(n);
      return n.id;
    });
    auto on_standby = [&] {
      return cluster_->read([&](ormc::Database& db) { return Models(db).notes.get(probe); });
    };
    if (on_standby()) return false;
    std::this_thread::sleep_for(300ms);
    return !on_standby();
  })) << "the standby does not hold commits back";
  ormc::Session session(*cluster_);
  std::int64_t id = session.write([](ormc::Database& db) {
    Note n = note("ada", "mine");
    Models(db).notes.insert(n);
    return n.id;
  });
  // The standby holds the commit back: a read without the session does not see it yet, which is
  // why the session's read must not go there.
  EXPECT_FALSE(cluster_->read([&](ormc::Database& db) {
    EXPECT_TRUE(in_recovery(db));
    return Models(db).notes.get(id).has_value();
  }));
  auto [found, on_standby] = session.read([&](ormc::Database& db) {
    return std::pair(Models(db).notes.get(id).has_value(), in_recovery(db));
  });
  EXPECT_TRUE(found);
  EXPECT_FALSE(on_standby) << "read on a standby that has not replayed the session's write";
  // Once the standby has replayed the write, the session reads there again.
  EXPECT_TRUE(eventually([&] {
    return session.read([&](ormc::Database& db) {
      return in_recovery(db) && Models(db).notes.get(id).has_value();
    });
  }));
  delay_standby("0");
}

TEST_F(Replica, AStandbyStoppedUnderLoadIsSkippedNothingIsLostAndItIsUsedAgainOnceBack) {
  std::atomic<bool> stop{false};
  std::atomic<int> written{0}, own_reads_missed{0}, on_standby{0}, on_primary{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c)
    clients.emplace_back([&, c] {
      ormc::Session session(*cluster_);
      for (int i = 0; !stop; ++i) {
        try {
          std::string body = std::to_string(c) + "/" + std::to_string(i);
          std::int64_t id = session.write([&](ormc::Database& db) {
            Note n = note("client" + std::to_string(c), body);
            Models(db).notes.insert(n);
            return n.id;
          });
          ++written;
          auto mine = session.read([&](ormc::Database& db) { return Models(db).notes.get(id); });
          if (!mine || mine->body != body) ++own_reads_missed;
          bool standby = cluster_->read([](ormc::Database& db) {
            [[maybe_unused]] auto n = Models(db).notes.where(Note_::author == "client0").count();
            return in_recovery(db);
          });
          ++(standby ? on_standby : on_primary);
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << "client " << c << ": " << e.what();
          return;
        }
      }
    });
  auto reads = [&] { return on_standby + on_primary; };
  ASSERT_TRUE(eventually([&] { return on_standby > 20; }));
  cluster_test::server("ORMC_TEST_POSTGRES_STANDBY_CTL", "stop");
  int before = reads();
  ASSERT_TRUE(eventually([&] { return reads() > before + 50; })) << "reads stopped";
  EXPECT_EQ(cluster_->standbys_available(), 0u);
  int primary_reads = on_primary;
  cluster_test::server("ORMC_TEST_POSTGRES_STANDBY_CTL", "start");
  int standby_reads = on_standby;
  EXPECT_TRUE(eventually([&] { return on_standby > standby_reads + 20; }))
      << "the standby is not read again after it came back";
  stop = true;
  for (auto& t : clients)
    t.join();

  EXPECT_GT(primary_reads, 0) << "no read went to the primary while the standby was down";
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(own_reads_missed, 0);
  auto stored = cluster_->write([](ormc::Database& db) { return Models(db).notes.count(); });
  EXPECT_EQ(stored, written.load());
  std::printf("%d writes, %d reads on the standby and %d on the primary\n", written.load(),
              on_standby.load(), on_primary.load());
}

TEST_F(Replica, APrimaryThatIsDownIsPrimaryUnavailableWhileTheStandbyStillServesReads) {
  cluster_->write([](ormc::Database& db) {
    Note n = note("ada", "before");
    Models(db).notes.insert(n);
  });
  ormc::Session session(*cluster_);
  session.write([](ormc::Database&) {});
  ASSERT_TRUE(
      eventually([&] { return session.read([](ormc::Database& db) { return in_recovery(db); }); }));
  cluster_test::server("ORMC_TEST_POSTGRES_CTL", "stop");
  EXPECT_THROW(cluster_->write([](ormc::Database& db) {
    Note n = note("ada", "while down");
    Models(db).notes.insert(n);
  }),
               ormc::PrimaryUnavailable);
  EXPECT_EQ(cluster_->read([](ormc::Database& db) { return Models(db).notes.count(); }), 1);
  cluster_test::server("ORMC_TEST_POSTGRES_CTL", "start");
  cluster_->write([](ormc::Database& db) {
    Note n = note("ada", "after");
    Models(db).notes.insert(n);
  });
  EXPECT_EQ(cluster_->write([](ormc::Database& db) { return Models(db).notes.count(); }), 2);
}

TEST_F(Replica, ARestartOfEitherServerThatNoCallSawDoesNotFailTheNextCall) {
  // Connections to both servers, idle in their pools.
  cluster_->write([](ormc::Database& db) {
    Note n = note("ada", "before");
    Models(db).notes.insert(n);
  });
  ASSERT_TRUE(cluster_->read([](ormc::Database& db) { return in_recovery(db); }));
  cluster_test::server("ORMC_TEST_POSTGRES_STANDBY_CTL", "stop");
  cluster_test::server("ORMC_TEST_POSTGRES_STANDBY_CTL", "start");
  cluster_test::server("ORMC_TEST_POSTGRES_CTL", "stop");
  cluster_test::server("ORMC_TEST_POSTGRES_CTL", "start");
  // The idle connections are dead: each call begins once more on a new one, on the same server.
  cluster_->write([](ormc::Database& db) {
    Note n = note("ada", "after");
    Models(db).notes.insert(n);
  });
  EXPECT_TRUE(cluster_->read([](ormc::Database& db) { return in_recovery(db); }));
  EXPECT_EQ(cluster_->standbys_available(), 1u);
  EXPECT_EQ(cluster_->write([](ormc::Database& db) { return Models(db).notes.count(); }), 2);
}

TEST_F(Replica, AStandbyGivenAsThePrimaryIsPrimaryUnavailableAndNothingIsWritten) {
  ormc::Cluster swapped(scratch_->standby_url(), {});
  try {
    swapped.write([](ormc::Database& db) {
      Note n = note("ada", "to a standby");
      Models(db).notes.insert(n);
    });
    FAIL() << "expected ormc::PrimaryUnavailable";
  } catch (const ormc::PrimaryUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("standby"), std::string::npos) << e.what();
  }
  EXPECT_EQ(cluster_->write([](ormc::Database& db) { return Models(db).notes.count(); }), 0);
}

} // namespace
