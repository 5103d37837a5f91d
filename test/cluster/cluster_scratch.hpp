// What the Cluster tests share: the servers scripts/with-postgres.sh started, a schema of each
// test's own on them, and which server answered.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <ormc/database.hpp>
#include <string>

namespace cluster_test {

/// The environment variable `name`, or "".
std::string env(const char* name);

/// Runs `ctl` (ORMC_TEST_POSTGRES_CTL or ORMC_TEST_POSTGRES_STANDBY_CTL) with `action`, "stop"
/// or "start"; a test failure when it fails.
void server(const char* ctl, const char* action);

/// Whether the server of `db` is a standby: pg_is_in_recovery(); false on SQLite.
bool in_recovery(ormc::Database& db);

/// Calls `done` every 20 ms until it is true, for at most `limit`; whether it became true.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(20));

/// A schema of one test's own on the PostgreSQL primary (so on its standby too), or a SQLite
/// file, dropped or removed after; url() and standby_url() lead into it.
class Scratch {
public:
  /// `backend` is "sqlite" or "postgresql"; for PostgreSQL, an empty url() means no server.
  Scratch(const std::string& backend, const std::string& name);
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const std::string& url() const { return url_; }
  /// The standby's URL into the same schema; "" without ORMC_TEST_POSTGRES_STANDBY_URL.
  const std::string& standby_url() const { return standby_url_; }

private:
  std::string schema_;
  std::string url_;
  std::string standby_url_;
  std::string file_;
};

} // namespace cluster_test
