// Versioned models (ormc:table(versioned)) on both backends: the database's triggers record
// every write path, in the writing transaction; history(), as_of() of a row and of a query,
// between() and restore(key, version); the actor of a transaction and of no other; and a writer
// killed mid-transaction leaves table and history consistent. Models: models/history.hpp.
#include "backend_fixture.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <gtest/gtest.h>
#include <ormc/pool.hpp>
#include <ormc/raw_sql.hpp>
#include <sqlite3.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace unit {
namespace {

using std::chrono::microseconds;
using Op = ormc::HistoryOperation;

using HistoryTest = BackendTest;

Contract contract(std::string code, std::int64_t cents) {
  return {.id = 0, .code = std::move(code), .party = "acme", .amount_cents = cents, .note = {}};
}

std::vector<std::int64_t> amounts(const std::vector<ormc::Version<Contract>>& versions) {
  std::vector<std::int64_t> out;
  for (const auto& v : versions)
    out.push_back(v.row.amount_cents);
  return out;
}

std::vector<Op> operations(const std::vector<ormc::Version<Contract>>& versions) {
  std::vector<Op> out;
  for (const auto& v : versions)
    out.push_back(v.operation);
  return out;
}

TEST_P(HistoryTest, InsertUpdateAndRemoveEachAddAVersionThatEndsWhereTheNextBegins) {
  Contract c = contract("C-1", 100);
  m->contracts.insert(c);
  c.amount_cents = 250;
  c.note = "raised";
  m->contracts.update(c);
  m->contracts.remove(c);

  auto versions = m->contracts.history(c.id);
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(operations(versions), (std::vector<Op>{Op::insert, Op::update, Op::remove}));
  EXPECT_EQ(amounts(versions), (std::vector<std::int64_t>{100, 250, 250}));
  for (std::size_t i = 0; i < versions.size(); ++i) {
    EXPECT_EQ(versions[i].version, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(versions[i].row.id, c.id);
    ASSERT_TRUE(versions[i].valid_to.has_value()) << "version " << i + 1;
    if (i + 1 < versions.size()) {
      EXPECT_EQ(*versions[i].valid_to, versions[i + 1].valid_from);
    }
  }
  EXPECT_EQ(versions[1].row.note, "raised");
  EXPECT_FALSE(versions[0].row.note.has_value());
  // The removal holds the row as it was, for no time.
  EXPECT_EQ(versions[2].valid_from, *versions[2].valid_to);
  EXPECT_FALSE(versions[0].actor.has_value());
}

TEST_P(HistoryTest, EveryWritePathIsRecordedBulkRawAndAnotherConnectionToo) {
  std::vector<Contract> many;
  for (int i = 0; i < 100; ++i) // 100 rows: PostgreSQL's COPY path
    many.push_back(contract("bulk-" + std::to_string(i), i));
  m->contracts.insert_all(many);
  Contract up = contract("up", 1);
  m->contracts.upsert(up);
  up.amount_cents = 2;
  m->contracts.upsert(up);
  EXPECT_EQ(m->contracts.where(Contract_::amount_cents < 10).update(Contract_::party.set("bulk")),
            11); // 10 bulk rows and `up`
  EXPECT_EQ(m->contracts.where(Contract_::amount_cents >= 90).remove(), 10);
  const std::string table = on_postgres() ? "contract" : "\"contract\"";
  EXPECT_EQ(ormc::execute(*db, "UPDATE " + table + " SET note = 'raw' WHERE code = 'bulk-50'"), 1);

  std::int64_t versions = 0;
  for (const Contract& c : many)
    versions += static_cast<std::int64_t>(m->contracts.history(c.id).size());
  versions += static_cast<std::int64_t>(m->contracts.history(up.id).size());
  // 100 inserts, `up` twice, 11 bulk updates, 10 removals, 1 raw update.
  EXPECT_EQ(versions, 100 + 2 + 11 + 10 + 1);
  auto raw = m->contracts.history(many[50].id);
  ASSERT_EQ(raw.size(), 2u);
  EXPECT_EQ(raw.back().row.note, "raw");
  EXPECT_EQ(operations(m->contracts.history(many[95].id)),
            (std::vector<Op>{Op::insert, Op::remove}));
  // Inserted, upserted over, then the bulk update's.
  auto upserted = m->contracts.history(up.id);
  EXPECT_EQ(operations(upserted), (std::vector<Op>{Op::insert, Op::update, Op::update}));
  EXPECT_EQ(amounts(upserted), (std::vector<std::int64_t>{1, 2, 2}));
  EXPECT_EQ(upserted.back().row.party, "bulk");
}

TEST_P(HistoryTest, ARolledBackTransactionOrSavepointLeavesNoHistory) {
  Contract kept = contract("kept", 1);
  {
    ormc::Transaction tx(*db);
    Contract gone = contract("gone", 1);
    m->contracts.insert(gone);
    m->contracts.insert(kept);
    {
      ormc::Transaction inner(*db);
      kept.amount_cents = 99;
      m->contracts.update(kept);
    } // the savepoint rolls back
    tx.commit();
  }
  {
    ormc::Transaction tx(*db);
    kept.amount_cents = 7;
    m->contracts.update(kept);
    Contract other = contract("other", 1);
    m->contracts.insert(other);
  } // rolled back
  EXPECT_EQ(amounts(m->contracts.history(kept.id)), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(stored<std::int64_t>(on_postgres() ? "SELECT count(*) FROM contract_history"
                                               : "SELECT count(*) FROM \"contract_history\""),
            2); // "gone" and "kept", once each
}

TEST_P(HistoryTest, AsOfGivesExactlyTheRowAtEachMomentOfItsHistory) {
  Contract c = contract("C-7", 10);
  m->contracts.insert(c);
  Contract other = contract("C-8", 500);
  m->contracts.insert(other);
  for (std::int64_t cents : {20, 30}) {
    usleep(3000); // apart on SQLite's millisecond clock
    c.amount_cents = cents;
    m->contracts.update(c);
  }
  usleep(3000);
  m->contracts.remove(c);
  auto versions = m->contracts.history(c.id);
  ASSERT_EQ(versions.size(), 4u);
  const auto before = versions.front().valid_from - microseconds(1);
  EXPECT_FALSE(m->contracts.as_of(c.id, before).has_value()) << "before its insert";
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    const auto& v = versions[i];
    for (auto at : {v.valid_from, *v.valid_to - microseconds(1)}) {
      auto then = m->contracts.as_of(c.id, at);
      ASSERT_TRUE(then.has_value()) << "version " << v.version;
      EXPECT_EQ(then->amount_cents, v.row.amount_cents) << "version " << v.version;
    }
  }
  EXPECT_FALSE(m->contracts.as_of(c.id, versions.back().valid_from).has_value()) << "removed";
  EXPECT_FALSE(m->contracts.get(c.id).has_value());

  // A whole query as of a time: its conditions apply to the versions then current.
  const auto second = versions[1].valid_from;
  EXPECT_EQ(m->contracts.as_of(second).count(), 2);
  auto cheap = m->contracts.where(Contract_::amount_cents < 100).as_of(second).all();
  ASSERT_EQ(cheap.size(), 1u);
  EXPECT_EQ(cheap.front().amount_cents, 20);
  EXPECT_EQ(m->contracts.as_of(versions.back().valid_from).count(), 1);
  EXPECT_EQ(m->contracts.as_of(std::chrono::system_clock::now()).count(), m->contracts.count());

  // between(): what was current at some time in the range, and the removal in it.
  auto changed =
      m->contracts.between(versions[2].valid_from, *versions[3].valid_to + microseconds(1));
  std::vector<std::int64_t> changed_versions;
  for (const auto& v : changed)
    if (v.row.id == c.id) changed_versions.push_back(v.version);
  EXPECT_EQ(changed_versions, (std::vector<std::int64_t>{3, 4}));
}

TEST_P(HistoryTest, AQueryOfHistoryIsReadOnly) {
  Contract c = contract("C-9", 1);
  m->contracts.insert(c);
  auto past = m->contracts.as_of(std::chrono::system_clock::now());
  EXPECT_THROW(past.remove(), ormc::UsageError);
  EXPECT_THROW(past.update(Contract_::party.set("x")), ormc::UsageError);
  EXPECT_THROW(past.as_of(std::chrono::system_clock::now()), ormc::UsageError);
  EXPECT_EQ(m->contracts.count(), 1);
}

TEST_P(HistoryTest, TheActorIsThatOfTheWritingTransactionAndOfNoOther) {
  Contract c = contract("C-2", 1);
  {
    ormc::Transaction tx(*db);
    tx.set_actor("alice");
    m->contracts.insert(c);
    tx.commit();
  }
  c.amount_cents = 2;
  m->contracts.update(c); // no actor: the setting ended with alice's transaction
  {
    ormc::Transaction tx(*db);
    tx.set_actor("bob");
    c.amount_cents = 3;
    m->contracts.update(c);
  } // rolled back: bob's change is not history
  ormc::in_transaction(*db, [&] {
    ormc::Transaction tx(*db); // a savepoint: the actor still lasts until the outer commit
    tx.set_actor("carol");
    tx.commit();
    c.amount_cents = 4;
    m->contracts.update(c);
  });
  auto versions = m->contracts.history(c.id);
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].actor, "alice");
  EXPECT_FALSE(versions[1].actor.has_value());
  EXPECT_EQ(versions[2].actor, "carol");
  EXPECT_EQ(amounts(versions), (std::vector<std::int64_t>{1, 2, 4}));
}

TEST_P(HistoryTest, RestoreWritesAVersionBackOverTheRowOrAfterItsRemoval) {
  Contract c = contract("C-3", 100);
  m->contracts.insert(c);
  c.amount_cents = 5;
  c.note = "mistake";
  m->contracts.update(c);
  Contract back = m->contracts.restore(c.id, 1);
  EXPECT_EQ(back.amount_cents, 100);
  EXPECT_EQ(m->contracts.get(c.id)->amount_cents, 100);
  EXPECT_FALSE(m->contracts.get(c.id)->note.has_value());
  m->contracts.remove(c);
  m->contracts.restore(c.id, 2);
  ASSERT_TRUE(m->contracts.get(c.id).has_value());
  EXPECT_EQ(m->contracts.get(c.id)->note, "mistake");
  EXPECT_EQ(operations(m->contracts.history(c.id)),
            (std::vector<Op>{Op::insert, Op::update, Op::update, Op::remove, Op::insert}));
  EXPECT_THROW(m->contracts.restore(c.id, 99), ormc::NotFound);
}

TEST_P(HistoryTest, ACompositeKeyAReservedWordTableAndAVersionColumnKeepHistory) {
  Clause a{.contract = 1, .position = 1, .text = "first", .revision = 0};
  Clause b{.contract = 1, .position = 2, .text = "second", .revision = 0};
  m->clauses.insert(a);
  m->clauses.insert(b);
  a.text = "first, amended";
  m->clauses.update(a);
  EXPECT_EQ(a.revision, 1);
  auto versions = m->clauses.history({1, 1});
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].row.text, "first, amended");
  EXPECT_EQ(m->clauses.history({1, 2}).size(), 1u);
  Clause restored = m->clauses.restore({1, 1}, 1); // over revision 1: no VersionConflict
  EXPECT_EQ(restored.text, "first");
  EXPECT_EQ(m->clauses.get({1, 1})->text, "first");
  EXPECT_EQ(m->clauses.get({1, 1})->revision, 2);
}

TEST_P(HistoryTest, CheckSchemaFindsAHistoryTableOutOfStepWithItsTable) {
  m->check_schema(); // as create_schema() made it
  db->execute(on_postgres() ? "ALTER TABLE contract_history DROP COLUMN note"
                            : "ALTER TABLE \"contract_history\" DROP COLUMN \"note\"");
  try {
    m->check_schema();
    FAIL() << "a history without the table's column \"note\" passed";
  } catch (const ormc::SchemaMismatch& e) {
    EXPECT_NE(std::string(e.what()).find("table \"contract_history\", column \"note\": missing"),
              std::string::npos)
        << e.what();
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(HistoryTest);

// ---- Writers other than this connection, and one killed mid-transaction.
class HistoryWritersTest : public SharedDatabaseTest {};

TEST_P(HistoryWritersTest, AnotherProgramsWritesAreRecordedWithoutOrmcsFunctions) {
  ormc::Database shared(url);
  Models sm(shared);
  Contract c = contract("C-4", 1);
  sm.contracts.insert(c);
  if (on_postgres()) {
    ormc::Database other(url);
    EXPECT_EQ(ormc::execute(other, "UPDATE contract SET amount_cents = 2"), 1);
  } else {
    sqlite3* other = nullptr; // the plain library: no function of ormc's is registered
    ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(other, "UPDATE contract SET amount_cents = 2", nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(other);
  }
  EXPECT_EQ(amounts(sm.contracts.history(c.id)), (std::vector<std::int64_t>{1, 2}));
}

TEST_P(HistoryWritersTest, APooledConnectionDoesNotCarryOneUsersActorToTheNext) {
  ormc::Pool pool(url, 1); // one connection: every lease is the same one
  Contract c = contract("C-5", 1);
  {
    auto lease = pool.acquire();
    Models pm(*lease);
    ormc::Transaction tx(*lease);
    tx.set_actor("alice");
    pm.contracts.insert(c);
    tx.commit();
  }
  {
    auto lease = pool.acquire(); // the next user, not saying who they are
    Models pm(*lease);
    c.amount_cents = 2;
    pm.contracts.update(c);
    ormc::Transaction tx(*lease);
    c.amount_cents = 3;
    pm.contracts.update(c);
    tx.commit();
  }
  auto lease = pool.acquire();
  auto versions = Models(*lease).contracts.history(c.id);
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].actor, "alice");
  EXPECT_FALSE(versions[1].actor.has_value()) << *versions[1].actor;
  EXPECT_FALSE(versions[2].actor.has_value()) << *versions[2].actor;
}

constexpr int kContracts = 50;

/// The child: raises every contract's amount by 1 in one transaction after another, forever.
[[noreturn]] void raise_amounts(const std::string& url, int report) {
  try {
    ormc::Database db(url);
    Models m(db);
    for (;;) {
      ormc::Transaction tx(db);
      tx.set_actor("child");
      for (Contract& c : m.contracts.all()) {
        c.amount_cents += 1;
        m.contracts.update(c);
      }
      tx.commit();
      char committed = 'C';
      if (write(report, &committed, 1) != 1) _exit(3);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "child: %s\n", e.what());
    _exit(2);
  }
}

TEST_P(HistoryWritersTest, SigkillMidTransactionLeavesTableAndHistoryConsistent) {
  {
    ormc::Database shared(url);
    Models sm(shared);
    for (int i = 0; i < kContracts; ++i) {
      Contract c = contract("K-" + std::to_string(i), 0);
      sm.contracts.insert(c);
    }
  }
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    raise_amounts(url, pipe_fds[1]);
  }
  close(pipe_fds[1]);
  int committed = 0;
  char event;
  while (committed < 3 && read(pipe_fds[0], &event, 1) == 1)
    ++committed;
  ASSERT_EQ(committed, 3) << "the child stopped early";
  usleep(1500); // into the next transaction's updates
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(pipe_fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited by itself: " << WEXITSTATUS(status);

  ormc::Database after(url);
  Models fresh(after);
  const std::vector<Contract> rows = fresh.contracts.all();
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(kContracts));
  const std::int64_t raised = rows.front().amount_cents;
  EXPECT_GE(raised, 3);
  for (const Contract& row : rows) {
    EXPECT_EQ(row.amount_cents, raised) << "a transaction was half kept";
    auto versions = fresh.contracts.history(row.id);
    ASSERT_EQ(versions.size(), static_cast<std::size_t>(raised + 1)) << row.code;
    EXPECT_FALSE(versions.back().valid_to.has_value());
    EXPECT_EQ(versions.back().row.amount_cents, row.amount_cents);
    EXPECT_EQ(versions.back().actor, "child");
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(HistoryWritersTest);

} // namespace
} // namespace unit
