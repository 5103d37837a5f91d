// Partitioned tables through the generated code on each backend. On PostgreSQL each row lands
// in the partition its key's value picks (tableoid), create_schema() makes the months ahead and
// create_partitions() more, a row with no partition is refused as a typed error, and a query
// over one month scans one partition (explain()). SQLite keeps plain tables: the same calls
// store and read the same rows.
#include "schema.ormc.hpp"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <ormc/raw_sql.hpp>
#include <string>
#include <tuple>
#include <unistd.h>

namespace {
using namespace std::chrono;
using parts::Event_;

/// A database of its own for one test: a PostgreSQL schema or a SQLite file, removed after.
class Scratch {
public:
  Scratch(const std::string& backend, const std::string& name) {
    const std::string unique = "partitioned_" + name + "_" + std::to_string(getpid());
    if (backend == "postgresql") {
      const char* base = std::getenv("ORMC_TEST_POSTGRES_URL");
      if (!base) return;
      schema_ = unique;
      admin_ = std::make_unique<ormc::Database>(base);
      admin_->execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
      url_ = std::string(base) + (std::string(base).find('?') == std::string::npos ? "?" : "&") +
             "options=-csearch_path%3D" + schema_;
    } else {
      file_ = std::filesystem::temp_directory_path() / (unique + ".db");
      std::filesystem::remove(file_);
      url_ = "sqlite:" + file_.string();
    }
  }
  ~Scratch() {
    if (admin_) admin_->execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    if (!file_.empty()) std::filesystem::remove(file_);
  }
  const std::string& url() const { return url_; }

private:
  std::string schema_;
  std::string url_;
  std::unique_ptr<ormc::Database> admin_;
  std::filesystem::path file_;
};

/// The first instant of the month `months` after the current one (UTC).
system_clock::time_point monthStart(int months) {
  year_month_day today{floor<days>(system_clock::now())};
  year_month first = year_month{today.year(), today.month()} + std::chrono::months{months};
  return sys_days{first / 1};
}

/// The partition holding each row of `table`, by key, as PostgreSQL placed it.
std::vector<std::tuple<std::string, std::int64_t>> placement(ormc::Database& db,
                                                             const std::string& table) {
  return ormc::raw<std::tuple<std::string, std::int64_t>>(
      db, "SELECT tableoid::regclass::text, id FROM \"" + table + "\" ORDER BY id");
}

class Partitioned : public ::testing::TestWithParam<std::string> {};

TEST_P(Partitioned, RowsByTimeGoToTheirMonthAndAQueryOfOneMonthScansOnePartition) {
  Scratch scratch(GetParam(), "time");
  if (scratch.url().empty()) GTEST_SKIP() << "ORMC_TEST_POSTGRES_URL is not set";
  auto db = ormc::open(scratch.url());
  parts::Models m(db);
  m.create_schema();
  const auto now = floor<microseconds>(system_clock::now());
  parts::Event thisMonth{1, monthStart(0) + hours(1), "open"};
  parts::Event later{2, monthStart(2) + hours(5), "close"}; // partitions_ahead = 2
  m.events.insert(thisMonth);
  m.events.insert(later);
  EXPECT_EQ(m.events.get({1, thisMonth.created_at}).value().kind, "open");
  EXPECT_EQ(
      m.events.where(Event_::created_at >= monthStart(0) && Event_::created_at < monthStart(1))
          .count(),
      1);
  parts::Event beyond{3, monthStart(6), "far"};
  if (GetParam() == "postgresql") {
    auto months = placement(db, "event");
    auto name = [](system_clock::time_point t) {
      year_month_day d{floor<days>(t)};
      char text[32];
      std::snprintf(text, sizeof text, "event_p%04d%02u", static_cast<int>(d.year()),
                    static_cast<unsigned>(d.month()));
      return std::string(text);
    };
    ASSERT_EQ(months.size(), 2u);
    EXPECT_EQ(std::get<0>(months[0]), name(thisMonth.created_at));
    EXPECT_EQ(std::get<0>(months[1]), name(later.created_at));
    // No partition holds month 6 yet: refused, nothing stored.
    EXPECT_THROW(m.events.insert(beyond), ormc::CheckViolation);
    EXPECT_EQ(m.events.count(), 2);
    // The plan of one month's rows names that month's partition alone.
    std::string plan;
    for (const std::string& line :
         m.events.where(Event_::created_at >= monthStart(0) && Event_::created_at < monthStart(1))
             .explain())
      plan += line + "\n";
    EXPECT_NE(plan.find(name(thisMonth.created_at)), std::string::npos) << plan;
    EXPECT_EQ(plan.find(name(later.created_at)), std::string::npos) << plan;
  }
  // Made on demand, those that exist kept; then the row has a place.
  m.events.create_partitions(now, monthStart(7));
  m.events.create_partitions(now, monthStart(7));
  m.events.insert(beyond);
  EXPECT_EQ(m.events.count(), 3);
  if (GetParam() == "postgresql") {
    auto count = ormc::raw<std::tuple<std::int64_t>>(
        db, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'event'::regclass");
    EXPECT_EQ(std::get<0>(count.at(0)), 8); // this month and 7 more
  }
}

TEST_P(Partitioned, RowsByListAndHashGoToTheirPartitions) {
  Scratch scratch(GetParam(), "list");
  if (scratch.url().empty()) GTEST_SKIP() << "ORMC_TEST_POSTGRES_URL is not set";
  auto db = ormc::open(scratch.url());
  parts::Models m(db);
  m.create_schema();
  m.check_schema();
  for (auto [region, id] : {std::pair{"fr", 1}, {"us", 2}, {"jp", 3}}) {
    parts::Order order{region, id};
    m.orders.insert(order);
  }
  for (std::int64_t id = 1; id <= 40; ++id) {
    parts::Reading reading{id, id * 0.5};
    m.readings.insert(reading);
  }
  EXPECT_EQ(m.orders.get({"jp", 3}).value().id, 3);
  EXPECT_EQ(m.readings.count(), 40);
  EXPECT_DOUBLE_EQ(m.readings.get(17).value().value, 8.5);
  if (GetParam() != "postgresql") return;
  using Placed = std::tuple<std::string, std::int64_t>;
  EXPECT_EQ(placement(db, "order"),
            (std::vector<Placed>{{"order_eu", 1}, {"order_us", 2}, {"order_default", 3}}));
  auto used =
      ormc::raw<std::tuple<std::int64_t>>(db, "SELECT count(DISTINCT tableoid) FROM reading");
  EXPECT_EQ(std::get<0>(used.at(0)), 4); // 40 keys over 4 hash partitions
}

INSTANTIATE_TEST_SUITE_P(Backends, Partitioned, ::testing::Values("sqlite", "postgresql"));

} // namespace
