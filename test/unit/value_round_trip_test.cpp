// Every mapped type goes in and comes back out unchanged, through the generated code.
#include "backend_fixture.hpp"

#include <cmath>
#include <limits>

namespace unit {
namespace {
using namespace std::chrono;

class ValueRoundTrip : public BackendTest {};

AllTypes extremes_low() {
  AllTypes v;
  v.flag = false;
  v.i8 = std::numeric_limits<std::int8_t>::min();
  v.i16 = std::numeric_limits<std::int16_t>::min();
  v.i32 = std::numeric_limits<std::int32_t>::min();
  v.i64 = std::numeric_limits<std::int64_t>::min();
  v.u8 = 0;
  v.u16 = 0;
  v.u32 = 0;
  v.u64 = 0;
  v.f32 = std::numeric_limits<float>::lowest();
  v.f64 = -std::numeric_limits<double>::denorm_min();
  v.at = system_clock::time_point(microseconds(-1)); // just before the epoch
  v.color = Color::red;
  v.plain = plain_a;
  return v;
}

AllTypes extremes_high() {
  AllTypes v;
  v.flag = true;
  v.i8 = std::numeric_limits<std::int8_t>::max();
  v.i16 = std::numeric_limits<std::int16_t>::max();
  v.i32 = std::numeric_limits<std::int32_t>::max();
  v.i64 = std::numeric_limits<std::int64_t>::max();
  v.u8 = std::numeric_limits<std::uint8_t>::max();
  v.u16 = std::numeric_limits<std::uint16_t>::max();
  v.u32 = std::numeric_limits<std::uint32_t>::max();
  v.u64 = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  v.f32 = std::numeric_limits<float>::max();
  v.f64 = std::numeric_limits<double>::max();
  v.text = "quote ' double \" backslash \\ tab \t newline \n; DROP TABLE \"all_types\"; -- "
           "ünïcødé 日本語 🙂 " +
           std::string(100000, 'x');
  for (int b = 0; b < 256; ++b) {
    v.bytes.push_back(static_cast<std::byte>(b));
    v.octets.push_back(static_cast<std::uint8_t>(255 - b));
  }
  v.at = system_clock::time_point(microseconds(4102444800123456)); // 2100-01-01 + 0.123456 s
  v.color = Color::blue;
  v.plain = plain_b;
  return v;
}

void expect_same(const AllTypes& a, const AllTypes& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.flag, b.flag);
  EXPECT_EQ(a.i8, b.i8);
  EXPECT_EQ(a.i16, b.i16);
  EXPECT_EQ(a.i32, b.i32);
  EXPECT_EQ(a.i64, b.i64);
  EXPECT_EQ(a.u8, b.u8);
  EXPECT_EQ(a.u16, b.u16);
  EXPECT_EQ(a.u32, b.u32);
  EXPECT_EQ(a.u64, b.u64);
  EXPECT_EQ(a.f32, b.f32);
  EXPECT_EQ(a.f64, b.f64);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.octets, b.octets);
  EXPECT_EQ(a.at, b.at);
  EXPECT_EQ(a.color, b.color);
  EXPECT_EQ(a.plain, b.plain);
}

TEST_P(ValueRoundTrip, LowestValuesAndEmptyContainers) {
  AllTypes in = extremes_low();
  m->all_types.insert(in);
  auto out = m->all_types.get(in.id);
  ASSERT_TRUE(out.has_value());
  expect_same(in, *out);
  EXPECT_TRUE(out->text.empty());
  EXPECT_TRUE(out->bytes.empty());
}

TEST_P(ValueRoundTrip, HighestValuesHostileTextAndAllByteValues) {
  AllTypes in = extremes_high();
  m->all_types.insert(in);
  auto out = m->all_types.get(in.id);
  ASSERT_TRUE(out.has_value());
  expect_same(in, *out);
}

TEST_P(ValueRoundTrip, IgnoredMemberIsNotStored) {
  AllTypes in;
  in.not_stored = 42;
  m->all_types.insert(in);
  EXPECT_EQ(m->all_types.get(in.id)->not_stored, 0);
}

TEST_P(ValueRoundTrip, TimestampsKeepMicrosecondsAndDropFinerFractions) {
  AllTypes in;
  in.at = system_clock::time_point(microseconds(1700000000123456) + nanoseconds(789));
  m->all_types.insert(in);
  EXPECT_EQ(m->all_types.get(in.id)->at, system_clock::time_point(microseconds(1700000000123456)));
}

TEST_P(ValueRoundTrip, UnsignedAboveInt64MaxIsRejectedNotTruncated) {
  AllTypes in;
  in.u64 = std::numeric_limits<std::uint64_t>::max();
  EXPECT_THROW(m->all_types.insert(in), ormc::DataError);
  EXPECT_EQ(m->all_types.count(), 0);
}

TEST_P(ValueRoundTrip, NullsAndValuesInOptionalMembers) {
  Nullables empty;
  m->nullables.insert(empty);
  auto out = m->nullables.get(empty.id);
  ASSERT_TRUE(out.has_value());
  EXPECT_FALSE(out->flag || out->number || out->big || out->real || out->text || out->bytes ||
               out->at || out->color);

  Nullables full;
  full.flag = false; // a present false is not NULL
  full.number = 0;
  full.big = 18446744073709551615ull >> 1;
  full.real = -0.5;
  full.text = "";
  full.bytes = Bytes{};
  full.at = system_clock::time_point{};
  full.color = Color::blue;
  m->nullables.insert(full);
  out = m->nullables.get(full.id);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->flag, std::optional<bool>(false));
  EXPECT_EQ(out->number, std::optional<std::int32_t>(0));
  EXPECT_EQ(out->big, full.big);
  EXPECT_EQ(out->real, full.real);
  EXPECT_EQ(out->text, std::optional<std::string>(""));
  EXPECT_EQ(out->bytes, std::optional<Bytes>(Bytes{}));
  EXPECT_EQ(out->at, full.at);
  EXPECT_EQ(out->color, full.color);
}

TEST_P(ValueRoundTrip, NulBytesInTextRoundTripOnSqliteAndAreRejectedOnPostgres) {
  AllTypes in;
  in.text = std::string("before\0after", 12);
  ASSERT_EQ(in.text.size(), 12u);
  if (on_postgres()) {
    EXPECT_THROW(m->all_types.insert(in), ormc::DataError); // PostgreSQL text cannot hold NUL
    EXPECT_EQ(m->all_types.count(), 0);
  } else {
    m->all_types.insert(in);
    EXPECT_EQ(m->all_types.get(in.id)->text, in.text);
  }
}

TEST_P(ValueRoundTrip, NotANumberIsStoredOnPostgresAndRejectedOnSqlite) {
  AllTypes in;
  in.f64 = std::nan("");
  in.f32 = std::numeric_limits<float>::infinity();
  if (on_postgres()) {
    m->all_types.insert(in);
    auto out = m->all_types.get(in.id);
    EXPECT_TRUE(std::isnan(out->f64));
    EXPECT_EQ(out->f32, in.f32);
  } else {
    EXPECT_THROW(m->all_types.insert(in), ormc::DataError); // SQLite would store NULL
  }
}

// Another writer stored 1e300 in a column ormc reads into a float: it used to read as inf.
TEST_P(ValueRoundTrip, ANumberBeyondAFloatIsADataErrorNotInfinity) {
  AllTypes in;
  m->all_types.insert(in);
  if (on_postgres()) { // REAL has a float's range: the server refuses to store it
    EXPECT_THROW(db->execute("UPDATE \"all_types\" SET \"f32\" = 1e300"), ormc::DatabaseError);
  } else {
    db->execute("UPDATE \"all_types\" SET \"f32\" = 1e300");
    try {
      m->all_types.get(in.id);
      FAIL() << "1e300 read into a float";
    } catch (const ormc::DataError& e) {
      EXPECT_NE(std::string(e.what()).find("does not fit the member's float"), std::string::npos)
          << e.what();
    }
  }
}

// docs/type-mapping.md: SQLite stores a REAL with an integral value as an integer, so -0.0 reads
// back as +0.0 there (equal under ==, only the sign bit differs); PostgreSQL keeps it. Pins the
// documented behaviour: if either changes, so must the document.
TEST_P(ValueRoundTrip, NegativeZeroKeepsItsSignOnPostgreSqlOnly) {
  AllTypes in;
  in.f64 = -0.0;
  m->all_types.insert(in);
  double out = m->all_types.get(in.id)->f64;
  EXPECT_EQ(out, 0.0);
  EXPECT_EQ(std::signbit(out), on_postgres());
}

TEST_P(ValueRoundTrip, InfinityRoundTrips) {
  AllTypes in;
  in.f64 = -std::numeric_limits<double>::infinity();
  m->all_types.insert(in);
  EXPECT_EQ(m->all_types.get(in.id)->f64, in.f64);
}

TEST_P(ValueRoundTrip, LargeBlob) {
  AllTypes in;
  in.bytes.resize(8 * 1024 * 1024);
  for (std::size_t i = 0; i < in.bytes.size(); ++i)
    in.bytes[i] = static_cast<std::byte>(i * 131 % 251);
  m->all_types.insert(in);
  EXPECT_EQ(m->all_types.get(in.id)->bytes, in.bytes);
}

TEST_P(ValueRoundTrip, CoarseTimePointsRoundTrip) {
  Schedule in;
  in.start = sys_seconds(seconds(-86400LL * 365 * 100 + 7)); // a century before 1970
  in.day = sys_days(days(20000));
  m->schedules.insert(in);
  auto out = m->schedules.get(in.id);
  EXPECT_EQ(out->start, in.start);
  EXPECT_EQ(out->day, in.day);
}

TEST_P(ValueRoundTrip, CoarseTimePointBeyondMicrosecondRangeIsRejected) {
  Schedule in;
  in.start = sys_seconds(seconds(100'000'000'000'000LL)); // more microseconds than int64 holds
  EXPECT_THROW(m->schedules.insert(in), ormc::DataError);
}

// sys_days is a DATE: PostgreSQL's reach 5874897 AD; SQLite's are ISO text, years 0000-9999.
TEST_P(ValueRoundTrip, DatesBeyondWhatTheBackendHoldsAreRejected) {
  Schedule far;
  far.day = sys_days(days(200'000'000)); // ~ year 549,000
  if (on_postgres()) {
    m->schedules.insert(far);
    EXPECT_EQ(m->schedules.get(far.id)->day, far.day);
  } else {
    EXPECT_THROW(m->schedules.insert(far), ormc::DataError);
  }
  Schedule beyond;
  beyond.day = sys_days(days(2'200'000'000LL)); // past 5874897 AD
  EXPECT_THROW(m->schedules.insert(beyond), ormc::DataError);
  EXPECT_EQ(m->schedules.count(), on_postgres() ? 1 : 0);
}

// std::chrono::year is 16-bit: PostgreSQL's text form once wrapped year 67536 to 2000.
TEST_P(ValueRoundTrip, TimePointsPastYear32767KeepTheirYear) {
  Schedule in;
  in.start = sys_seconds(sys_days(days(24'000'000)).time_since_epoch() + seconds(45296));
  // About 4600 BC where DATE holds it (PostgreSQL); SQLite's ISO dates start at year 0000.
  in.day = sys_days(days(on_postgres() ? -2'400'000 : -700'000));
  m->schedules.insert(in);
  auto out = m->schedules.get(in.id);
  EXPECT_EQ(out->start, in.start);
  EXPECT_EQ(out->day, in.day);
  if (on_postgres()) {
    auto years = m->schedules.raw("SELECT * FROM \"schedule\" WHERE extract(year FROM \"start\") "
                                  "= 67679");
    EXPECT_EQ(years.size(), 1u); // the server sees the same year
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(ValueRoundTrip);

} // namespace
} // namespace unit
