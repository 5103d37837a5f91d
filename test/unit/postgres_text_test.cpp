// The text forms PostgreSQL values travel in (runtime/src/postgres/text.cpp).
#include "postgres/text.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <ormc/error.hpp>

namespace ormc::postgres::text {
namespace {

TEST(PostgresText, TimestampsFormatInUtcWithMicroseconds) {
  std::string out;
  format_timestamp(0, out);
  EXPECT_EQ(out, "1970-01-01 00:00:00.000000+00");
  format_timestamp(-1, out);
  EXPECT_EQ(out, "1969-12-31 23:59:59.999999+00");
  format_timestamp(4102444800123456, out);
  EXPECT_EQ(out, "2100-01-01 00:00:00.123456+00");
  format_timestamp(-62167219200000000, out); // 0000-01-01 is 1 BC
  EXPECT_EQ(out, "0001-01-01 00:00:00.000000+00 BC");
}

TEST(PostgresText, TimestampsParseEveryFormTheServerPrints) {
  EXPECT_EQ(parse_timestamp("1970-01-01 00:00:00+00"), 0);
  EXPECT_EQ(parse_timestamp("1969-12-31 23:59:59.999999+00"), -1);
  EXPECT_EQ(parse_timestamp("2100-01-01 00:00:00.123456+00"), 4102444800123456);
  EXPECT_EQ(parse_timestamp("2100-01-01 00:00:00.1+00"), 4102444800100000);
  EXPECT_EQ(parse_timestamp("1970-01-01 01:30:00+01:30"), 0);
  EXPECT_EQ(parse_timestamp("0001-01-01 00:00:00+00 BC"), -62167219200000000);
  // Years past 9999 have more digits; the value is days since 1970 (from Python's datetime,
  // shifted by twenty 400-year cycles of 146097 days) times 86400 s.
  EXPECT_EQ(parse_timestamp("12345-06-07 00:00:00+00"), 327416947200000000);
}

TEST(PostgresText, TimestampsRoundTripAcrossTheRange) {
  std::string out;
  for (std::int64_t micros : {std::int64_t{-62167219200000001}, std::int64_t{-1}, std::int64_t{0},
                              std::int64_t{1700000000123456}, std::int64_t{253402300799999999}}) {
    format_timestamp(micros, out);
    EXPECT_EQ(parse_timestamp(out), micros) << out;
  }
}

TEST(PostgresText, TimestampsPastYear32767KeepTheirYear) {
  std::string out;
  std::int64_t later = parse_timestamp("40000-06-15 00:00:00+00");
  format_timestamp(later, out);
  EXPECT_EQ(out, "40000-06-15 00:00:00.000000+00");
  // 40000 is a leap year, and its February lies between the two dates.
  EXPECT_EQ(later - parse_timestamp("39999-06-15 00:00:00+00"), 366LL * 86400 * 1000000);
  format_timestamp(std::numeric_limits<std::int64_t>::max(), out);
  EXPECT_EQ(out, "294247-01-10 04:00:54.775807+00");
  EXPECT_EQ(parse_timestamp(out), std::numeric_limits<std::int64_t>::max());
  format_timestamp(parse_timestamp("4713-01-01 00:00:00+00 BC"), out);
  EXPECT_EQ(out, "4713-01-01 00:00:00.000000+00 BC");
  // Before PostgreSQL's first day: an error naming the year, not a wrapped value.
  try {
    format_timestamp(std::numeric_limits<std::int64_t>::min(), out);
    FAIL();
  } catch (const ormc::DataError& e) {
    EXPECT_NE(std::string(e.what()).find("year -290308"), std::string::npos) << e.what();
  }
}

TEST(PostgresText, MalformedValuesAreDataErrors) {
  EXPECT_THROW(parse_timestamp("infinity"), DataError);
  EXPECT_THROW(parse_timestamp("2020-02-30 00:00:00+00"), DataError);
  EXPECT_THROW(parse_int64("12x"), DataError);
  EXPECT_THROW(parse_int64("99999999999999999999"), DataError);
  EXPECT_THROW(parse_bool("yes"), DataError);
  std::vector<std::byte> bytes;
  EXPECT_THROW(parse_bytea("\\x0", bytes), DataError);
  EXPECT_THROW(parse_bytea("\\xzz", bytes), DataError);
}

TEST(PostgresText, DoublesRoundTripExactlyIncludingSpecialValues) {
  std::string out;
  for (double d :
       {0.1, -0.0, 1e-310, std::numeric_limits<double>::max(),
        std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    format_double(d, out);
    EXPECT_EQ(parse_double(out), d) << out;
  }
  format_double(std::nan(""), out);
  EXPECT_EQ(out, "NaN");
  EXPECT_TRUE(std::isnan(parse_double(out)));
}

TEST(PostgresText, ByteaHexRoundTrip) {
  std::vector<std::byte> in{std::byte{0}, std::byte{0x5c}, std::byte{0xff}}, out;
  std::string text;
  format_bytea(in.data(), in.size(), text);
  EXPECT_EQ(text, "\\x005cff");
  parse_bytea(text, out);
  EXPECT_EQ(out, in);
}

} // namespace
} // namespace ormc::postgres::text
