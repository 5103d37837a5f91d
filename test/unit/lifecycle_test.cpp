// What generated code does around each write: mixin columns (timestamps, soft delete, UUID
// keys), validation before any SQL, and the models' hooks. Models: models/blog.hpp.
#include "backend_fixture.hpp"

#include <chrono>
#include <thread>

namespace {
using namespace unit::blog;
using LifecycleTest = unit::BackendTest;
using namespace std::chrono_literals;

TEST_P(LifecycleTest, TimestampsAreSetOnInsertAndUpdate) {
  auto before = std::chrono::system_clock::now() - 1s;
  User u;
  u.name = "ann";
  m->users.insert(u);
  EXPECT_GT(u.created_at, before);
  EXPECT_EQ(u.created_at, u.updated_at);
  EXPECT_EQ(m->users.get(u.id)->created_at, u.created_at); // stored as set, to the microsecond

  auto created = u.created_at;
  std::this_thread::sleep_for(2ms);
  u.name = "anne";
  m->users.update(u);
  EXPECT_EQ(u.created_at, created);
  EXPECT_GT(u.updated_at, created);
  EXPECT_EQ(m->users.get(u.id)->updated_at, u.updated_at);

  // A bulk update stamps updated_at too.
  std::this_thread::sleep_for(2ms);
  m->users.where(User_::id == u.id).update(User_::name.set("ann"));
  EXPECT_GT(m->users.get(u.id)->updated_at, u.updated_at);
}

TEST_P(LifecycleTest, SoftDeleteHidesRowsUntilRestored) {
  User ann;
  ann.name = "ann";
  m->users.insert(ann);
  Post kept, gone;
  kept.author_id = gone.author_id = ann.id;
  kept.title = "kept";
  gone.title = "gone";
  m->posts.insert(kept);
  m->posts.insert(gone);

  EXPECT_TRUE(m->posts.remove(gone));
  ASSERT_TRUE(gone.deleted_at.has_value()); // written back into the row
  EXPECT_FALSE(m->posts.get(gone.id));
  EXPECT_EQ(m->posts.count(), 1);
  EXPECT_EQ(m->posts.all().size(), 1u);
  EXPECT_EQ(m->users.posts(ann).count(), 1);
  EXPECT_EQ(m->posts.with_deleted().count(), 2);
  EXPECT_FALSE(m->posts.remove(gone.id)); // already removed

  EXPECT_TRUE(m->posts.restore(gone));
  EXPECT_FALSE(gone.deleted_at.has_value());
  EXPECT_EQ(m->posts.count(), 2);

  EXPECT_EQ(m->posts.where(Post_::title == "gone").remove(), 1); // bulk remove is soft too
  EXPECT_EQ(m->posts.count(), 1);
  EXPECT_TRUE(m->posts.purge(gone.id)); // for good
  EXPECT_EQ(m->posts.with_deleted().count(), 1);
}

TEST_P(LifecycleTest, JoinsSkipSoftDeletedRowsOfEveryJoinedModel) {
  User ann, bob;
  ann.name = "ann";
  bob.name = "bob";
  m->users.insert(ann);
  m->users.insert(bob);
  Post kept, gone;
  kept.author_id = gone.author_id = ann.id;
  kept.title = "kept";
  gone.title = "gone";
  m->posts.insert(kept);
  m->posts.insert(gone);
  Comment on_kept, on_gone;
  on_kept.post_id = kept.id;
  on_gone.post_id = gone.id;
  on_kept.text = on_gone.text = "first";
  m->comments.insert(on_kept);
  m->comments.insert(on_gone);
  ASSERT_TRUE(m->posts.remove(gone));

  // The soft-deleted post is not a row of the join, whichever side it is on. "user" is a
  // reserved word on PostgreSQL: every qualified name is quoted.
  auto posts = m->posts.join<User>(Post_::author_id == User_::id).all();
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(std::get<0>(posts[0]).title, "kept");
  auto comments = m->comments.join<Post>().all();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(std::get<0>(comments[0]).id, on_kept.id);
  // A left join keeps the user, with only the live post, and bob with none.
  auto users = m->users.left_join<Post>(Post_::author_id == User_::id).order_by(User_::name).all();
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(std::get<1>(users[0])->title, "kept");
  EXPECT_FALSE(std::get<1>(users[1]).has_value());
}

TEST_P(LifecycleTest, UuidKeysAreChosenOnTheClient) {
  Note a, b;
  a.text = "a";
  b.text = "b";
  m->notes.insert(a);
  m->notes.insert(b);
  ASSERT_EQ(a.id.size(), 36u);
  EXPECT_EQ(a.id[14], '4'); // version 4
  EXPECT_NE(a.id, b.id);
  EXPECT_EQ(m->notes.get(a.id)->text, "a");
  Note chosen;
  chosen.id = "00000000-0000-4000-8000-000000000001";
  m->notes.insert(chosen);
  EXPECT_TRUE(m->notes.get("00000000-0000-4000-8000-000000000001"));

  Attachment file;
  file.note_id = a.id;
  file.file = "a.txt";
  m->attachments.insert(file);
  EXPECT_EQ(m->attachments.note(file)->id, a.id);
  EXPECT_EQ(m->notes.attachments(a).count(), 1);
}

TEST_P(LifecycleTest, ValidationListsEveryViolatedFieldBeforeAnySql) {
  User u;
  u.name = ""; // not_empty
  u.age = 200; // max = 150
  int statements = 0;
  db->on_statement([&](const ormc::StatementEvent&) { ++statements; });
  try {
    m->users.insert(u);
    FAIL() << "an invalid row was inserted";
  } catch (const ormc::ValidationError& e) {
    ASSERT_EQ(e.violations().size(), 2u);
    EXPECT_EQ(e.violations()[0].member, "name");
    EXPECT_EQ(e.violations()[0].message, "must not be empty");
    EXPECT_EQ(e.violations()[1].member, "age");
    EXPECT_EQ(e.violations()[1].message, "must be at most 150");
    EXPECT_STREQ(e.what(), "unit::blog::User is not valid: name must not be empty; age must be at "
                           "most 150");
  }
  EXPECT_EQ(statements, 0);
  db->on_statement(nullptr);

  u.name = "ünïcödé!";  // eight characters, more bytes: max_length counts characters
  u.age = std::nullopt; // NULL passes min/max
  EXPECT_NO_THROW(m->users.insert(u));
  u.age = -1;
  EXPECT_THROW(m->users.update(u), ormc::ValidationError);
  EXPECT_FALSE(m->users.get(u.id)->age.has_value());

  std::vector<User> batch(3);
  for (User& b : batch)
    b.name = "ok";
  batch[2].name = "far too long";
  EXPECT_THROW(m->users.insert_all(batch), ormc::ValidationError);
  EXPECT_EQ(m->users.count(), 1); // none of the batch
}

TEST_P(LifecycleTest, CheckConstraintsAreTheDatabases) {
  User u;
  u.name = "ann";
  u.email = "not an address";
  EXPECT_THROW(m->users.insert(u), ormc::CheckViolation);
  Sponsorship s;
  s.amount = 0;
  EXPECT_THROW(m->sponsorships.insert(s), ormc::ValidationError); // min = 1, checked first
}

TEST_P(LifecycleTest, HooksRunAroundEachWrite) {
  hook_log().clear();
  Note n;
  n.text = "draft   ";
  m->notes.insert(n);
  EXPECT_EQ(m->notes.get(n.id)->text, "draft"); // before_insert changed the row
  n.text = "final";
  m->notes.update(n);
  m->notes.remove(n.id); // read first, so that the hook sees the row
  std::vector<std::string> expected = {"before_insert draft", "after_insert " + n.id,
                                       "audit_update",        "before_update",
                                       "after_update",        "before_remove final"};
  EXPECT_EQ(hook_log(), expected);

  Note stays;
  stays.text = "x";
  m->notes.insert(stays);
  stays.refuse_removal = true;
  EXPECT_THROW(m->notes.remove(stays), std::runtime_error);
  EXPECT_TRUE(m->notes.get(stays.id)); // a throwing hook stops the operation
}

ORMC_INSTANTIATE_FOR_BACKENDS(LifecycleTest);

} // namespace
