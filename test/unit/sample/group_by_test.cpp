// Grouped queries on the sample's own data, both backends: GROUP BY with count, sum, avg, min
// and max over columns and expressions (decimals exact to the cent), HAVING, the groups'
// order and limit, NULL groups and NULL aggregates, into tuples and named structs.
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

namespace sample {
namespace {

using namespace music;
using Price = ormc::decimal<10, 2>;
using Amount = ormc::decimal<18, 2>; // what arithmetic over decimal<10, 2> gives

class GroupByTest : public SampleTest {
protected:
  void SetUp() override {
    SampleTest::SetUp();
    load_sample(*db);
  }
  static constexpr auto line_total = InvoiceLine_::unit_price * InvoiceLine_::quantity;
};

struct InvoiceSum {
  std::int32_t invoice_id = 0;
  std::int64_t lines = 0;
  Amount total;
};

TEST_P(GroupByTest, EachInvoicesLinesSumToItsTotalExactly) {
  std::vector<InvoiceSum> sums =
      m->invoice_lines.query()
          .group_by(InvoiceLine_::invoice_id)
          .order_by(ormc::sum(line_total).desc())
          .select<InvoiceSum>(InvoiceLine_::invoice_id, ormc::count<InvoiceLine>(),
                              ormc::sum(line_total));
  ASSERT_EQ(sums.size(), 2u);
  EXPECT_EQ(sums[0].invoice_id, 2); // 11.94 + 1.92, the larger
  EXPECT_EQ(sums[0].lines, 2);
  EXPECT_EQ(sums[0].total, Amount("13.86"));
  EXPECT_EQ(sums[1].invoice_id, 1);
  EXPECT_EQ(sums[1].total, Amount("1.98"));
  for (const InvoiceSum& s : sums) // as the invoices' own totals say
    EXPECT_EQ(s.total.units(), m->invoices.get(s.invoice_id)->total.units());
}

TEST_P(GroupByTest, HavingFiltersGroupsAndWhereFiltersTheirRows) {
  auto quantity = ormc::sum(InvoiceLine_::quantity);
  static_assert(std::is_same_v<decltype(quantity)::value_type, std::int64_t>);
  auto by_invoice = m->invoice_lines.query().group_by(InvoiceLine_::invoice_id);
  auto big = by_invoice.having(ormc::count<InvoiceLine>() >= 2 && quantity > 2)
                 .select(InvoiceLine_::invoice_id, quantity);
  EXPECT_EQ(big, (std::vector<std::tuple<std::int32_t, std::int64_t>>{{2, 7}}));
  // HAVING over the grouped column, and arithmetic over aggregates.
  auto extra = by_invoice.having(InvoiceLine_::invoice_id == 1)
                   .select(InvoiceLine_::invoice_id, quantity - ormc::count<InvoiceLine>());
  EXPECT_EQ(extra, (std::vector<std::tuple<std::int32_t, std::int64_t>>{{1, 0}}));

  // where() chooses the rows before they are grouped: only lines above 1.00.
  auto dear = m->invoice_lines.where(InvoiceLine_::unit_price > Price("1.00"))
                  .group_by(InvoiceLine_::invoice_id)
                  .select(InvoiceLine_::invoice_id, ormc::count<InvoiceLine>(),
                          ormc::min(InvoiceLine_::unit_price), ormc::max(InvoiceLine_::unit_price));
  ASSERT_EQ(dear.size(), 1u);
  EXPECT_EQ(dear[0], std::tuple(2, std::int64_t{2}, Price("1.92"), Price("1.99")));
}

TEST_P(GroupByTest, ANullGroupAndNullAggregatesAreRead) {
  // Track 5 has no album: its own group, ordered last; album 2's one track has no composer.
  auto albums = m->tracks.query()
                    .group_by(Track_::album_id)
                    .order_by(Track_::album_id)
                    .select(Track_::album_id, ormc::count<Track>(), ormc::count(Track_::composer),
                            ormc::max(Track_::composer), ormc::avg(Track_::milliseconds));
  using Row = std::tuple<std::optional<std::int32_t>, std::int64_t, std::int64_t,
                         std::optional<std::string>, double>;
  static_assert(std::is_same_v<decltype(albums), std::vector<Row>>);
  ASSERT_EQ(albums.size(), 4u);
  EXPECT_EQ(std::get<0>(albums[1]), 2);
  EXPECT_EQ(std::get<2>(albums[1]), 0);
  EXPECT_EQ(std::get<3>(albums[1]), std::nullopt);
  EXPECT_EQ(std::get<0>(albums[2]), 3);
  EXPECT_EQ(std::get<1>(albums[2]), 2);
  EXPECT_DOUBLE_EQ(std::get<4>(albums[2]), (230619.0 + 252051.0) / 2);
  EXPECT_EQ(std::get<0>(albums[3]), std::nullopt);
  EXPECT_EQ(std::get<1>(albums[3]), 1);
}

TEST_P(GroupByTest, LimitAndOffsetApplyToTheGroups) {
  auto refunds = m->refunds.query()
                     .group_by(Refund_::invoice_id)
                     .order_by(ormc::sum(Refund_::quantity).desc())
                     .limit(2);
  auto top = refunds.select(Refund_::invoice_id, ormc::sum(Refund_::quantity));
  using Row = std::tuple<std::optional<std::int32_t>, std::int64_t>;
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0], Row(2, 3));
  EXPECT_EQ(std::get<1>(top[1]), 1); // one of the groups of 1 (invoice 1, or no invoice)
  auto rest = refunds.offset(2).select(Refund_::invoice_id);
  EXPECT_EQ(rest.size(), 1u);
}

TEST_P(GroupByTest, TheSqlGroupsFiltersAndOrdersAndOrderingRowsFirstIsRefused) {
  std::string sql = m->invoice_lines.where(InvoiceLine_::quantity > 0)
                        .group_by(InvoiceLine_::invoice_id, InvoiceLine_::track_id)
                        .having(ormc::count<InvoiceLine>() > 1)
                        .order_by(ormc::count<InvoiceLine>().desc())
                        .limit(3)
                        .sql(db->dialect(), InvoiceLine_::invoice_id, ormc::count<InvoiceLine>());
  std::string p = db->dialect() == ormc::Dialect::postgresql ? "$" : "?";
  EXPECT_EQ(sql, R"(SELECT "InvoiceId", count(*) FROM "InvoiceLine" WHERE "Quantity" > )" + p +
                     R"(1 GROUP BY "InvoiceId", "TrackId" HAVING count(*) > )" + p +
                     "2 ORDER BY count(*) DESC LIMIT " + p + "3");
  // An order or a limit before group_by() would apply to rows SQL then groups: refused.
  EXPECT_THROW(m->tracks.order_by(Track_::name).group_by(Track_::album_id), ormc::UsageError);
  EXPECT_THROW(m->tracks.query().limit(1).group_by(Track_::album_id), ormc::UsageError);
}

ORMC_INSTANTIATE_FOR_BACKENDS(GroupByTest);

} // namespace
} // namespace sample
