// Foreign keys, relation helpers on both sides, many-to-many links and eager loading, through the
// generated Models: tests/models/blog.hpp.
#include "backend_fixture.hpp"

#include <algorithm>

namespace {
using namespace unit::blog;
using RelationsTest = unit::BackendTest;

User make_user(unit::Models& m, const std::string& name) {
  User u;
  u.name = name;
  m.users.insert(u);
  return u;
}

Post make_post(unit::Models& m, const User& author, const std::string& title) {
  Post p;
  p.author_id = author.id;
  p.title = title;
  m.posts.insert(p);
  return p;
}

TEST_P(RelationsTest, BelongsToAndHasManyGoBothWays) {
  User ann = make_user(*m, "ann");
  User bob = make_user(*m, "bob");
  Post first = make_post(*m, ann, "first");
  make_post(*m, ann, "second");
  make_post(*m, bob, "third");

  std::optional<User> author = m->posts.author(first);
  ASSERT_TRUE(author);
  EXPECT_EQ(author->name, "ann");
  EXPECT_FALSE(m->posts.editor(first)); // a NULL reference has no row

  // has-many is a query that can be refined further
  EXPECT_EQ(m->users.posts(ann).count(), 2);
  auto titled = m->users.posts(ann).where(Post_::title == "second").all();
  ASSERT_EQ(titled.size(), 1u);
  EXPECT_EQ(titled[0].title, "second");
  first.editor_id = bob.id;
  m->posts.update(first);
  EXPECT_EQ(m->users.edited_posts(bob).count(), 1);
}

TEST_P(RelationsTest, UniqueForeignKeyIsOneToOne) {
  User ann = make_user(*m, "ann");
  EXPECT_FALSE(m->users.profile(ann));
  Profile profile;
  profile.user_id = ann.id;
  profile.bio = "hi";
  m->profiles.insert(profile);
  ASSERT_TRUE(m->users.profile(ann));
  EXPECT_EQ(m->users.profile(ann)->bio, "hi");
  Profile second;
  second.user_id = ann.id;
  EXPECT_THROW(m->profiles.insert(second), ormc::UniqueViolation);
}

TEST_P(RelationsTest, ForeignKeysAreEnforcedWithTheirActions) {
  User ann = make_user(*m, "ann");
  User bob = make_user(*m, "bob");
  Post post = make_post(*m, ann, "p");
  post.editor_id = bob.id;
  m->posts.update(post);
  Post orphan;
  orphan.author_id = 424242;
  try {
    m->posts.insert(orphan);
    FAIL() << "a reference to no row was stored";
  } catch (const ormc::ForeignKeyViolation& e) {
    // PostgreSQL names the constraint; SQLite only says a foreign key failed.
    if (on_postgres()) {
      EXPECT_NE(std::string(e.what()).find("fk_post_author_id"), std::string::npos);
    }
  }
  m->users.remove(bob); // on_delete = set_null
  EXPECT_FALSE(m->posts.get(post.id)->editor_id.has_value());
  m->users.remove(ann); // on_delete = cascade
  EXPECT_EQ(m->posts.with_deleted().count(), 0);
}

TEST_P(RelationsTest, EagerLoadingTakesFixedStatementsWhateverTheRowCount) {
  for (int users : {3, 60}) {
    m->posts.with_deleted().purge();
    m->users.query().remove();
    std::vector<User> authors;
    for (int i = 0; i < users; ++i)
      authors.push_back(make_user(*m, "u" + std::to_string(i)));
    std::vector<Tag> tags(3);
    for (std::size_t i = 0; i < tags.size(); ++i) {
      tags[i].label = "t" + std::to_string(users) + "_" + std::to_string(i);
      m->tags.insert(tags[i]);
    }
    for (const User& u : authors)
      for (int j = 0; j < 2; ++j) {
        Post p = make_post(*m, u, u.name + "/" + std::to_string(j));
        m->posts.link_tags(p, tags[static_cast<std::size_t>(j)]);
      }
    std::vector<Post> posts = m->posts.all();

    int statements = 0;
    db->on_statement([&](const ormc::StatementEvent&) { ++statements; });
    auto byAuthor = m->posts.load_author(posts);
    auto byUser = m->users.load_posts(authors);
    auto tagsOf = m->posts.load_tags(posts);
    db->on_statement(nullptr);
    EXPECT_EQ(statements, 4) << users << " users"; // 1 + 1 + 2, for 3 users as for 60

    for (const Post& p : posts) {
      const User* a = byAuthor.find(p.author_id);
      ASSERT_NE(a, nullptr);
      EXPECT_EQ(p.title.substr(0, p.title.find('/')), a->name);
      ASSERT_EQ(tagsOf.of(p.id).size(), 1u);
    }
    for (const User& u : authors)
      EXPECT_EQ(byUser.of(u.id).size(), 2u);
  }
}

TEST_P(RelationsTest, ManyToManyLinksAddRemoveAndList) {
  User ann = make_user(*m, "ann");
  Post post = make_post(*m, ann, "p");
  Tag db_tag, cpp_tag;
  db_tag.label = "db";
  cpp_tag.label = "c++";
  m->tags.insert(db_tag);
  m->tags.insert(cpp_tag);

  m->posts.link_tags(post, db_tag);
  m->posts.link_tags(post, cpp_tag);
  m->posts.link_tags(post, db_tag); // again: nothing changes
  EXPECT_EQ(m->posts.tags(post).count(), 2);
  EXPECT_EQ(m->posts.tags(post).where(Tag_::label == "db").count(), 1);
  EXPECT_EQ(m->tags.posts(cpp_tag).count(), 1); // the other side

  EXPECT_TRUE(m->posts.unlink_tags(post, db_tag));
  EXPECT_FALSE(m->posts.unlink_tags(post, db_tag));
  auto left = m->posts.tags(post).all();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].label, "c++");
  m->tags.remove(cpp_tag); // the join rows go with it
  EXPECT_EQ(m->posts.tags(post).count(), 0);
}

TEST_P(RelationsTest, ManyToManyThroughAModel) {
  Team team;
  team.name = "red";
  m->teams.insert(team);
  Sponsor acme;
  acme.name = "acme";
  m->sponsors.insert(acme);
  m->sponsors.link_sponsored_teams(acme, team);
  EXPECT_EQ(m->sponsors.sponsored_teams(acme).count(), 1);
  EXPECT_EQ(m->teams.sponsors(team).all().at(0).name, "acme");
  EXPECT_EQ(m->sponsorships.count(), 1); // a Sponsorship row, with its default amount
  EXPECT_THROW(m->sponsors.link_sponsored_teams(acme, team), ormc::UniqueViolation);
  auto grouped = m->teams.load_sponsors(std::vector<Team>{team});
  EXPECT_EQ(grouped.of(team.id).size(), 1u);
  EXPECT_TRUE(m->teams.unlink_sponsors(team, acme));
  EXPECT_EQ(m->sponsorships.count(), 0);
}

TEST_P(RelationsTest, TablesThatReferenceEachOtherAreCreatedAndDropped) {
  Team team;
  team.name = "blue";
  m->teams.insert(team);
  Member captain;
  captain.name = "cap";
  captain.team_id = team.id;
  m->members.insert(captain);
  team.captain_id = captain.id;
  m->teams.update(team);
  EXPECT_EQ(m->teams.captain(team)->name, "cap");
  EXPECT_EQ(m->members.teams(captain).count(), 1);
  EXPECT_EQ(m->teams.members(team).count(), 1);

  m->create_schema(); // again: harmless, also the constraint added after creation
  m->drop_schema();
  EXPECT_THROW(m->teams.count(), ormc::DatabaseError);
  m->create_schema();
  EXPECT_EQ(m->teams.count(), 0);
}

ORMC_INSTANTIATE_FOR_BACKENDS(RelationsTest);

} // namespace
