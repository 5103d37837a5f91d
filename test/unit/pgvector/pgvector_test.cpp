// storage=pgvector against a live PostgreSQL: run only where the server lists the `vector`
// extension (Debian 12 packages none); elsewhere each test is skipped with a line that says so.
// Round trips, the HNSW index of the DDL, and nearest() by each metric against a loop in C++
// (with too few rows for the index to be chosen over an exact scan).
#include "schema.ormc.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

namespace pgv {
namespace {

std::string server_url() {
  const char* url = std::getenv("ORMC_TEST_POSTGRES_URL");
  return url ? url : "";
}

class PgvectorTest : public testing::Test {
protected:
  void SetUp() override {
    if (server_url().empty()) GTEST_SKIP() << "PGVECTOR TESTS NOT RUN: no ORMC_TEST_POSTGRES_URL";
    db = std::make_unique<ormc::Database>(server_url());
    std::int64_t available = 0;
    db->with_connection([&](auto& conn) {
      auto s = conn.prepare("SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'");
      if (s->step()) s->read(0, available);
    });
    if (available == 0)
      GTEST_SKIP() << "PGVECTOR TESTS NOT RUN: this PostgreSQL does not list the 'vector' "
                      "extension (pgvector); storage=pgvector is tested by its DDL only";
    db->execute("DROP SCHEMA IF EXISTS ormc_pgvector_test CASCADE");
    db->execute("CREATE SCHEMA ormc_pgvector_test");
    // Every connection in the test's schema (the extension's type stays in public).
    db = std::make_unique<ormc::Database>(server_url() +
                                          "?options=-csearch_path%3Dormc_pgvector_test,public");
    m = std::make_unique<Models>(*db);
    m->create_schema();
  }
  void TearDown() override {
    if (m) db->execute("DROP SCHEMA IF EXISTS ormc_pgvector_test CASCADE");
  }

  std::unique_ptr<ormc::Database> db;
  std::unique_ptr<Models> m;
};

TEST_F(PgvectorTest, VectorsRoundTripAndTheIndexIsPgvectors) {
  Snippet s{0, {0.5f, -1.25f, 3e-7f, 1e20f}, {1.5f, -2}};
  m->snippets.insert(s);
  std::optional<Snippet> back = m->snippets.get(s.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->embedding, s.embedding);
  EXPECT_EQ(back->point, s.point);
  std::string method;
  db->with_connection([&](auto& conn) {
    auto q = conn.prepare("SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = "
                          "i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE c.relname = "
                          "'idx_snippet_embedding'");
    if (q->step()) q->read(0, method);
  });
  EXPECT_EQ(method, "hnsw");
}

TEST_F(PgvectorTest, NearestUsesPgvectorsOperatorsAndFindsTheLoopsRows) {
  std::mt19937 random(7);
  std::uniform_real_distribution<float> value(-1, 1);
  std::vector<Snippet> rows(50);
  for (Snippet& s : rows)
    s.embedding = {value(random), value(random), value(random), value(random)};
  m->snippets.insert_all(rows);
  db->execute("SET enable_indexscan = off"); // exact: the rows a loop finds
  const std::vector<float> q = {0.1f, 0.2f, -0.3f, 0.4f};
  for (ormc::Metric metric :
       {ormc::Metric::l2, ormc::Metric::cosine, ormc::Metric::inner_product}) {
    std::vector<std::pair<double, std::int64_t>> expected;
    for (const Snippet& s : rows) {
      double sq = 0, dot = 0, aa = 0, bb = 0;
      for (int i = 0; i < 4; ++i) {
        sq += (double(s.embedding[i]) - q[i]) * (double(s.embedding[i]) - q[i]);
        dot += double(s.embedding[i]) * q[i];
        aa += double(s.embedding[i]) * s.embedding[i];
        bb += double(q[i]) * q[i];
      }
      double d = metric == ormc::Metric::l2       ? std::sqrt(sq)
                 : metric == ormc::Metric::cosine ? 1 - dot / std::sqrt(aa * bb)
                                                  : -dot;
      expected.emplace_back(d, s.id);
    }
    std::sort(expected.begin(), expected.end());
    std::vector<Snippet> found = m->snippets.nearest(Snippet_::embedding, q, 5, metric).all();
    ASSERT_EQ(found.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i)
      EXPECT_EQ(found[i].id, expected[i].second) << static_cast<int>(metric) << " rank " << i;
  }
  EXPECT_NE(m->snippets.nearest(Snippet_::embedding, q, 5)
                .sql(ormc::Dialect::postgresql)
                .find("\"embedding\" <-> $1::vector"),
            std::string::npos);
}

} // namespace
} // namespace pgv
