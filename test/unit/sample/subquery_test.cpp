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

TEST_P(SubqueryTest, AScalarSubqueryInSelectGivesOneValuePerRowCorrelatedWithIt) {
  // Each artist with its number of albums (0 for none).
  struct AlbumCount {
    std::int32_t artist_id;
    std::int64_t albums;
  };
  const std::vector<AlbumCount> counts =
      m->artists.query()
          .order_by(Artist_::artist_id)
          .select<AlbumCount>(
              Artist_::artist_id,
              ormc::scalar<Album>(ormc::count<Album>(), Album_::artist_id == Artist_::artist_id));
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].albums, 1);
  EXPECT_EQ(counts[1].albums, 2);
  EXPECT_EQ(counts[2].artist_id, 3);
  EXPECT_EQ(counts[2].albums, 0);
  // Each album with its longest track, among the album's conditions.
  auto longest =
      m->albums.where(Album_::album_id >= 2)
          .order_by(Album_::album_id)
          .select(Album_::album_id, ormc::scalar<Track>(ormc::max(Track_::milliseconds),
                                                        Track_::album_id == Album_::album_id));
  EXPECT_EQ(longest, (std::vector<std::tuple<std::int32_t, std::optional<std::int32_t>>>{
                         {2, 342562}, {3, 252051}}));
  // A decimal sum stays exact; an album whose lines were never sold sums to nothing.
  auto sold = m->tracks.query()
                  .order_by(Track_::track_id)
                  .select(Track_::track_id,
                          ormc::scalar<InvoiceLine>(ormc::sum(InvoiceLine_::unit_price),
                                                    InvoiceLine_::track_id == Track_::track_id));
  EXPECT_EQ(sold,
            (std::vector<std::tuple<std::int32_t, std::optional<Price>>>{{1, std::nullopt},
                                                                         {2, Price("0.99")},
                                                                         {3, Price("1.99")},
                                                                         {4, Price("0.99")},
                                                                         {5, Price("1.92")}}));
}

TEST_P(SubqueryTest, AScalarSubqueryInSelectNumbersItsParametersBeforeTheQuerys) {
  // Another query's one value in every row: its parameter (album 3) precedes the outer ones.
  auto longest_of_album_3 =
      m->tracks.where(Track_::album_id == 3).subquery(ormc::max(Track_::milliseconds));
  auto q = m->tracks.where(Track_::milliseconds > 300000).where(Track_::name != "x");
  auto rows = q.order_by(Track_::track_id)
                  .select(Track_::track_id, ormc::scalar(longest_of_album_3),
                          ormc::scalar<InvoiceLine>(ormc::count<InvoiceLine>(),
                                                    InvoiceLine_::track_id == Track_::track_id &&
                                                        InvoiceLine_::quantity > 1));
  using Row = std::tuple<std::int32_t, std::optional<std::int32_t>, std::int64_t>;
  EXPECT_EQ(rows, (std::vector<Row>{{1, 252051, 0}, {2, 252051, 0}, {5, 252051, 0}}));
  auto many = m->tracks.where(Track_::track_id < 4)
                  .order_by(Track_::track_id)
                  .select(Track_::track_id,
                          ormc::scalar<InvoiceLine>(ormc::count<InvoiceLine>(),
                                                    InvoiceLine_::track_id == Track_::track_id &&
                                                        InvoiceLine_::quantity > 1));
  EXPECT_EQ(many, (std::vector<std::tuple<std::int32_t, std::int64_t>>{{1, 0}, {2, 0}, {3, 1}}));
  // The same statement as the hook sees it: the subquery's parameter first.
  std::string seen;
  db->on_statement([&](const ormc::StatementEvent& e) { seen = e.sql; });
  q.select(Track_::track_id, ormc::scalar(longest_of_album_3));
  db->on_statement(nullptr);
  const std::string p = db->dialect() == ormc::Dialect::postgresql ? "$" : "?";
  EXPECT_EQ(seen,
            R"(SELECT "TrackId", (SELECT max("Milliseconds") FROM "Track" WHERE "AlbumId" = )" + p +
                R"(1) FROM "Track" WHERE "Milliseconds" > )" + p + R"(2 AND "Name" <> )" + p +
                R"(3 ORDER BY "TrackId")");
}

ORMC_INSTANTIATE_FOR_BACKENDS(SubqueryTest);

} // namespace
} // namespace sample
