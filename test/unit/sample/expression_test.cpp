// Column expressions on the sample's own data, both backends: `UnitPrice * Quantity` in where(),
// order_by() (keyset pages too), select() and sum(), exact to the cent; integer arithmetic
// computed as BIGINT; NULL when an operand is.
#include "sample_fixture.hpp"

#include <gtest/gtest.h>

namespace sample {
namespace {

using namespace music;
using Price = ormc::decimal<10, 2>;
using Amount = ormc::decimal<18, 2>; // what arithmetic over decimal<10, 2> gives

class ExpressionTest : public SampleTest {
protected:
  void SetUp() override {
    SampleTest::SetUp();
    load_sample(*db);
  }
  static constexpr auto line_total = InvoiceLine_::unit_price * InvoiceLine_::quantity;
};

TEST_P(ExpressionTest, ALineTotalSumsToTheInvoicesTotalExactly) {
  static_assert(std::is_same_v<decltype(line_total)::value_type, Amount>);
  for (const Invoice& invoice : m->invoices.all()) {
    std::optional<Amount> sum =
        m->invoice_lines.where(InvoiceLine_::invoice_id == invoice.invoice_id).sum(line_total);
    ASSERT_TRUE(sum);
    EXPECT_EQ(sum->units(), invoice.total.units()) << "invoice " << invoice.invoice_id;
  }
  EXPECT_EQ(m->invoice_lines.query().sum(line_total), Amount("15.84"));
  EXPECT_EQ(m->invoice_lines.query().max(line_total), Amount("11.94"));
}

TEST_P(ExpressionTest, ConditionsOrderingAndSelectTakeTheExpression) {
  EXPECT_EQ(m->invoice_lines.where(line_total > Price("5.00")).count(), 1);
  EXPECT_EQ(m->invoice_lines.where(line_total == Amount("0.99")).count(), 2);
  std::vector<InvoiceLine> ordered = m->invoice_lines.order_by(line_total.desc()).all();
  ASSERT_EQ(ordered.size(), 4u);
  EXPECT_EQ(std::tuple(ordered[0].invoice_id, ordered[0].line_number), std::tuple(2, 1));
  EXPECT_EQ(std::tuple(ordered[1].invoice_id, ordered[1].line_number), std::tuple(2, 2));
  auto rows = m->invoice_lines.where(InvoiceLine_::invoice_id == 2)
                  .order_by(InvoiceLine_::line_number)
                  .select(InvoiceLine_::line_number, line_total);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::get<1>(rows[0]), Amount("11.94"));
  EXPECT_EQ(std::get<1>(rows[1]), Amount("1.92"));
  EXPECT_NE(m->invoice_lines.query()
                .order_by(line_total)
                .sql(db->dialect())
                .find(R"(ORDER BY round(("UnitPrice" * "Quantity"), 2))"),
            std::string::npos);
}

TEST_P(ExpressionTest, KeysetPagesFollowAnExpressionsOrder) {
  auto pages = m->invoice_lines.order_by(line_total).limit(1);
  std::vector<std::tuple<std::int32_t, std::int32_t>> seen;
  for (std::vector<InvoiceLine> page = pages.all(); !page.empty();
       page = pages.after(page.back()).all())
    seen.emplace_back(page[0].invoice_id, page[0].line_number);
  std::vector<std::tuple<std::int32_t, std::int32_t>> expected{{1, 1}, {1, 2}, {2, 2}, {2, 1}};
  EXPECT_EQ(seen, expected);
}

TEST_P(ExpressionTest, IntegersAreComputedAsBigintAndNullPropagates) {
  // 343719 * 343719 is past 2^31: PostgreSQL's INTEGER arithmetic would fail on it.
  auto squared = Track_::milliseconds * Track_::milliseconds;
  static_assert(std::is_same_v<decltype(squared)::value_type, std::int64_t>);
  EXPECT_EQ(m->tracks.where(squared > std::int64_t{100'000'000'000}).count(), 3);
  auto with_album = Track_::album_id + Track_::milliseconds;
  static_assert(std::is_same_v<decltype(with_album)::value_type, std::optional<std::int64_t>>);
  auto values = m->tracks.query().order_by(Track_::track_id).select(with_album);
  ASSERT_EQ(values.size(), 5u);
  EXPECT_EQ(std::get<0>(values[0]), 343720);
  EXPECT_EQ(std::get<0>(values[4]), std::nullopt);
  EXPECT_EQ(m->tracks.where(with_album.is_null()).count(), 1);
}

ORMC_INSTANTIATE_FOR_BACKENDS(ExpressionTest);

} // namespace
} // namespace sample
