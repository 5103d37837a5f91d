// Composite primary keys, on tables ormc creates: every operation by key takes the whole tuple,
// in declaration order, and a key the database already holds is refused like any other.
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

namespace sample {
namespace {

using namespace std::chrono;
using namespace music;
using Price = ormc::decimal<10, 2>;

class CompositeKeyTest : public SampleTest {
protected:
  void SetUp() override {
    SampleTest::SetUp();
    m->create_schema();
    for (std::int32_t id : {1, 2, 3}) {
      Track t;
      t.track_id = id;
      t.name = "track " + std::to_string(id);
      m->tracks.insert(t);
    }
    for (std::int32_t id : {1, 2}) {
      Invoice i;
      i.invoice_id = id;
      i.invoice_date = sys_days(2009y / January / id);
      m->invoices.insert(i);
    }
  }

  InvoiceLine line(std::int32_t invoice, std::int32_t number, std::int32_t track, int quantity) {
    InvoiceLine l{.invoice_id = invoice,
                  .line_number = number,
                  .track_id = track,
                  .unit_price = Price("0.99"),
                  .quantity = quantity};
    m->invoice_lines.insert(l);
    return l;
  }
};

TEST_P(CompositeKeyTest, GetUpdateAndRemoveTakeTheWholeKey) {
  line(1, 1, 1, 1);
  line(1, 2, 2, 2);
  line(2, 1, 3, 3);
  std::optional<InvoiceLine> got = m->invoice_lines.get({1, 2});
  ASSERT_TRUE(got);
  EXPECT_EQ(got->track_id, 2);
  EXPECT_FALSE(m->invoice_lines.get({2, 2}));

  got->quantity = 7;
  m->invoice_lines.update(*got);
  EXPECT_EQ(m->invoice_lines.get({1, 2})->quantity, 7);
  EXPECT_EQ(m->invoice_lines.get({1, 1})->quantity, 1); // same invoice, other line: untouched
  EXPECT_EQ(m->invoice_lines.get({2, 1})->quantity, 3);

  InvoiceLine missing = *got;
  missing.line_number = 9;
  EXPECT_THROW(m->invoice_lines.update(missing), ormc::NotFound);

  EXPECT_TRUE(m->invoice_lines.remove({1, 1}));
  EXPECT_FALSE(m->invoice_lines.remove({1, 1}));
  EXPECT_TRUE(m->invoice_lines.remove(*got));
  EXPECT_EQ(m->invoice_lines.count(), 1);
  EXPECT_TRUE(m->invoice_lines.get({2, 1}));
}

TEST_P(CompositeKeyTest, AKeyAlreadyStoredIsAUniqueViolation) {
  line(1, 1, 1, 1);
  InvoiceLine again{
      .invoice_id = 1, .line_number = 1, .track_id = 2, .unit_price = {}, .quantity = 2};
  EXPECT_THROW(m->invoice_lines.insert(again), ormc::UniqueViolation);
  again.line_number = 2; // one column of the key differs: another row
  m->invoice_lines.insert(again);
  EXPECT_EQ(m->invoice_lines.count(), 2);
}

TEST_P(CompositeKeyTest, GetManyTakesTuplesAndReturnsRowsInKeyOrder) {
  line(2, 1, 3, 3);
  line(1, 2, 2, 2);
  line(1, 1, 1, 1);
  std::vector<InvoiceLine> rows = m->invoice_lines.get_many({{2, 1}, {1, 1}, {3, 3}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::tuple(rows[0].invoice_id, rows[0].line_number), std::tuple(1, 1));
  EXPECT_EQ(std::tuple(rows[1].invoice_id, rows[1].line_number), std::tuple(2, 1));
  EXPECT_TRUE(
      m->invoice_lines.get_many(std::vector<std::tuple<std::int32_t, std::int32_t>>{}).empty());
  std::vector<InvoiceLine> all = m->invoice_lines.all(); // ordered by the whole key
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].line_number, 2);
}

TEST_P(CompositeKeyTest, UpsertByKeyWritesOverTheRowWithTheSameTuple) {
  line(1, 1, 1, 1);
  InvoiceLine over{
      .invoice_id = 1, .line_number = 1, .track_id = 3, .unit_price = Price("5.00"), .quantity = 4};
  m->invoice_lines.upsert(over);
  InvoiceLine fresh{
      .invoice_id = 1, .line_number = 2, .track_id = 2, .unit_price = {}, .quantity = 1};
  m->invoice_lines.upsert(fresh);
  EXPECT_EQ(m->invoice_lines.count(), 2);
  std::optional<InvoiceLine> got = m->invoice_lines.get({1, 1});
  EXPECT_EQ(got->track_id, 3);
  EXPECT_EQ(got->unit_price, Price("5.00"));
  EXPECT_EQ(got->quantity, 4);
}

TEST_P(CompositeKeyTest, KeysetPagesBreakTiesOnEveryKeyColumn) {
  // Every line has the same price: the key's two columns alone order the pages.
  for (std::int32_t invoice : {2, 1})
    for (std::int32_t number : {3, 1, 2})
      line(invoice, number, 1, number);
  auto pages = m->invoice_lines.order_by(InvoiceLine_::unit_price).limit(2);
  std::vector<std::tuple<std::int32_t, std::int32_t>> seen;
  std::vector<InvoiceLine> page = pages.all();
  while (!page.empty()) {
    for (const InvoiceLine& l : page)
      seen.emplace_back(l.invoice_id, l.line_number);
    page = pages.after(page.back()).all();
  }
  std::vector<std::tuple<std::int32_t, std::int32_t>> expected{{1, 1}, {1, 2}, {1, 3},
                                                               {2, 1}, {2, 2}, {2, 3}};
  EXPECT_EQ(seen, expected);
}

TEST_P(CompositeKeyTest, AJoinModelLinksBothSidesOfAManyToMany) {
  Playlist rock{.playlist_id = 1, .name = "rock"};
  Playlist empty{.playlist_id = 2, .name = std::nullopt};
  m->playlists.insert(rock);
  m->playlists.insert(empty);
  m->playlist_tracks.insert_all(std::vector<PlaylistTrack>{{1, 3}, {1, 1}});
  std::vector<Track> tracks = m->playlists.tracks(rock).order_by(Track_::track_id).all();
  ASSERT_EQ(tracks.size(), 2u);
  EXPECT_EQ(tracks[0].track_id, 1);
  EXPECT_EQ(tracks[1].track_id, 3);
  EXPECT_EQ(m->tracks.playlists(*m->tracks.get(3)).count(), 1);
  EXPECT_TRUE(m->playlist_tracks.remove({1, 3}));
  EXPECT_EQ(m->playlists.tracks(rock).count(), 1);
  EXPECT_EQ(m->playlists.tracks(empty).count(), 0);
}

TEST_P(CompositeKeyTest, AValueThatDoesNotFitNamesTheModelAndTheWholeKey) {
  line(2, 5, 1, 1);
  if (on_postgres())
    db->execute("ALTER TABLE \"InvoiceLine\" ALTER COLUMN \"Quantity\" TYPE BIGINT");
  db->execute("UPDATE \"InvoiceLine\" SET \"Quantity\" = 5000000000");
  std::string message = unit::data_error_of([&] { m->invoice_lines.get({2, 5}); });
  EXPECT_NE(message.find("music::InvoiceLine with key (2, 5)"), std::string::npos) << message;
  EXPECT_NE(message.find("column 4 (Quantity)"), std::string::npos) << message;
}

TEST_P(CompositeKeyTest, AForeignKeyToACompositeKeyLeadsBothWays) {
  InvoiceLine first = line(1, 1, 1, 1);
  InvoiceLine second = line(1, 2, 2, 1);
  InvoiceLine other = line(2, 1, 3, 1); // same line number, another invoice
  m->refunds.insert_all(std::vector<Refund>{
      {1, 1, 2, 1}, {2, 1, 2, 2}, {3, 2, 1, 1}, {4, std::nullopt, std::nullopt, 1}});
  std::optional<InvoiceLine> refunded = m->refunds.invoice_line(*m->refunds.get(1));
  ASSERT_TRUE(refunded);
  EXPECT_EQ(std::tuple(refunded->invoice_id, refunded->line_number), std::tuple(1, 2));
  EXPECT_FALSE(m->refunds.invoice_line(*m->refunds.get(4))); // references no line

  std::vector<Refund> of_second =
      m->invoice_lines.refunds(second).order_by(Refund_::refund_id).all();
  ASSERT_EQ(of_second.size(), 2u);
  EXPECT_EQ(of_second[0].refund_id, 1);
  EXPECT_EQ(of_second[1].refund_id, 2);
  EXPECT_EQ(m->invoice_lines.refunds(first).count(), 0);
  EXPECT_EQ(m->invoice_lines.refunds(other).count(), 1);

  // Whole result sets, one statement each way.
  std::vector<Refund> all_refunds = m->refunds.all();
  std::vector<InvoiceLine> all_lines = m->invoice_lines.all();
  int statements = 0;
  db->on_statement([&](const ormc::StatementEvent&) { ++statements; });
  auto lines = m->refunds.load_invoice_line(all_refunds);
  auto refunds = m->invoice_lines.load_refunds(all_lines);
  db->on_statement(nullptr);
  EXPECT_EQ(statements, 2);
  EXPECT_EQ(lines.size(), 2u);
  ASSERT_TRUE(lines.find({2, 1}));
  EXPECT_EQ(lines.find({2, 1})->track_id, 3);
  EXPECT_FALSE(lines.find({1, 1}));
  EXPECT_EQ(refunds.size(), 3u); // the refund of no line belongs to none
  EXPECT_EQ(refunds.of({1, 2}).size(), 2u);
  EXPECT_EQ(refunds.of({2, 1}).size(), 1u);
  EXPECT_EQ(refunds.of({1, 1}).size(), 0u);
}

TEST_P(CompositeKeyTest, TheDatabaseHoldsACompositeForeignKeyToItsWholeKey) {
  line(1, 1, 1, 1);
  line(2, 2, 1, 1);
  // Each column names a line that exists, but not together: (1, 2) is no line.
  Refund crossed{.refund_id = 1, .invoice_id = 1, .line_number = 2, .quantity = 1};
  EXPECT_THROW(m->refunds.insert(crossed), ormc::ForeignKeyViolation);
  crossed.line_number = 1;
  m->refunds.insert(crossed);
  // on_delete = cascade: removing the line removes its refunds, and only those.
  Refund kept{.refund_id = 2, .invoice_id = 2, .line_number = 2, .quantity = 1};
  m->refunds.insert(kept);
  EXPECT_TRUE(m->invoice_lines.remove({1, 1}));
  EXPECT_FALSE(m->refunds.get(1));
  EXPECT_TRUE(m->refunds.get(2));
}

ORMC_INSTANTIATE_FOR_BACKENDS(CompositeKeyTest);

} // namespace
} // namespace sample
