// PostgreSQL statements re-spelled for psycopg: parameters by name, `%` doubled, quoted text kept.
#include <gtest/gtest.h>
#include <ormc/sql/driver_parameters.hpp>
#include <ormc/sql/renderer.hpp>

namespace ormc::sql {
namespace {

TEST(PyformatParameters, ParametersAreNamedByTheirNumberAndPercentSignsDoubled) {
  EXPECT_EQ(pyformat_parameters(R"(SELECT "a" FROM "t" WHERE "b" = $1 AND "c" LIKE '5%' || $12)"),
            R"(SELECT "a" FROM "t" WHERE "b" = %(p1)s AND "c" LIKE '5%%' || %(p12)s)");
}

TEST(PyformatParameters, DollarsInQuotedNamesLiteralsAndCommentsStayText) {
  EXPECT_EQ(pyformat_parameters(R"(UPDATE "pay$1" SET "x" = 'cost $2' WHERE "k""$3" = $1)"),
            R"(UPDATE "pay$1" SET "x" = 'cost $2' WHERE "k""$3" = %(p1)s)");
  EXPECT_EQ(pyformat_parameters("SELECT 1 /* $4 */ WHERE a = $2"),
            "SELECT 1 /* $4 */ WHERE a = %(p2)s");
}

TEST(PyformatParameters, ARowTenantNumberedLastKeepsItsNumber) {
  // The SQL layer numbers the row tenant's parameter last, wherever it stands in the text.
  Fragment f;
  compare(f, identifier("k"), Comparison::equal);
  tenant_test(f.sql(" AND "), identifier("tenant"));
  compare(f.sql(" AND "), identifier("v"), Comparison::equal);
  const std::string text =
      renderer(Dialect::postgresql).render(Select{"*", identifier("t"), {f}, {}, false, false});
  const std::string named = pyformat_parameters(text);
  EXPECT_NE(named.find(R"("k" = %(p1)s)"), std::string::npos) << named;
  EXPECT_NE(named.find(R"("tenant" = %(p3)s)"), std::string::npos) << named;
  EXPECT_NE(named.find(R"("v" = %(p2)s)"), std::string::npos) << named;
}

} // namespace
} // namespace ormc::sql
