// ISO 8601 text, the form of Storage::iso_text and of dates on SQLite.
#include "time_text.hpp"

#include <gtest/gtest.h>
#include <ormc/error.hpp>
#include <string>

namespace {
using namespace ormc::detail;

std::string timestamp_text(std::int64_t micros) {
  char out[32];
  return std::string(out, format_iso_timestamp(micros, out));
}
std::string date_text(std::int64_t days) {
  char out[32];
  return std::string(out, format_iso_date(days, out));
}

TEST(IsoText, FormatsWithAFractionOnlyWhereThereIsOne) {
  EXPECT_EQ(timestamp_text(0), "1970-01-01 00:00:00");
  EXPECT_EQ(timestamp_text(-1), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(timestamp_text(1'000'500'000), "1970-01-01 00:16:40.500000");
  EXPECT_EQ(date_text(0), "1970-01-01");
  EXPECT_EQ(date_text(-719528), "0000-01-01");
  EXPECT_EQ(date_text(2'932'896), "9999-12-31");
}

TEST(IsoText, YearsTheTextCannotSortAreRefused) {
  EXPECT_THROW(date_text(2'932'897), ormc::DataError); // 10000-01-01
  EXPECT_THROW(date_text(-719529), ormc::DataError);   // -0001-12-31
}

TEST(IsoText, ReadsTheFormsSqliteDateFunctionsRead) {
  EXPECT_EQ(parse_iso_timestamp("1970-01-01 00:00:00"), 0);
  EXPECT_EQ(parse_iso_timestamp("1970-01-01T00:00:01.5"), 1'500'000);
  EXPECT_EQ(parse_iso_timestamp("1970-01-01 00:01"), 60'000'000);
  EXPECT_EQ(parse_iso_timestamp("1970-01-01"), 0);
  EXPECT_EQ(parse_iso_timestamp("1970-01-01 00:00:00Z"), 0);
  EXPECT_EQ(parse_iso_timestamp("1970-01-01 01:30:00+01:30"), 0);
  EXPECT_EQ(parse_iso_timestamp("1969-12-31 23:00:00-01:00"), 0);
  EXPECT_EQ(parse_iso_date("2000-02-29"), 11016);
  for (std::int64_t micros : {0LL, -1LL, 1'234'567'890'123'456LL, -62'167'219'200'000'000LL})
    EXPECT_EQ(parse_iso_timestamp(timestamp_text(micros)), micros) << micros;
}

TEST(IsoText, AnythingElseIsNotRead) {
  for (const char* text :
       {"", "2021-02-30 00:00:00", "2021-13-01", "2021-1-01", "21-01-01", "2021-01-01 24:00:00",
        "2021-01-01 10:60", "2021-01-01 00:00:00.1234567", "2021-01-01 00:00:00 ", "2021-01-01x",
        "2021-01-01 00:00:00+0100", "now", "+2021-01-01"})
    EXPECT_FALSE(parse_iso_timestamp(text).has_value()) << text;
  EXPECT_FALSE(parse_iso_date("2021-01-01 00:00:00").has_value());
  EXPECT_FALSE(parse_iso_date("2021-02-29").has_value());
}

} // namespace
