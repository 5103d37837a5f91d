// Vector columns (ormc:vector) on both backends: exact round trips of std::vector<float> and
// std::array<float, N>, the storage other writers are held to, validation of the dimension and
// of finite floats, and nearest() by each metric, checked against the same search in C++ over
// the same floats. Model: models/embeddings.hpp.
#include "backend_fixture.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace unit {
namespace {

using VectorColumnTest = BackendTest;

Passage passage(std::string lang, std::vector<float> embedding,
                std::optional<std::array<float, 3>> position = std::nullopt) {
  return {
      .id = 0, .lang = std::move(lang), .embedding = std::move(embedding), .position = position};
}

/// How far `a` is from `b` by `metric`, in double precision as both backends compute it.
double distance(const std::vector<float>& a, const std::vector<float>& b, ormc::Metric metric) {
  double squared = 0, product = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double x = a[i], y = b[i];
    squared += (x - y) * (x - y);
    product += x * y;
    aa += x * x;
    bb += y * y;
  }
  switch (metric) {
  case ormc::Metric::l2:
    return std::sqrt(squared);
  case ormc::Metric::cosine:
    return 1 - product / (std::sqrt(aa) * std::sqrt(bb));
  case ormc::Metric::inner_product:
    return -product;
  }
  return 0;
}

std::vector<float> random_vector(std::mt19937& random, std::size_t n) {
  std::uniform_real_distribution<float> value(-1, 1);
  std::vector<float> out(n);
  for (float& f : out)
    f = value(random);
  return out;
}

TEST_P(VectorColumnTest, VectorsAndArraysRoundTripEveryFloatExactly) {
  const std::vector<float> exact = {0.1f,   -2.5f, 3.4028235e38f, -1.17549435e-38f,
                                    1e-45f, 0.0f,  -0.0f,         123456.789f};
  Passage a = passage("en", exact, std::array<float, 3>{1.0f / 3, -7.25f, 1e-30f});
  Passage b = passage("de", std::vector<float>(8, 0.5f));
  m->passages.insert(a);
  m->passages.insert(b);
  std::optional<Passage> back = m->passages.get(a.id);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->embedding.size(), 8u);
  for (std::size_t i = 0; i < exact.size(); ++i)
    EXPECT_EQ(std::bit_cast<std::uint32_t>(back->embedding[i]),
              std::bit_cast<std::uint32_t>(exact[i]))
        << "float " << i; // the same bits: -0 stays -0
  EXPECT_EQ(back->position, a.position);
  EXPECT_EQ(m->passages.get(b.id)->position, std::nullopt);
  // A bulk update writes a whole vector.
  m->passages.where(Passage_::id == b.id)
      .update(Passage_::position.set(std::array<float, 3>{4, 5, 6}));
  EXPECT_EQ(m->passages.get(b.id)->position, (std::array<float, 3>{4, 5, 6}));
}

TEST_P(VectorColumnTest, TheColumnHoldsItsDimensionOfFloatsForEveryWriter) {
  Passage a = passage("en", std::vector<float>(8, 1.0f));
  m->passages.insert(a);
  if (on_postgres()) {
    EXPECT_EQ(stored("SELECT pg_typeof(\"embedding\")::text FROM \"passage\""), "real[]");
    EXPECT_THROW(db->execute("UPDATE \"passage\" SET \"embedding\" = '{1,2,3}'"),
                 ormc::CheckViolation);
    EXPECT_THROW(db->execute("UPDATE \"passage\" SET \"embedding\" = '{1,2,3,4,5,6,7,NULL}'"),
                 ormc::CheckViolation);
    EXPECT_THROW(db->execute("UPDATE \"passage\" SET \"embedding\" = '{{1,2,3,4},{5,6,7,8}}'"),
                 ormc::CheckViolation);
  } else {
    EXPECT_EQ(stored("SELECT typeof(\"embedding\") || length(\"embedding\") FROM \"passage\""),
              "blob32");
    EXPECT_THROW(db->execute("UPDATE \"passage\" SET \"embedding\" = x'0000803f'"),
                 ormc::CheckViolation);
  }
  EXPECT_EQ(m->passages.get(a.id)->embedding, std::vector<float>(8, 1.0f));
}

TEST_P(VectorColumnTest, AVectorOfAnotherDimensionOrWithANaNIsRefusedBeforeAnySql) {
  Passage short_one = passage("en", std::vector<float>(7, 1.0f));
  try {
    m->passages.insert(short_one);
    ADD_FAILURE() << "a vector of 7 floats was stored in a column of 8";
  } catch (const ormc::ValidationError& e) {
    ASSERT_EQ(e.violations().size(), 1u);
    EXPECT_EQ(e.violations()[0].member, "embedding");
    EXPECT_EQ(e.violations()[0].message, "must hold 8 floats");
  }
  std::vector<float> nan(8, 0.0f);
  nan[3] = std::numeric_limits<float>::quiet_NaN();
  Passage with_nan =
      passage("en", nan, std::array<float, 3>{0, std::numeric_limits<float>::infinity(), 0});
  try {
    m->passages.insert(with_nan);
    ADD_FAILURE() << "a NaN was stored";
  } catch (const ormc::ValidationError& e) {
    ASSERT_EQ(e.violations().size(), 2u);
    EXPECT_EQ(e.violations()[0].message, "must hold finite floats");
    EXPECT_EQ(e.violations()[1].member, "position");
  }
  EXPECT_EQ(m->passages.count(), 0);
}

TEST_P(VectorColumnTest, NearestFindsTheSameRowsAsASearchInCppByEveryMetric) {
  std::mt19937 random(20261205);
  std::vector<Passage> rows;
  for (int i = 0; i < 300; ++i) {
    Passage p = passage(i % 3 == 0 ? "de" : "en", random_vector(random, 8));
    rows.push_back(p);
  }
  m->passages.insert_all(rows); // keys filled in
  const std::vector<float> query = random_vector(random, 8);
  for (ormc::Metric metric :
       {ormc::Metric::l2, ormc::Metric::cosine, ormc::Metric::inner_product}) {
    // The 10 nearest English rows, by brute force.
    std::vector<std::pair<double, std::int64_t>> expected;
    for (const Passage& p : rows)
      if (p.lang == "en") expected.emplace_back(distance(p.embedding, query, metric), p.id);
    std::sort(expected.begin(), expected.end());
    expected.resize(10);
    std::vector<Passage> found = m->passages.where(Passage_::lang == "en")
                                     .nearest(Passage_::embedding, query, 10, metric)
                                     .all();
    ASSERT_EQ(found.size(), 10u) << static_cast<int>(metric);
    for (std::size_t i = 0; i < found.size(); ++i)
      EXPECT_EQ(found[i].id, expected[i].second)
          << "rank " << i << ", metric " << static_cast<int>(metric);
  }
  // A k beyond the rows gives every row; the table's own nearest() is the query's.
  EXPECT_EQ(m->passages.nearest(Passage_::embedding, query, 1000).count(), 300);
  EXPECT_EQ(m->passages.nearest(Passage_::embedding, query, 1).first()->id,
            m->passages.query().nearest(Passage_::embedding, query, 5).all().front().id);
}

TEST_P(VectorColumnTest, RowsWithoutAVectorComeLastAndMisuseIsAUsageError) {
  Passage near = passage("en", std::vector<float>(8, 0.0f), std::array<float, 3>{1, 0, 0});
  Passage far = passage("en", std::vector<float>(8, 0.0f), std::array<float, 3>{9, 9, 9});
  Passage none = passage("en", std::vector<float>(8, 0.0f));
  m->passages.insert(none);
  m->passages.insert(far);
  m->passages.insert(near);
  const std::array<float, 3> origin{0, 0, 0};
  auto found = m->passages.nearest(Passage_::position, origin, 3).all();
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].id, near.id);
  EXPECT_EQ(found[1].id, far.id);
  EXPECT_EQ(found[2].id, none.id);
  // By cosine a zero vector has no direction: it comes last, as a row without one.
  const std::vector<float> unit_x = {1, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(m->passages.nearest(Passage_::embedding, unit_x, 3, ormc::Metric::cosine).count(), 3);

  const std::vector<float> wrong(5, 1.0f);
  try {
    m->passages.nearest(Passage_::embedding, wrong, 3);
    ADD_FAILURE() << "a vector of 5 floats was searched for in a column of 8";
  } catch (const ormc::UsageError& e) {
    EXPECT_STREQ(e.what(), "nearest() on column \"embedding\": the vector searched for has 5 "
                           "floats, the column 8");
  }
  EXPECT_THROW(m->passages.nearest(Passage_::embedding, unit_x, 0), ormc::UsageError);
  auto q = m->passages.nearest(Passage_::embedding, unit_x, 2);
  EXPECT_THROW(q.after(near), ormc::UsageError);
  EXPECT_THROW(q.nearest(Passage_::embedding, unit_x, 2), ormc::UsageError);
  EXPECT_THROW(q.group_by(Passage_::lang), ormc::UsageError);
  // The distance is the first ORDER BY term, its vector a parameter after WHERE's.
  const std::string sql = m->passages.where(Passage_::lang == "en")
                              .nearest(Passage_::embedding, unit_x, 2)
                              .sql(db->dialect());
  EXPECT_NE(sql.find(on_postgres() ? "ORDER BY (SELECT sqrt(sum((a::float8 - b) * (a::float8 - "
                                     "b))) FROM unnest(\"embedding\", $2::real[])"
                                   : "ORDER BY ormc_l2_distance(\"embedding\", ?2)"),
            std::string::npos)
      << sql;
}

ORMC_INSTANTIATE_FOR_BACKENDS(VectorColumnTest);

} // namespace
} // namespace unit
