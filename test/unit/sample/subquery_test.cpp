// Subqueries on the sample's own data, both backends: in() over another query's column (also
// negated, grouped with HAVING, limited), and a comparison with one aggregate value; the
// subquery's parameters numbered among the outer query's.
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

namespace sample {
namespace {

using namespace music;
using Price = ormc::decimal<10, 2>;

class SubqueryTest : public SampleTest {
protected:
  void SetUp() override {
    SampleTest::SetUp();
    load_sample(*db);
  }
  std::vector<std::int32_t> ids(const std::vector<Track>& tracks) {
    std::vector<std::int32_t> out;
    for (const Track& t : tracks)
      out.push_back(t.track_id);
    return out;
  }
};

TEST_P(SubqueryTest, InTakesAnotherQuerysColumnAndNegates) {
  auto sold_many = m->invoice_lines.where(InvoiceLine_::quantity > 1);
  EXPECT_EQ(
      ids(m->tracks.where(Track_::track_id.in(sold_many.subquery(InvoiceLine_::track_id))).all()),
      std::vector<std::int32_t>{3});
  auto sold = m->invoice_lines.query().subquery(InvoiceLine_::track_id);
  EXPECT_EQ(ids(m->tracks.where(!Track_::track_id.in(sold)).all()), std::vector<std::int32_t>{1});
  // A nullable column beside a non-null one: the refunds of lines of invoice 2.
  auto of_invoice_2 = m->invoices.where(Invoice_::invoice_id == 2).subquery(Invoice_::invoice_id);
  EXPECT_EQ(m->refunds.where(Refund_::invoice_id.in(of_invoice_2)).count(), 2);
}

TEST_P(SubqueryTest, AGroupedSubqueryGivesOneValuePerGroup) {
  auto busy = m->invoice_lines.query()
                  .group_by(InvoiceLine_::invoice_id)
                  .having(ormc::sum(InvoiceLine_::quantity) > 2)
                  .subquery(InvoiceLine_::invoice_id);
  std::vector<Invoice> invoices = m->invoices.where(Invoice_::invoice_id.in(busy)).all();
  ASSERT_EQ(invoices.size(), 1u);
  EXPECT_EQ(invoices[0].invoice_id, 2);
}

TEST_P(SubqueryTest, AComparisonTakesOneAggregateValue) {
  auto dearest = m->tracks.query().subquery(ormc::max(Track_::unit_price));
  EXPECT_EQ(ids(m->tracks.where(Track_::unit_price == dearest).all()),
            std::vector<std::int32_t>{5});
  auto shortest_of_album_1 =
      m->tracks.where(Track_::album_id == 1).subquery(ormc::min(Track_::milliseconds));
  EXPECT_EQ(ids(m->tracks.where(Track_::milliseconds > shortest_of_album_1).all()),
            std::vector<std::int32_t>{5});
  EXPECT_EQ(m->tracks.where(Track_::unit_price < dearest).count(), 4);
}

TEST_P(SubqueryTest, ParametersAreNumberedAcrossTheOuterAndInnerQueries) {
  // Outer values before and after the subquery's; the subquery limited (so ordered by key).
  auto first_two =
      m->invoice_lines.where(InvoiceLine_::quantity >= 1).limit(2).subquery(InvoiceLine_::track_id);
  auto q = m->tracks.where(Track_::milliseconds > 0 && Track_::track_id.in(first_two))
               .where(Track_::name.like("%"));
  EXPECT_EQ(ids(q.all()), (std::vector<std::int32_t>{2, 4}));
  EXPECT_EQ(q.count(), 2);
  std::string sql = q.sql(db->dialect());
  std::string p = db->dialect() == ormc::Dialect::postgresql ? "$" : "?";
  EXPECT_NE(sql.find(R"("TrackId" IN (SELECT "TrackId" FROM "InvoiceLine" WHERE "Quantity" >= )" +
                     p + "2 ORDER BY \"InvoiceId\", \"LineNumber\" LIMIT " + p + "3)"),
            std::string::npos)
      << sql;
  // A subquery with no rows: in() matches nothing.
  EXPECT_EQ(m->tracks
                .where(Track_::track_id.in(
                    m->invoice_lines.where(InvoiceLine_::unit_price > Price("100.00"))
                        .subquery(InvoiceLine_::track_id)))
                .count(),
            0);
}

TEST_P(SubqueryTest, ExistsCorrelatesAnotherModelsRowsWithEachRowOfTheQuery) {
  // The artists with an album, and the one without (NOT EXISTS).
  auto with_album = m->artists.where(ormc::exists<Album>(Album_::artist_id == Artist_::artist_id))
                        .order_by(Artist_::artist_id)
                        .select(Artist_::artist_id);
  EXPECT_EQ(with_album, (std::vector<std::tuple<std::int32_t>>{{1}, {2}}));
  auto without = m->artists.where(!ormc::exists<Album>(Album_::artist_id == Artist_::artist_id))
                     .select(Artist_::artist_id);
  EXPECT_EQ(without, (std::vector<std::tuple<std::int32_t>>{{3}}));
  // Values inside the subquery are numbered among the outer query's: before and after it.
  auto titled = m->artists.where(Artist_::artist_id > 0)
                    .where(ormc::exists<Album>(Album_::artist_id == Artist_::artist_id &&
                                               Album_::title.like("%Wild%")))
                    .where(Artist_::name != "nobody")
                    .select(Artist_::name);
  EXPECT_EQ(titled, (std::vector<std::tuple<std::optional<std::string>>>{{"Accept"}}));
  // The tracks on a line of invoice 1.
  auto sold = m->tracks
                  .where(ormc::exists<InvoiceLine>(InvoiceLine_::track_id == Track_::track_id &&
                                                   InvoiceLine_::invoice_id == 1))
                  .order_by(Track_::track_id)
                  .select(Track_::track_id);
  EXPECT_EQ(sold, (std::vector<std::tuple<std::int32_t>>{{2}, {4}}));
  EXPECT_NE(
      m->artists.where(ormc::exists<Album>(Album_::artist_id == Artist_::artist_id))
          .sql(db->dialect())
          .find(R"(EXISTS (SELECT 1 FROM "Album" WHERE "Album"."ArtistId" = "Artist"."ArtistId"))"),
      std::string::npos);
}

ORMC_INSTANTIATE_FOR_BACKENDS(SubqueryTest);

} // namespace
} // namespace sample
