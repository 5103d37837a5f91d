// ormc::decimal, the exact value type for NUMERIC(p, s) columns.
#include <gtest/gtest.h>
#include <ormc/decimal.hpp>
#include <ormc/error.hpp>

namespace {
using Price = ormc::decimal<10, 2>;

TEST(Decimal, ParsesAndPrintsExactly) {
  EXPECT_EQ(Price("12.34").units(), 1234);
  EXPECT_EQ(Price("-0.5").units(), -50);
  EXPECT_EQ(Price("+7").units(), 700);
  EXPECT_EQ(Price("0.990").units(), 99); // trailing zeros beyond the scale are exact
  EXPECT_EQ(Price("00012.30").to_string(), "12.30");
  EXPECT_EQ(Price::from_units(-5).to_string(), "-0.05");
  EXPECT_EQ(Price("99999999.99").units(), Price::max_units);
  using Whole = ormc::decimal<3, 0>;
  using Micro = ormc::decimal<6, 6>;
  EXPECT_EQ(Whole("-123").to_string(), "-123");
  EXPECT_EQ(Micro("0.000001").to_string(), "0.000001");
}

TEST(Decimal, RefusesWhatItCannotHoldExactly) {
  for (const char* text :
       {"", "-", ".", "1.234", "123456789.00", "1e3", "1,5", " 1", "1.2.3", "NaN", "0x10"})
    EXPECT_THROW(Price{text}, ormc::DataError) << text;
  EXPECT_THROW(Price::from_units(Price::max_units + 1), ormc::DataError);
  EXPECT_THROW(Price("99999999.99") + Price("0.01"), ormc::DataError);
  EXPECT_THROW(Price(100'000'000), ormc::DataError);
}

TEST(Decimal, ArithmeticAndOrderAreExact) {
  Price sum;
  for (int i = 0; i < 10; ++i)
    sum += Price("0.10");
  EXPECT_EQ(sum, Price("1.00")); // ten dimes are a dollar, unlike ten 0.1 doubles
  EXPECT_EQ(Price("0.99") * 3, Price("2.97"));
  EXPECT_EQ(Price("1.00") - Price("2.50"), Price("-1.50"));
  EXPECT_LT(Price("9.99"), Price("10.00"));
  EXPECT_GT(Price("-0.01"), Price("-0.02"));
  EXPECT_DOUBLE_EQ(Price("0.25").to_double(), 0.25);
}

} // namespace
