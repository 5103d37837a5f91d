// A process killed with SIGKILL in the middle of a batch insert loses nothing it committed and
// leaves nothing half-written: the database opens, passes its integrity check, and holds exactly
// the batches whose commit returned (plus, at most, the one whose commit was under way).
#include "backend_fixture.hpp"

#include <csignal>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace unit {
namespace {

constexpr int kBatch = 2000;

class CrashTest : public SharedDatabaseTest {};

/// The child: commits batches forever, telling the parent before and after each commit.
[[noreturn]] void write_batches(const std::string& url, int report) {
  try {
    ormc::Database db(url);
    Models m(db);
    for (int batch = 0;; ++batch) {
      std::vector<Setting> rows(kBatch);
      for (int i = 0; i < kBatch; ++i)
        rows[i] = Setting{.key = std::to_string(batch) + "/" + std::to_string(i), .value = "v"};
      ormc::Transaction tx(db);
      m.settings.insert_all(rows);
      char committing = 'c', committed = 'C';
      if (write(report, &committing, 1) != 1) _exit(3);
      tx.commit();
      if (write(report, &committed, 1) != 1) _exit(3);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "child: %s\n", e.what());
    _exit(2);
  }
}

TEST_P(CrashTest, SigkillMidBatchKeepsExactlyTheCommittedBatches) {
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    write_batches(url, pipe_fds[1]);
  }
  close(pipe_fds[1]);
  // Let three batches commit, then kill the child while it writes the fourth.
  int committed = 0, announced = 0;
  char event;
  while (committed < 3 && read(pipe_fds[0], &event, 1) == 1)
    (event == 'C' ? committed : announced)++;
  ASSERT_EQ(committed, 3) << "the child stopped early";
  usleep(2000); // into the next batch's inserts
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  while (read(pipe_fds[0], &event, 1) == 1) // what it said before it died
    (event == 'C' ? committed : announced)++;
  close(pipe_fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited by itself: " << WEXITSTATUS(status);

  ormc::Database db(url);
  Models m(db);
  if (!on_postgres()) {
    std::vector<Setting> check = m.settings.raw(
        "SELECT integrity_check AS \"key\", '' AS \"value\" FROM pragma_integrity_check");
    ASSERT_EQ(check.size(), 1u);
    EXPECT_EQ(check.front().key, "ok");
  }
  std::int64_t rows = m.settings.count();
  EXPECT_EQ(rows % kBatch, 0) << "a batch was half written";
  // Committed ones are all there; the one whose commit was announced may or may not be.
  EXPECT_GE(rows / kBatch, committed);
  EXPECT_LE(rows / kBatch, announced);
}

ORMC_INSTANTIATE_FOR_BACKENDS(CrashTest);

} // namespace
} // namespace unit
