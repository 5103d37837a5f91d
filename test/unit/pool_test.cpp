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

TEST_P(PoolTest, AFailedConnectFreesItsSlot) {
  ormc::Pool bad("sqlite:/nonexistent-dir/x.db", 1);
  EXPECT_THROW(bad.acquire(), ormc::ConnectionError);
  EXPECT_THROW(bad.acquire(std::chrono::milliseconds(100)), ormc::ConnectionError); // not a timeout
}

ORMC_INSTANTIATE_FOR_BACKENDS(PoolTest);

} // namespace
} // namespace unit
