// Pool: 8 threads writing through their own leased connections lose and duplicate nothing.
#include "backend_fixture.hpp"

#include <atomic>
#include <ormc/pool.hpp>
#include <set>
#include <thread>

namespace unit {
namespace {

class PoolTest : public SharedDatabaseTest {};

TEST_P(PoolTest, EightThreadsWritingConcurrentlyLoseNothing) {
  ormc::Pool pool(url, 4);
  constexpr int threads = 8, per_thread = 100;
  std::atomic<int> errors{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        try {
          auto db = pool.acquire();
          Models m(*db);
          Setting s{.key = std::to_string(t) + "/" + std::to_string(i), .value = "v"};
          m.settings.insert(s);
        } catch (const std::exception&) {
          ++errors;
        }
      }
    });
  for (std::thread& w : workers)
    w.join();
  EXPECT_EQ(errors, 0);
  EXPECT_LE(pool.opened(), 4u);
  auto db = pool.acquire();
  Models m(*db);
  std::vector<Setting> all = m.settings.all();
  std::set<std::string> keys;
  for (const Setting& s : all)
    keys.insert(s.key);
  EXPECT_EQ(all.size(), static_cast<std::size_t>(threads * per_thread));
  EXPECT_EQ(keys.size(), all.size());
}

TEST_P(PoolTest, AcquireWaitsAndTimesOutWhenAllAreLentOut) {
  ormc::Pool pool(url, 1);
  auto held = pool.acquire();
  EXPECT_THROW(pool.acquire(std::chrono::milliseconds(50)), ormc::PoolTimeout);
  std::thread releaser([lease = std::move(held)]() mutable {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto gone = std::move(lease); // returned when this scope ends
  });
  auto next = pool.acquire(std::chrono::seconds(30));
  releaser.join();
  EXPECT_EQ(pool.opened(), 1u);
}

// `ormc::Transaction tx(*pool.acquire());` returned the connection at once, and the next
// borrower's work ran inside that transaction and was rolled back with it.
template <class P>
concept DereferencesTemporaryLease = requires(P& pool) {
  *pool.acquire();
};
static_assert(!DereferencesTemporaryLease<ormc::Pool>,
              "dereferencing a temporary lease must not compile");

TEST_P(PoolTest, AConnectionReturnedInsideATransactionIsRolledBackAndRetired) {
  ormc::Pool pool(url, 1);
  auto lease = std::make_unique<ormc::Pool::Lease>(pool.acquire());
  ormc::Database& abandoned = **lease;
  auto tx = std::make_unique<ormc::Transaction>(abandoned);
  Setting inside{"inside", "1"};
  Models(abandoned).settings.insert(inside);
  lease.reset(); // back to the pool with the transaction open
  EXPECT_EQ(pool.abandoned_transactions(), 1u);
  {
    auto next = pool.acquire();
    EXPECT_EQ(next->transaction_depth(), 0);
    Setting after{"after", "2"};
    Models(*next).settings.insert(after); // autocommit: stays
  }
  EXPECT_THROW(tx->commit(), ormc::TransactionAborted); // its work is gone: commit says so
  tx.reset();
  auto check = pool.acquire();
  Models seen(*check);
  EXPECT_FALSE(seen.settings.get("inside"));
  EXPECT_TRUE(seen.settings.get("after"));
}

TEST_P(PoolTest, AFailedConnectFreesItsSlot) {
  ormc::Pool bad("sqlite:/nonexistent-dir/x.db", 1);
  EXPECT_THROW(bad.acquire(), ormc::ConnectionError);
  EXPECT_THROW(bad.acquire(std::chrono::milliseconds(100)), ormc::ConnectionError); // not a timeout
}

ORMC_INSTANTIATE_FOR_BACKENDS(PoolTest);

} // namespace
} // namespace unit
