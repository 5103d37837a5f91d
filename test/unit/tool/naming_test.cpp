// frontend::applyNamingRule(): the names a table's naming rule gives its members and itself.
#include "frontend/Naming.h"

#include <gtest/gtest.h>

namespace ormc::frontend {
namespace {

TEST(NamingRule, WordsAreFoundInSnakeAndCamelCaseAlike) {
  for (const char* name : {"unit_price", "unitPrice", "UnitPrice"}) {
    EXPECT_EQ(applyNamingRule(NamingRule::SnakeCase, name), "unit_price") << name;
    EXPECT_EQ(applyNamingRule(NamingRule::PascalCase, name), "UnitPrice") << name;
    EXPECT_EQ(applyNamingRule(NamingRule::CamelCase, name), "unitPrice") << name;
  }
  EXPECT_EQ(applyNamingRule(NamingRule::PascalCase, "HTTPRequest"), "HttpRequest");
  EXPECT_EQ(applyNamingRule(NamingRule::PascalCase, "id"), "Id");
  EXPECT_EQ(applyNamingRule(NamingRule::PascalCase, "line2_total"), "Line2Total");
  EXPECT_EQ(applyNamingRule(NamingRule::CamelCase, "InvoiceLineId"), "invoiceLineId");
}

TEST(NamingRule, UnderscoresThatBreakNoWordsStay) {
  EXPECT_EQ(applyNamingRule(NamingRule::PascalCase, "_hidden"), "_hidden");
  EXPECT_EQ(applyNamingRule(NamingRule::PascalCase, "total_"), "Total_");
  EXPECT_EQ(applyNamingRule(NamingRule::PascalCase, "a__b"), "A_B");
}

TEST(NamingRule, OnlyTheThreeRulesParse) {
  EXPECT_EQ(parseNamingRule("PascalCase"), NamingRule::PascalCase);
  EXPECT_EQ(parseNamingRule("camelCase"), NamingRule::CamelCase);
  EXPECT_EQ(parseNamingRule("snake_case"), NamingRule::SnakeCase);
  EXPECT_FALSE(parseNamingRule("pascal"));
  EXPECT_FALSE(parseNamingRule(""));
}

} // namespace
} // namespace ormc::frontend
