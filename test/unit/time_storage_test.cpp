// Dates, durations and time_points stored as the schema decides (ormc:column(storage=...),
// ormc:table(time_storage=...)): exact round trips, queries through the same storage, strict
// reading, and the times ormc fills in itself.
#include "backend_fixture.hpp"

#include <gtest/gtest.h>

namespace unit {
namespace {
using namespace std::chrono;

class StorageTest : public BackendTest {
protected:
  std::string as_text(const std::string& column) const {
    return on_postgres() ? column + "::text" : column;
  }

  static StoredTimes sample() {
    StoredTimes row;
    row.as_text =
        sys_days(2021y / June / 15) + hours(12) + minutes(34) + seconds(56) + microseconds(789012);
    row.as_timestamp = sys_days(1962y / February / 18) + microseconds(5);
    row.as_seconds = sys_days(1969y / December / 31) + hours(23) + minutes(59) + seconds(59);
    row.as_millis = Millis(milliseconds(-1500)); // before 1970: floor, not truncation
    row.as_micros = Micros(microseconds(1'700'000'000'123'456));
    row.birthday = 1999y / December / 31;
    row.hired = sys_days(2002y / August / 14);
    row.timeout = milliseconds(2500);
    row.grace = seconds(-30);
    return row;
  }
};

TEST_P(StorageTest, EveryStorageRoundTripsExactly) {
  StoredTimes in = sample();
  m->stored_times.insert(in);
  std::optional<StoredTimes> out = m->stored_times.get(in.id);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->as_text, in.as_text);
  EXPECT_EQ(out->as_timestamp, in.as_timestamp);
  EXPECT_EQ(out->as_seconds, in.as_seconds);
  EXPECT_EQ(out->as_millis, in.as_millis);
  EXPECT_EQ(out->as_micros, in.as_micros);
  EXPECT_EQ(out->birthday, in.birthday);
  EXPECT_EQ(out->hired, in.hired);
  EXPECT_EQ(out->timeout, in.timeout);
  EXPECT_EQ(out->grace, in.grace);
  EXPECT_EQ(out->changed, in.changed);

  // What the database holds is each storage's own form, for other programs to read.
  std::string row = " FROM \"stored_times\" WHERE \"id\" = " + std::to_string(in.id);
  EXPECT_EQ(stored("SELECT " + as_text("\"as_text\"") + row), "2021-06-15 12:34:56.789012");
  EXPECT_EQ(stored("SELECT " + as_text("\"as_timestamp\"") + row), "1962-02-18 00:00:00.000005");
  EXPECT_EQ(stored<std::int64_t>("SELECT \"as_seconds\"" + row), -1);
  EXPECT_EQ(stored<std::int64_t>("SELECT \"as_millis\"" + row), -1500);
  EXPECT_EQ(stored<std::int64_t>("SELECT \"as_micros\"" + row), 1'700'000'000'123'456);
  EXPECT_EQ(stored("SELECT " + as_text("\"birthday\"") + row), "1999-12-31");
  EXPECT_EQ(stored<std::int64_t>("SELECT \"timeout\"" + row), 2500);
  EXPECT_EQ(stored<std::int64_t>("SELECT \"grace\"" + row), -30);
  if (on_postgres()) {
    EXPECT_EQ(stored("SELECT pg_typeof(\"as_timestamp\")::text" + row),
              "timestamp without time zone");
    EXPECT_EQ(stored("SELECT pg_typeof(\"birthday\")::text" + row), "date");
  }
}

TEST_P(StorageTest, QueriesCompareThroughTheColumnsStorage) {
  StoredTimes early = sample(), late = sample();
  late.as_text += hours(1);
  late.as_seconds += hours(1);
  late.birthday = 2000y / January / 1;
  m->stored_times.insert(early);
  m->stored_times.insert(late);
  using C = StoredTimes_;
  EXPECT_EQ(m->stored_times.where(C::as_text > early.as_text).count(), 1);
  EXPECT_EQ(m->stored_times.where(C::as_seconds == late.as_seconds).first()->id, late.id);
  EXPECT_EQ(m->stored_times.where(C::birthday < late.birthday).first()->id, early.id);
  EXPECT_EQ(m->stored_times.where(C::hired == sys_days(2002y / August / 14)).count(), 2);
  EXPECT_EQ(m->stored_times.where(C::timeout == seconds(2) + milliseconds(500)).count(), 2);
  EXPECT_EQ(m->stored_times.query().max(C::as_text), late.as_text);
  EXPECT_EQ(m->stored_times.query().min(C::birthday), early.birthday);
  auto selected =
      m->stored_times.query().order_by(C::as_text.desc()).select(C::as_text, C::birthday);
  ASSERT_EQ(selected.size(), 2u);
  EXPECT_EQ(std::get<0>(selected[0]), late.as_text);
  EXPECT_EQ(std::get<1>(selected[1]), early.birthday);
  // Keyset paging binds the last row's value through the column's storage too.
  auto first = m->stored_times.query().order_by(C::as_text).limit(1);
  auto next = first.after(first.all().front()).all();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next.front().id, late.id);
  // Bulk update writes the value in the column's form.
  Micros moved = early.as_text - hours(24);
  EXPECT_EQ(m->stored_times.where(C::id == early.id).update(C::as_text.set(moved)), 1);
  EXPECT_EQ(m->stored_times.get(early.id)->as_text, moved);
}

TEST_P(StorageTest, ValuesTheStorageCannotHoldAreRefusedBeforeAnythingIsWritten) {
  StoredTimes fraction = sample();
  fraction.as_seconds += milliseconds(500); // whole seconds only
  EXPECT_THROW(m->stored_times.insert(fraction), ormc::DataError);
  StoredTimes far = sample();
  far.as_text = sys_days(10000y / January / 1); // ISO text holds years 0000-9999
  EXPECT_THROW(m->stored_times.insert(far), ormc::DataError);
  StoredTimes invalid = sample();
  invalid.birthday = 2021y / February / 30;
  EXPECT_THROW(m->stored_times.insert(invalid), ormc::DataError);
  EXPECT_EQ(m->stored_times.count(), 0);
}

TEST_P(StorageTest, AStoredValueThatDoesNotParseIsADataErrorNamingModelColumnAndKey) {
  StoredTimes row = sample();
  m->stored_times.insert(row);
  // PostgreSQL's TEXT column and SQLite's both take any text from another writer.
  db->execute("UPDATE \"stored_times\" SET \"as_text\" = '2021-02-30 00:00:00'");
  try {
    m->stored_times.get(row.id);
    FAIL() << "expected DataError";
  } catch (const ormc::DataError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("unit::StoredTimes with key " + std::to_string(row.id)),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("(as_text)"), std::string::npos) << message;
    EXPECT_NE(message.find("2021-02-30 00:00:00"), std::string::npos) << message;
  }
  if (!on_postgres()) {
    db->execute("UPDATE \"stored_times\" SET \"as_text\" = '2021-01-01 00:00:00', "
                "\"birthday\" = '1999-12-31 10:00:00'");
    EXPECT_THROW(m->stored_times.get(row.id), ormc::DataError); // a DATE is a date only
  }
}

TEST_P(StorageTest, TimesOrmcFillsInAreWrittenInTheColumnsStorage) {
  StoredTimes row = sample();
  m->stored_times.insert(row);
  // updated_at in whole seconds: the generated code fills in a time the storage holds.
  EXPECT_EQ(duration_cast<microseconds>(row.changed.time_since_epoch()).count() % 1'000'000, 0);
  EXPECT_EQ(m->stored_times.get(row.id)->changed, row.changed);
  m->stored_times.update(row);
  EXPECT_EQ(m->stored_times.get(row.id)->changed, row.changed);
  EXPECT_EQ(m->stored_times.where(StoredTimes_::id == row.id)
                .update(StoredTimes_::timeout.set(milliseconds(1))),
            1);
  EXPECT_GE(m->stored_times.get(row.id)->changed, row.changed);
  // Soft delete writes its time as ISO text.
  EXPECT_TRUE(m->stored_times.remove(row));
  ASSERT_TRUE(row.deleted.has_value());
  EXPECT_FALSE(m->stored_times.get(row.id).has_value());
  auto deleted = m->stored_times.with_deleted().all();
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted.front().deleted, row.deleted);
  std::string text = stored("SELECT " + as_text("\"deleted\"") + " FROM \"stored_times\"");
  EXPECT_EQ(text.size() >= 19 && text[4] == '-' && text[10] == ' ', true) << text;
  StoredTimes other = sample();
  m->stored_times.insert(other);
  EXPECT_EQ(m->stored_times.where(StoredTimes_::id == other.id).remove(), 1);
  EXPECT_EQ(m->stored_times.with_deleted().where(is_not_null(StoredTimes_::deleted)).count(), 2);
}

// A table the schema's own SQL made: PascalCase names, dates as DATETIME text (SQLite) or
// TIMESTAMP without time zone (PostgreSQL), keys the application assigns.
TEST_P(StorageTest, AnEmployeeTableMadeByItsOwnSqlReadsAndWritesInItsOwnForm) {
  std::string type = on_postgres() ? "TIMESTAMP" : "DATETIME";
  db->execute("DROP TABLE \"Employee\"");
  db->execute("CREATE TABLE \"Employee\" (\"EmployeeId\" INTEGER NOT NULL PRIMARY KEY, "
              "\"LastName\" VARCHAR(20) NOT NULL, \"BirthDate\" " +
              type + ", \"HireDate\" " + type + ")");
  db->execute("INSERT INTO \"Employee\" VALUES (1, 'Adams', '1962-02-18 00:00:00', "
              "'2002-08-14 00:00:00'), (2, 'Edwards', NULL, '2002-05-01 00:00:00')");
  std::optional<Employee> adams = m->employees.get(1);
  ASSERT_TRUE(adams.has_value());
  EXPECT_EQ(adams->last_name, "Adams");
  EXPECT_EQ(adams->birth_date, sys_seconds(sys_days(1962y / February / 18)));
  EXPECT_EQ(adams->hire_date, sys_seconds(sys_days(2002y / August / 14)));
  EXPECT_FALSE(m->employees.get(2)->birth_date.has_value());

  Employee park{.employee_id = 3,
                .last_name = "Park",
                .birth_date = sys_days(1973y / August / 29) + hours(9),
                .hire_date = std::nullopt};
  m->employees.insert(park);
  EXPECT_EQ(
      stored("SELECT " + as_text("\"BirthDate\"") + " FROM \"Employee\" WHERE \"EmployeeId\" = 3"),
      "1973-08-29 09:00:00");
  EXPECT_EQ(m->employees.where(Employee_::birth_date < sys_seconds(sys_days(1970y / January / 1)))
                .count(),
            1);
  EXPECT_EQ(m->employees.count(), 3);
}

ORMC_INSTANTIATE_FOR_BACKENDS(StorageTest);

} // namespace
} // namespace unit
