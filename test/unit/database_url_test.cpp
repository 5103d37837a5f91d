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

} // namespace
} // namespace ormc::detail
