// Range-for over a query reads in constant memory: the heap's peak while iterating 10x more rows
// stays the same. mallinfo2() counts every malloc in the process, SQLite's and libpq's included.
#include "backend_fixture.hpp"

#include <cstdio>
#include <malloc.h>

namespace unit {
namespace {

class Streaming : public BackendTest {
protected:
  void add_rows(int n) {
    for (int done = 0; done < n;) { // in slices, so the test itself stays small in memory
      std::vector<AllTypes> rows(static_cast<std::size_t>(std::min(n - done, 50000)));
      for (AllTypes& row : rows) {
        row.text = std::string(100, 'x'); // ~150 bytes a row on the wire
        row.i64 = ++inserted;
      }
      m->all_types.insert_all(rows);
      done += static_cast<int>(rows.size());
    }
  }

  /// Heap in use at the most, above what was in use when iteration started.
  std::size_t peak_heap_while_iterating(std::int64_t& rows_seen) {
    std::size_t before = mallinfo2().uordblks, peak = before;
    rows_seen = 0;
    for (const AllTypes& row : m->all_types.query()) {
      rows_seen += row.i64 > 0;
      if ((rows_seen & 255) == 0) peak = std::max(peak, mallinfo2().uordblks);
    }
    return peak - before;
  }

  std::int64_t inserted = 0;
};

TEST_P(Streaming, PeakMemoryDoesNotGrowWithTheNumberOfRows) {
  add_rows(10000);
  std::int64_t seen_small = 0, seen_large = 0;
  std::size_t small = peak_heap_while_iterating(seen_small);
  add_rows(990000);
  std::size_t large = peak_heap_while_iterating(seen_large);
  EXPECT_EQ(seen_small, 10000);
  EXPECT_EQ(seen_large, 1000000);
  std::printf(
      "[ measured ] peak heap while iterating: 10,000 rows %zu KiB, 1,000,000 rows %zu KiB\n",
      small / 1024, large / 1024);
  // 1,000,000 rows are ~150 MB of data; reading them must cost what reading 10,000 did.
  EXPECT_LT(large, small + 256 * 1024) << "small " << small << " large " << large;
  EXPECT_LT(large, 4u * 1024 * 1024) << "large " << large;
}

TEST_P(Streaming, BreakingOutOfTheLoopEarlyLeavesTheConnectionUsable) {
  add_rows(3000);
  int n = 0;
  for (const AllTypes& row : m->all_types.query()) {
    if (++n == 1500 || row.id < 0) break;
  }
  EXPECT_EQ(m->all_types.count(), 3000);
  ormc::in_transaction(*db, [&] { // a cursor inside a transaction, left early too
    int k = 0;
    for (const AllTypes& row : m->all_types.where(AllTypes_::i64 > 10)) {
      if (++k == 5 || row.id < 0) break;
    }
  });
  EXPECT_EQ(db->transaction_depth(), 0);
  EXPECT_EQ(m->all_types.where(AllTypes_::i64 > 10).count(), 2990);
}

TEST_P(Streaming, WritingWhileIteratingOutsideATransaction) {
  add_rows(2500);
  int updated = 0;
  for (const AllTypes& row : m->all_types.query()) {
    if (row.i64 % 1000 == 0) {
      AllTypes copy = row;
      copy.text = "seen";
      m->all_types.update(copy);
      ++updated;
    }
  }
  EXPECT_EQ(updated, 2);
  EXPECT_EQ(m->all_types.where(AllTypes_::text == "seen").count(), 2); // committed as it went
}

ORMC_INSTANTIATE_FOR_BACKENDS(Streaming);

} // namespace
} // namespace unit
