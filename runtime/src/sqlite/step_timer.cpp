#include "sqlite/step_timer.hpp"

#include <ormc/error.hpp>
#include <sqlite3.h>
#include <string>

namespace ormc::sqlite {
namespace {
int on_progress(void* context) {
  auto& timer = *static_cast<StepTimer*>(context);
  auto now = std::chrono::steady_clock::now();
  if (!timer.started) {
    timer.started = true;
    timer.deadline = now + timer.timeout;
    return 0;
  }
  if (now < timer.deadline) return 0;
  timer.expired = true;
  return 1; // SQLite stops the statement with SQLITE_INTERRUPT
}
} // namespace

void StepTimer::install(sqlite3* db) {
  // Often enough that a timeout overshoots by well under a millisecond.
  if (timeout.count() > 0) sqlite3_progress_handler(db, 1000, on_progress, this);
}

void StepTimer::throw_if_expired(int rc, std::string_view sql) const {
  if (rc != SQLITE_INTERRUPT || !expired) return;
  throw StatementTimeout("the statement ran longer than statement_timeout (" +
                             std::to_string(timeout.count()) + " ms) and was interrupted",
                         std::string(sql), "57014", rc);
}

} // namespace ormc::sqlite
