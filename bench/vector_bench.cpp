// Exact top-10 nearest vectors (Euclidean) over N embeddings of 384 floats: nearest() on SQLite
// and on PostgreSQL's REAL[], against a loop in C++ over the same floats in memory, whose cost is
// bound by memory bandwidth. Each search's rows must be the loop's (an error otherwise); the
// ratio to the loop and the cost per vector are printed.
//   ormc_vector_bench      sizes: ORMC_BENCH_VECTORS (100000), ORMC_BENCH_REPETITIONS (3);
//                          PostgreSQL: ORMC_BENCH_POSTGRES_URL or ORMC_TEST_POSTGRES_URL.
#include "bench_support.hpp"
#include "ratio_reporter.hpp"
#include "schema.ormc.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <ormc/ormc.hpp>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace bench {
namespace {

constexpr std::size_t kDimension = 384;
constexpr std::int64_t kTop = 10;

/// The embeddings, the same every run, one array of N x 384 floats, and the vector searched for.
struct Workload {
  std::size_t n = env_size("ORMC_BENCH_VECTORS", 100000);
  std::vector<float> floats;
  std::vector<float> query;
  std::vector<std::int64_t> expected; // the loop's top 10 keys (1-based: insertion order)

  Workload() {
    std::mt19937 random(384);
    std::normal_distribution<float> value(0, 1);
    floats.resize(n * kDimension);
    for (float& f : floats)
      f = value(random);
    query.resize(kDimension);
    for (float& f : query)
      f = value(random);
    expected = loop_top();
  }

  /// The hand-written search: every vector's distance in double precision (as the databases
  /// compute it), the 10 smallest kept.
  std::vector<std::int64_t> loop_top() const {
    std::vector<std::pair<double, std::int64_t>> best;
    best.reserve(kTop + 1);
    for (std::size_t row = 0; row < n; ++row) {
      const float* v = &floats[row * kDimension];
      double sum = 0;
      for (std::size_t i = 0; i < kDimension; ++i) {
        const double d = static_cast<double>(v[i]) - query[i];
        sum += d * d;
      }
      if (best.size() < kTop || sum < best.back().first) {
        auto at = std::upper_bound(best.begin(), best.end(), std::make_pair(sum, std::int64_t{0}));
        best.insert(at, {sum, static_cast<std::int64_t>(row) + 1});
        if (best.size() > kTop) best.pop_back();
      }
    }
    std::vector<std::int64_t> keys;
    for (const auto& [distance, key] : best)
      keys.push_back(key);
    return keys;
  }

  void load(ormc::Database& db) const {
    Models m(db);
    m.drop_schema();
    m.create_schema();
    std::vector<Chunk> rows(n);
    for (std::size_t row = 0; row < n; ++row)
      rows[row].embedding.assign(&floats[row * kDimension], &floats[(row + 1) * kDimension]);
    ormc::Transaction tx(db);
    m.chunks.insert_all(rows);
    tx.commit();
  }
};

const Workload& workload() {
  static const Workload w;
  return w;
}

void report(benchmark::State& state, const std::vector<std::int64_t>& keys) {
  const Workload& w = workload();
  if (keys != w.expected) state.SkipWithError("the top 10 differ from the loop's");
  // Vectors per nanosecond, inverted: nanoseconds per vector.
  state.counters["ns_per_vector"] = benchmark::Counter(
      static_cast<double>(w.n) / 1e9,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void loop(benchmark::State& state) {
  std::vector<std::int64_t> keys;
  for (auto _ : state)
    keys = workload().loop_top();
  report(state, keys);
}

void search(benchmark::State& state, ormc::Database& db) {
  const Workload& w = workload();
  Models m(db);
  std::vector<std::int64_t> keys;
  for (auto _ : state) {
    keys.clear();
    for (const Chunk& c : m.chunks.nearest(Chunk_::embedding, w.query, kTop).all())
      keys.push_back(c.id);
  }
  report(state, keys);
}

/// A database holding the workload, loaded on first use and kept for every repetition.
ormc::Database& loaded(const std::string& url) {
  static std::map<std::string, std::unique_ptr<ormc::Database>> databases;
  std::unique_ptr<ormc::Database>& db = databases[url];
  if (!db) {
    db = std::make_unique<ormc::Database>(url);
    workload().load(*db);
  }
  return *db;
}

void sqlite_nearest(benchmark::State& state) {
  static const std::string path =
      (std::filesystem::temp_directory_path() / "ormc-vector-bench.db").string();
  static const bool fresh = [] {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path + suffix);
    return true;
  }();
  (void)fresh;
  search(state, loaded("sqlite:" + path));
}

void postgres_nearest(benchmark::State& state) {
  if (postgres_url().empty()) {
    state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
    return;
  }
  search(state, loaded(postgres_url()));
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  benchmark::Initialize(&argc, argv);
  workload(); // made (and the loop's answer found) before anything is timed
  const int reps = static_cast<int>(env_size("ORMC_BENCH_REPETITIONS", 3));
  add("vector/top10/loop", loop, reps);
  add("vector/top10/sqlite", sqlite_nearest, reps);
  add("vector/top10/postgresql", postgres_nearest, reps);
  RatioReporter reporter({
      {"vector/top10/sqlite", "vector/top10/loop", 0, "(exact scan; same top 10 checked)"},
      {"vector/top10/postgresql", "vector/top10/loop", 0, "(REAL[]; same top 10 checked)"},
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
