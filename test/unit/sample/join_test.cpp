// Joins on the sample's own data, both backends: inner and left joins along declared foreign
// keys (either way) and on explicit conditions (a composite foreign key), three models in one
// statement, conditions and order over any joined model with columns of the same name in
// several tables, results into tuples, pairs and named structs, count, limit and the SQL.
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

namespace sample {
namespace {

using namespace music;

class JoinTest : public SampleTest {
protected:
  void SetUp() override {
    SampleTest::SetUp();
    load_sample(*db);
  }
};

TEST_P(JoinTest, AnInnerJoinAlongTheForeignKeyReadsBothModelsOfEachRow) {
  std::vector<std::tuple<Album, Artist>> rows =
      m->albums.join<Artist>().order_by(Album_::album_id).all();
  ASSERT_EQ(rows.size(), 3u);
  auto& [album, artist] = rows[0];
  EXPECT_EQ(album.album_id, 1);
  EXPECT_EQ(album.title, "For Those About To Rock We Salute You");
  EXPECT_EQ(artist.artist_id, 1);
  EXPECT_EQ(artist.name, "AC/DC");
  for (const auto& [a, b] : rows)
    EXPECT_EQ(a.artist_id, b.artist_id) << a.title;
  EXPECT_EQ(std::get<1>(rows[2]).name, "Accept");
}

TEST_P(JoinTest, AJoinFromTheReferencedSideFindsTheSameForeignKey) {
  auto rows = m->artists.join<Album>().all(); // ordered by each table's key
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(std::get<0>(rows[0]).artist_id, 1);
  EXPECT_EQ(std::get<1>(rows[1]).album_id, 2);
  EXPECT_EQ(std::get<1>(rows[2]).album_id, 3);
  EXPECT_EQ(std::get<0>(rows[2]).artist_id, 2);
}

TEST_P(JoinTest, ALeftJoinKeepsRowsWithNoMatchAsAnEmptyOptional) {
  std::vector<std::pair<Artist, std::optional<Album>>> rows =
      m->artists.left_join<Album>().all<std::pair<Artist, std::optional<Album>>>();
  ASSERT_EQ(rows.size(), 4u); // AC/DC's one album, Accept's two, the nameless artist's none
  EXPECT_EQ(rows[0].second->title, "For Those About To Rock We Salute You");
  EXPECT_EQ(rows[3].first.artist_id, 3);
  EXPECT_EQ(rows[3].first.name, std::nullopt);
  EXPECT_FALSE(rows[3].second.has_value());
  EXPECT_EQ(m->artists.left_join<Album>().where(is_null(Album_::album_id)).count(), 1);
}

TEST_P(JoinTest, ConditionsAndOrderTakeColumnsOfEitherModelQualifiedByTheirTable) {
  // ArtistId is a column of both tables: each condition names its own.
  auto accept =
      m->albums.join<Artist>().where(Artist_::artist_id == 2 && Album_::title.like("%Wild%")).all();
  ASSERT_EQ(accept.size(), 1u);
  EXPECT_EQ(std::get<0>(accept[0]).album_id, 3);

  auto either = m->albums.join<Artist>()
                    .where(Artist_::name == "AC/DC" || Album_::album_id == 2)
                    .order_by(Artist_::name.desc(), Album_::title)
                    .select(Album_::album_id, Artist_::name);
  EXPECT_EQ(either, (std::vector<std::tuple<std::int32_t, std::optional<std::string>>>{
                        {2, "Accept"}, {1, "AC/DC"}}));
}

struct TrackAndArtist {
  std::string track;
  std::optional<std::string> artist;
};

TEST_P(JoinTest, ThreeModelsJoinOnAnExplicitConditionAndAForeignKeyIntoANamedStruct) {
  std::vector<TrackAndArtist> rows = m->tracks.join<Album>(Track_::album_id == Album_::album_id)
                                         .join<Artist>()
                                         .where(Artist_::name == "Accept")
                                         .order_by(Track_::track_id)
                                         .select<TrackAndArtist>(Track_::name, Artist_::name);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].track, "Balls to the Wall");
  EXPECT_EQ(rows[2].track, "Restless and Wild");
  EXPECT_EQ(rows[2].artist, "Accept");

  // An invoice line of a track with no album keeps its track, with no album.
  auto lines = m->invoice_lines.join<Track>().left_join<Album>().all();
  ASSERT_EQ(lines.size(), 4u);
  const auto& [line, track, album] = lines[3];
  EXPECT_EQ(line.invoice_id, 2);
  EXPECT_EQ(line.line_number, 2);
  EXPECT_EQ(track.track_id, 5);
  EXPECT_FALSE(album.has_value());
  EXPECT_EQ(std::get<2>(lines[0])->album_id, 2);
}

TEST_P(JoinTest, ACompositeForeignKeyJoinsOnBothColumns) {
  auto rows = m->refunds
                  .join<InvoiceLine>(Refund_::invoice_id == InvoiceLine_::invoice_id &&
                                     Refund_::line_number == InvoiceLine_::line_number)
                  .select(Refund_::refund_id, InvoiceLine_::track_id);
  // Refund 4 refers to no line and is not joined.
  EXPECT_EQ(rows, (std::vector<std::tuple<std::int32_t, std::int32_t>>{{1, 3}, {2, 3}, {3, 4}}));
}

TEST_P(JoinTest, ValuesInTheJoinConditionAndInWhereAreNumberedInOrder) {
  // A left-joined model's columns are optional: empty where the row has none.
  std::vector<std::tuple<std::int32_t, std::optional<std::string>>> rows =
      m->artists
          .left_join<Album>(Album_::artist_id == Artist_::artist_id && Album_::title.like("B%"))
          .where(Artist_::artist_id != 1)
          .order_by(Artist_::artist_id)
          .select(Artist_::artist_id, Album_::title);
  EXPECT_EQ(rows, (std::vector<std::tuple<std::int32_t, std::optional<std::string>>>{
                      {2, "Balls to the Wall"}, {3, std::nullopt}}));
}

TEST_P(JoinTest, CountLimitAndOffsetApplyToTheJoinedRows) {
  auto accept = m->albums.join<Artist>().where(Artist_::name == "Accept");
  EXPECT_EQ(accept.count(), 2);
  auto second = accept.order_by(Album_::album_id).limit(1).offset(1).all();
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(std::get<0>(second[0]).album_id, 3);
  EXPECT_EQ(accept.limit(1).count(), 1);
  EXPECT_THROW(accept.limit(-1), ormc::UsageError);
  EXPECT_FALSE(accept.explain().empty());
}

TEST_P(JoinTest, TheSqlQualifiesEveryColumnByItsTable) {
  EXPECT_EQ(m->albums.join<Artist>().where(Artist_::name == "x").sql(ormc::Dialect::sqlite),
            "SELECT \"Album\".\"AlbumId\", \"Album\".\"Title\", \"Album\".\"ArtistId\", "
            "\"Artist\".\"ArtistId\", \"Artist\".\"Name\" FROM \"Album\" JOIN \"Artist\" ON "
            "\"Album\".\"ArtistId\" = \"Artist\".\"ArtistId\" WHERE \"Artist\".\"Name\" = ?1 "
            "ORDER BY \"Album\".\"AlbumId\", \"Artist\".\"ArtistId\"");
}

TEST_P(JoinTest, AJoinGroupsByAnyJoinedModelsColumnsWithAggregatesOverAnother) {
  // The tracks of each artist, through their albums (track 5 has no album: not joined).
  struct ArtistTracks {
    std::optional<std::string> artist;
    std::int64_t tracks;
    std::int64_t ms;
  };
  auto by_artist = m->tracks.join<Album>().join<Artist>().group_by(Artist_::name);
  const std::vector<ArtistTracks> all =
      by_artist.order_by(Artist_::name)
          .select<ArtistTracks>(Artist_::name, ormc::count<Track>(),
                                ormc::sum(Track_::milliseconds));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].artist, "AC/DC");
  EXPECT_EQ(all[0].tracks, 1);
  EXPECT_EQ(all[0].ms, 343719);
  EXPECT_EQ(all[1].artist, "Accept");
  EXPECT_EQ(all[1].tracks, 3);
  EXPECT_EQ(all[1].ms, 342562 + 230619 + 252051);
  // HAVING over an aggregate of one model, ordered by an aggregate.
  auto busy = by_artist.having(ormc::count<Track>() >= 2)
                  .order_by(ormc::sum(Track_::milliseconds).desc())
                  .select(Artist_::name, ormc::max(Track_::milliseconds));
  EXPECT_EQ(busy, (std::vector<std::tuple<std::optional<std::string>, std::int32_t>>{
                      {"Accept", 342562}}));
}

TEST_P(JoinTest, ALeftJoinsGroupsCountNothingAndAggregateToEmptyWhereTheModelIsMissing) {
  auto rows =
      m->artists.left_join<Album>()
          .group_by(Artist_::artist_id)
          .order_by(Artist_::artist_id)
          .select(Artist_::artist_id, ormc::count(Album_::album_id), ormc::max(Album_::title));
  using Row = std::tuple<std::int32_t, std::int64_t, std::optional<std::string>>;
  EXPECT_EQ(rows, (std::vector<Row>{{1, 1, "For Those About To Rock We Salute You"},
                                    {2, 2, "Restless and Wild"},
                                    {3, 0, std::nullopt}}));
  // Grouped by a left-joined model's column: the rows without one are a group of their own.
  auto by_album = m->artists.left_join<Album>()
                      .group_by(Album_::artist_id)
                      .order_by(Album_::artist_id)
                      .select(Album_::artist_id, ormc::count<Artist>());
  EXPECT_EQ(by_album, (std::vector<std::tuple<std::optional<std::int32_t>, std::int64_t>>{
                          {1, 1}, {2, 2}, {std::nullopt, 1}}));
}

TEST_P(JoinTest, AGroupedJoinNumbersWhereHavingAndLimitInOrderAndOrdersOnlyAfterGrouping) {
  auto grouped = m->tracks.join<Album>()
                     .where(Track_::milliseconds > 1)
                     .group_by(Album_::artist_id)
                     .having(ormc::sum(Track_::milliseconds) > 400000)
                     .limit(5);
  EXPECT_EQ(grouped.select(Album_::artist_id), (std::vector<std::tuple<std::int32_t>>{{2}}));
  EXPECT_EQ(grouped.sql(ormc::Dialect::postgresql, Album_::artist_id, ormc::count<Track>()),
            "SELECT \"Album\".\"ArtistId\", count(*) FROM \"Track\" JOIN \"Album\" ON "
            "\"Track\".\"AlbumId\" = \"Album\".\"AlbumId\" WHERE \"Track\".\"Milliseconds\" > $1 "
            "GROUP BY \"Album\".\"ArtistId\" HAVING sum(\"Track\".\"Milliseconds\") > $2 LIMIT $3");
  EXPECT_THROW(m->tracks.join<Album>().order_by(Track_::name).group_by(Album_::artist_id),
               ormc::UsageError);
  EXPECT_THROW(m->tracks.join<Album>().limit(2).group_by(Album_::artist_id), ormc::UsageError);
}

INSTANTIATE_TEST_SUITE_P(Backends, JoinTest, testing::ValuesIn(unit::backend_urls()),
                         unit::backend_name);

} // namespace
} // namespace sample
