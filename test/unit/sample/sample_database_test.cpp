// The issue's "done means": a schema made elsewhere — PascalCase names, dates as text (SQLite) or
// TIMESTAMP (PostgreSQL), NUMERIC prices, application-assigned keys, composite keys — created
// and filled by its own SQL, read back through generated code with every value exact, and
// written back through generated code leaving the database as its own script made it.
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

namespace sample {
namespace {

using namespace std::chrono;
using namespace music;
using Price = ormc::decimal<10, 2>;

using SampleDatabaseTest = SampleTest;

TEST_P(SampleDatabaseTest, EveryRowReadsBackThroughGeneratedCodeWithExactValues) {
  load_sample(*db);
  EXPECT_EQ(m->artists.count(), 3);
  EXPECT_EQ(m->albums.all().size(), 3u);
  EXPECT_EQ(m->playlists.all().size(), 3u);
  EXPECT_EQ(m->playlist_tracks.all().size(), 5u);
  EXPECT_EQ(m->employees.all().size(), 2u);
  EXPECT_EQ(m->invoices.all().size(), 2u);
  EXPECT_EQ(m->invoice_lines.all().size(), 4u);
  EXPECT_EQ(m->refunds.all().size(), 4u);

  std::vector<Track> tracks = m->tracks.all();
  ASSERT_EQ(tracks.size(), 5u);
  EXPECT_EQ(tracks[0].name, "For Those About To Rock (We Salute You)");
  EXPECT_EQ(tracks[0].unit_price, Price("0.99"));
  EXPECT_EQ(tracks[1].composer, std::nullopt);
  EXPECT_EQ(tracks[3].unit_price, Price("1.00")); // SQLite keeps this one as an INTEGER
  EXPECT_EQ(tracks[4].unit_price, Price("10.05"));
  EXPECT_EQ(tracks[4].album_id, std::nullopt);
  EXPECT_EQ(tracks[2].milliseconds, 230619);
  EXPECT_EQ(m->artists.get(3)->name, std::nullopt);

  std::optional<Employee> nancy = m->employees.get(2);
  ASSERT_TRUE(nancy);
  EXPECT_EQ(nancy->birth_date, std::nullopt);
  EXPECT_EQ(nancy->hire_date, sys_days(2002y / May / 1) + hours(9) + minutes(30) + seconds(15));
  EXPECT_EQ(m->employees.get(1)->birth_date, sys_days(1962y / February / 18));
  EXPECT_EQ(m->invoices.get(2)->invoice_date, sys_days(2009y / January / 2) + seconds(86399));
  EXPECT_EQ(m->invoices.query().sum(Invoice_::total), Price("15.84"));

  std::optional<InvoiceLine> line = m->invoice_lines.get({2, 1});
  ASSERT_TRUE(line);
  EXPECT_EQ(line->track_id, 3);
  EXPECT_EQ(line->unit_price, Price("1.99"));
  EXPECT_EQ(line->quantity, 6);
  EXPECT_EQ(m->invoice_lines.where(InvoiceLine_::invoice_id == 1).sum(InvoiceLine_::unit_price),
            Price("1.98"));
}

TEST_P(SampleDatabaseTest, RelationsFollowTheSchemasOwnKeysAndTheJoinModel) {
  load_sample(*db);
  Album balls = *m->albums.get(2);
  EXPECT_EQ(m->albums.artist(balls)->name, "Accept");
  EXPECT_EQ(m->artists.albums(*m->artists.get(2)).count(), 2);
  std::vector<Track> heavy =
      m->playlists.tracks(*m->playlists.get(2)).order_by(Track_::track_id).all();
  ASSERT_EQ(heavy.size(), 2u);
  EXPECT_EQ(heavy[0].track_id, 1);
  EXPECT_EQ(heavy[1].track_id, 5);
  std::vector<Playlist> lists = m->playlists.all();
  auto linked = m->playlists.load_tracks(lists);
  EXPECT_EQ(linked.of(1).size(), 3u);
  EXPECT_EQ(linked.of(3).size(), 0u);
  EXPECT_EQ(m->tracks.playlists(*m->tracks.get(1)).count(), 2);
}

TEST_P(SampleDatabaseTest, RowsWrittenBackThroughGeneratedCodeLeaveTheDataAsItsOwnScriptMadeIt) {
  load_sample(*db);
  const std::vector<std::string> loaded = dump(*db);
  ASSERT_EQ(loaded.size(), 3u + 2 + 3 + 5 + 3 + 5 + 2 + 2 + 4 + 4);

  // Every row read and written over itself, through update() and upsert().
  for (Artist& row : m->artists.all())
    m->artists.update(row);
  for (Genre& row : m->genres.all())
    m->genres.upsert(row);
  for (Album& row : m->albums.all())
    m->albums.upsert(row);
  for (Track& row : m->tracks.all())
    m->tracks.update(row);
  for (Playlist& row : m->playlists.all())
    m->playlists.update(row);
  for (PlaylistTrack& row : m->playlist_tracks.all())
    m->playlist_tracks.upsert(row);
  for (Employee& row : m->employees.all())
    m->employees.update(row);
  for (Invoice& row : m->invoices.all())
    m->invoices.update(row);
  for (InvoiceLine& row : m->invoice_lines.all())
    m->invoice_lines.update(row);
  for (Refund& row : m->refunds.all())
    m->refunds.upsert(row);
  EXPECT_EQ(dump(*db), loaded);

  // Every row copied into an empty database made by the same script, through insert_all().
  unit::ScratchDatabase copy(GetParam());
  load_sample(*copy.db, false);
  music::Models into(*copy.db);
  into.artists.insert_all(m->artists.all());
  for (Genre& row : m->genres.all()) // a key the sequence assigns: upsert() keeps the row's
    into.genres.upsert(row);         // own, where insert would draw a new one
  into.albums.insert_all(m->albums.all());
  into.tracks.insert_all(m->tracks.all());
  into.playlists.insert_all(m->playlists.all());
  into.playlist_tracks.insert_all(m->playlist_tracks.all());
  into.employees.insert_all(m->employees.all());
  into.invoices.insert_all(m->invoices.all());
  into.invoice_lines.insert_all(m->invoice_lines.all());
  into.refunds.insert_all(m->refunds.all());
  EXPECT_EQ(dump(*copy.db), loaded);
}

TEST_P(SampleDatabaseTest, TheSchemasOwnSequenceAssignsNewKeys) {
  // PostgreSQL: "GenreSeq" (START 100), which the rows loaded with explicit keys left alone;
  // SQLite: the rowid, past the largest key.
  load_sample(*db);
  const std::int32_t first = on_postgres() ? 100 : 3;
  Genre blues{.genre_id = 0, .name = "Blues"};
  m->genres.insert(blues);
  EXPECT_EQ(blues.genre_id, first);
  std::vector<Genre> many(70); // COPY on PostgreSQL: keys reserved from the named sequence
  m->genres.insert_all(many);
  for (std::size_t i = 0; i < many.size(); ++i)
    EXPECT_EQ(many[i].genre_id, first + 1 + static_cast<std::int32_t>(i));
  Genre explicit_key{.genre_id = 500, .name = "Metal"};
  m->genres.upsert(explicit_key); // a key written by hand: the sequence moves past it
  Genre next{.genre_id = 0, .name = "Pop"};
  m->genres.insert(next);
  EXPECT_EQ(next.genre_id, 501);
  EXPECT_EQ(m->genres.count(), 2 + 1 + 70 + 2);
}

TEST_P(SampleDatabaseTest, ADumpSeesAChangedValue) {
  // The dump compares what is stored, storage class included: a price stored as text differs.
  load_sample(*db);
  const std::vector<std::string> loaded = dump(*db);
  Track one = *m->tracks.get(1);
  one.unit_price = Price("0.98");
  m->tracks.update(one);
  EXPECT_NE(dump(*db), loaded);
}

/// The differences check_schema() finds in foreign keys and indexes. (The sample's models keep
/// ormc's own column types, which the script's NVARCHAR and DATETIME are not.)
std::vector<std::string> key_differences(music::Models& m) {
  std::vector<std::string> out;
  try {
    m.check_schema();
  } catch (const ormc::SchemaMismatch& e) {
    for (const std::string& d : e.differences())
      if (d.find("foreign key") != std::string::npos || d.find("index") != std::string::npos)
        out.push_back(d);
  }
  return out;
}

TEST_P(SampleDatabaseTest, TheSchemasOwnForeignKeysAreTheModels) {
  load_sample(*db);
  // The script's composite foreign key and its index are the models' ORMC_REFERENCES.
  EXPECT_EQ(key_differences(*m), std::vector<std::string>{});

  // The same table without its composite foreign key is a difference, named column by column.
  db->execute(R"(DROP TABLE "Refund")");
  db->execute(
      R"(CREATE TABLE "Refund" ("RefundId" INTEGER PRIMARY KEY NOT NULL, "InvoiceId" INTEGER,
      "LineNumber" INTEGER, "Quantity" INTEGER NOT NULL))");
  db->execute(R"(CREATE INDEX "IFK_RefundInvoiceLine" ON "Refund" ("InvoiceId", "LineNumber"))");
  std::vector<std::string> expected = {
      R"(table "Refund", column "InvoiceId": foreign key to InvoiceLine(InvoiceId) missing)",
      R"(table "Refund", column "LineNumber": foreign key to InvoiceLine(LineNumber) missing)"};
  EXPECT_EQ(key_differences(*m), expected);
}

ORMC_INSTANTIATE_FOR_BACKENDS(SampleDatabaseTest);

} // namespace
} // namespace sample
