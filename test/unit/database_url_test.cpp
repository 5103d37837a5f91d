// Reading database URLs (runtime/src/database_url.cpp): parameters are parsed, not searched for,
// and passwords never reach a message.
#include "database_url.hpp"

#include <gtest/gtest.h>
#include <ormc/error.hpp>

namespace ormc::detail {
namespace {

TEST(DatabaseUrl, ParametersAreParsedNotSearchedFor) {
  EXPECT_TRUE(conninfo_has("postgresql://h/db?connect_timeout=3", "connect_timeout"));
  EXPECT_TRUE(
      conninfo_has("postgresql://h/db?sslmode=require&connect_timeout=3", "connect_timeout"));
  // The text in a database name, a user or another value is no parameter.
  EXPECT_FALSE(conninfo_has("postgresql://h/connect_timeout_db", "connect_timeout"));
  EXPECT_FALSE(
      conninfo_has("postgresql://h/db?application_name=connect_timeout", "connect_timeout"));
  EXPECT_TRUE(conninfo_has("host=h connect_timeout = 3", "connect_timeout"));
  EXPECT_FALSE(conninfo_has("host=h dbname=connect_timeout", "connect_timeout"));
  EXPECT_FALSE(conninfo_has("host=h application_name='a connect_timeout=1'", "connect_timeout"));
}

TEST(DatabaseUrl, PasswordsAreMasked) {
  EXPECT_EQ(redact_password("postgresql://app:s3cret@db:5432/app"),
            "postgresql://app:***@db:5432/app");
  EXPECT_EQ(redact_password("postgresql://db/app?user=a&password=s3cret&sslmode=require"),
            "postgresql://db/app?user=a&password=***&sslmode=require");
  EXPECT_EQ(redact_password("host=db password='it\\'s secret' dbname=app"),
            "host=db password=*** dbname=app");
  EXPECT_EQ(redact_password("sqlite:app.db"), "sqlite:app.db");
  try {
    parse_database_url("mysql://root:s3cret@db/app");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
  }
}

TEST(DatabaseUrl, OrmcsOwnParameterIsTakenOutBeforeLibpqSeesIt) {
  DatabaseTarget uri =
      parse_database_url("postgresql://h/db?sslmode=require&statement_timeout=5s&user=u");
  EXPECT_EQ(uri.location, "postgresql://h/db?sslmode=require&user=u");
  EXPECT_EQ(uri.options.statement_timeout, std::chrono::seconds(5));
  EXPECT_EQ(parse_database_url("postgresql://h/db?statement_timeout=250").location,
            "postgresql://h/db");
  DatabaseTarget key_value =
      parse_database_url("host=h statement_timeout='2min' dbname=statement_timeout");
  EXPECT_EQ(key_value.location, "host=h  dbname=statement_timeout");
  EXPECT_EQ(key_value.options.statement_timeout, std::chrono::minutes(2));
  DatabaseTarget sqlite = parse_database_url("sqlite:app.db?statement_timeout=500ms");
  EXPECT_EQ(sqlite.location, "app.db");
  EXPECT_EQ(sqlite.options.statement_timeout, std::chrono::milliseconds(500));
  EXPECT_EQ(parse_database_url("sqlite::memory:?statement_timeout=1s").location, ":memory:");
  EXPECT_FALSE(parse_database_url("sqlite:app.db").options.statement_timeout.has_value());
}

TEST(DatabaseUrl, SqliteJournalModeIsAnOptionOfTheUrl) {
  EXPECT_FALSE(parse_database_url("sqlite:app.db").options.sqlite_journal.has_value());
  auto wal = parse_database_url("sqlite:app.db?journal_mode=wal&statement_timeout=1s");
  EXPECT_EQ(wal.location, "app.db");
  EXPECT_EQ(wal.options.sqlite_journal, SqliteJournal::wal);
  EXPECT_EQ(parse_database_url("sqlite:app.db?journal_mode=delete").options.sqlite_journal,
            SqliteJournal::rollback);
  ConnectOptions given;
  given.sqlite_journal = SqliteJournal::keep;
  EXPECT_EQ(resolve_options(given, wal.options).sqlite_journal, SqliteJournal::keep);
  EXPECT_EQ(resolve_options({}, wal.options).sqlite_journal, SqliteJournal::wal);
}

TEST(DatabaseUrl, BadParametersAreUsageErrorsNamingThem) {
  for (const char* url : {"sqlite:app.db?statement_timeout=5x",
                          "postgresql://h/db?statement_timeout=", "host=h statement_timeout=-1",
                          "sqlite:app.db?mode=ro", "sqlite:?statement_timeout=1s",
                          "sqlite:app.db?journal_mode=truncate"}) {
    try {
      parse_database_url(url);
      ADD_FAILURE() << "accepted " << url;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find(url), std::string::npos) << e.what();
    }
  }
}

TEST(DatabaseUrl, DurationsReadAsPostgreSqlWritesThem) {
  EXPECT_EQ(parse_duration("1500"), std::chrono::milliseconds(1500));
  EXPECT_EQ(parse_duration("1500ms"), std::chrono::milliseconds(1500));
  EXPECT_EQ(parse_duration("3s"), std::chrono::seconds(3));
  EXPECT_EQ(parse_duration("2min"), std::chrono::minutes(2));
  EXPECT_EQ(parse_duration("0"), std::chrono::milliseconds(0));
  for (const char* bad : {"", "s", "1h", "1.5s", "-1", " 1", "99999999999999999999"})
    EXPECT_FALSE(parse_duration(bad).has_value()) << bad;
}

TEST(DatabaseUrl, PostgreSqlConnectionsGetTimeoutsAndKeepalivesUnlessTheUrlSetsThem) {
  ConnectOptions none;
  EXPECT_EQ(postgres_conninfo("postgresql://h/db", none),
            "postgresql://h/db?connect_timeout=10&keepalives=1&keepalives_idle=15&"
            "keepalives_interval=5&keepalives_count=3&tcp_user_timeout=30000");
  EXPECT_EQ(
      postgres_conninfo("host=h keepalives_idle=60 connect_timeout=2 tcp_user_timeout=0", none),
      "host=h keepalives_idle=60 connect_timeout=2 tcp_user_timeout=0 keepalives=1 "
      "keepalives_interval=5 keepalives_count=3");
  ConnectOptions given;
  given.keepalive_idle = std::chrono::seconds(7);
  given.keepalive_count = 9;
  EXPECT_EQ(postgres_conninfo("postgresql://h/db?keepalives_idle=60&sslmode=disable", given),
            "postgresql://h/db?sslmode=disable&keepalives_idle=7&keepalives_count=9&"
            "connect_timeout=10&keepalives=1&keepalives_interval=5&tcp_user_timeout=30000");
}

TEST(DatabaseUrl, OptionsOverrideTheUrlWhichOverridesTheDefault) {
  ConnectOptions given, from_url;
  EXPECT_EQ(resolve_options(given, from_url).statement_timeout, default_statement_timeout);
  from_url.statement_timeout = std::chrono::seconds(1);
  EXPECT_EQ(resolve_options(given, from_url).statement_timeout, std::chrono::seconds(1));
  given.statement_timeout = std::chrono::milliseconds(0);
  EXPECT_EQ(resolve_options(given, from_url).statement_timeout, std::chrono::milliseconds(0));
}

} // namespace
} // namespace ormc::detail
