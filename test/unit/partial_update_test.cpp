// update(row, columns...): only the named columns (and updated_at) are written, so another
// writer's change to the others is kept; validation, hooks and NotFound as with update(row).
// Models: models/blog.hpp.
#include "backend_fixture.hpp"

#include <chrono>
#include <thread>

namespace {
using namespace unit::blog;
using PartialUpdateTest = unit::BackendTest;
using namespace std::chrono_literals;

TEST_P(PartialUpdateTest, OnlyTheNamedColumnsAreWrittenAndAnotherWritersChangeIsKept) {
  User mine;
  mine.name = "ann";
  mine.age = 30;
  m->users.insert(mine);
  // Another writer changes the email meanwhile; this copy still holds the old one.
  User theirs = *m->users.get(mine.id);
  theirs.email = "ann@elsewhere.org";
  m->users.update(theirs);

  std::this_thread::sleep_for(2ms);
  std::vector<std::string> statements;
  db->on_statement([&](const ormc::StatementEvent& e) { statements.emplace_back(e.sql); });
  mine.name = "anne";
  mine.age = 31; // changed here, but not named: not written
  m->users.update(mine, User_::name);
  db->on_statement(nullptr);

  User stored = *m->users.get(mine.id);
  EXPECT_EQ(stored.name, "anne");
  EXPECT_EQ(stored.age, 30);
  EXPECT_EQ(stored.email, "ann@elsewhere.org");
  EXPECT_GT(mine.updated_at, theirs.updated_at); // stamped in the row
  EXPECT_EQ(stored.updated_at, mine.updated_at); // and written with it
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_NE(statements[0].find(R"(SET "name" = )"), std::string::npos) << statements[0];
  EXPECT_NE(statements[0].find(R"("updated_at" = )"), std::string::npos) << statements[0];
  EXPECT_EQ(statements[0].find(R"("age")"), std::string::npos) << statements[0];
  EXPECT_EQ(statements[0].find(R"("email")"), std::string::npos) << statements[0];

  m->users.update(mine, User_::age, User_::email); // several; email written back as held here
  stored = *m->users.get(mine.id);
  EXPECT_EQ(stored.age, 31);
  EXPECT_EQ(stored.email, mine.email);
}

TEST_P(PartialUpdateTest, ValidationHooksAndAMissingRowAreAsWithAWholeUpdate) {
  User u;
  u.name = "bob";
  m->users.insert(u);
  u.name = ""; // not_empty: refused before any SQL, even though only age is named
  EXPECT_THROW(m->users.update(u, User_::age), ormc::ValidationError);
  EXPECT_EQ(m->users.get(u.id)->name, "bob");

  User gone = u;
  gone.id = u.id + 100;
  gone.name = "gone";
  EXPECT_THROW(m->users.update(gone, User_::name), ormc::NotFound);

  hook_log().clear();
  Note n;
  n.text = "draft";
  m->notes.insert(n);
  hook_log().clear();
  n.text = "final";
  m->notes.update(n, Note_::text);
  EXPECT_EQ(hook_log(),
            (std::vector<std::string>{"audit_update", "before_update", "after_update"}));
  EXPECT_EQ(m->notes.get(n.id)->text, "final");
}

ORMC_INSTANTIATE_FOR_BACKENDS(PartialUpdateTest);

} // namespace
