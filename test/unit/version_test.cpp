// Optimistic locking (ormc:version): update() writes a row only over the version it was read
// at, so that of two writers who read the same row the second gets VersionConflict instead of
// overwriting the first's change. Every other writer ormc has (partial and bulk updates,
// upserts) advances the version too. Model: models/versioned.hpp.
#include "backend_fixture.hpp"

#include <string>
#include <vector>

namespace {
using unit::WikiPage;
using unit::WikiPage_;
using VersionTest = unit::BackendTest;

WikiPage page(const std::string& slug, const std::string& body) {
  WikiPage p;
  p.slug = slug;
  p.body = body;
  return p;
}

/// The conflict update() throws, or a failure when it throws none.
template <class Write> ormc::VersionConflict conflict_of(Write write) {
  try {
    write();
  } catch (const ormc::VersionConflict& e) {
    return e;
  }
  ADD_FAILURE() << "no VersionConflict";
  return ormc::VersionConflict("", "", -1, -1);
}

TEST_P(VersionTest, TheSecondOfTwoWritersOfOneVersionConflictsAndWritesNothing) {
  WikiPage p = page("home", "first");
  m->wiki_pages.insert(p);
  EXPECT_EQ(p.version, 0); // inserted as the row holds it

  WikiPage ann = *m->wiki_pages.get(p.id);
  WikiPage bob = *m->wiki_pages.get(p.id);
  ann.body = "ann's";
  m->wiki_pages.update(ann);
  EXPECT_EQ(ann.version, 1); // the row advances with the table
  EXPECT_EQ(m->wiki_pages.get(p.id)->version, 1);

  bob.body = "bob's";
  ormc::VersionConflict e = conflict_of([&] { m->wiki_pages.update(bob); });
  EXPECT_EQ(e.model(), "unit::WikiPage");
  EXPECT_EQ(e.key(), std::to_string(p.id));
  EXPECT_EQ(e.held_version(), 0);
  EXPECT_EQ(e.stored_version(), 1);
  EXPECT_NE(std::string(e.what()).find("version 1, the row holds version 0"), std::string::npos)
      << e.what();
  EXPECT_EQ(bob.version, 0); // not advanced: nothing was written
  WikiPage stored = *m->wiki_pages.get(p.id);
  EXPECT_EQ(stored.body, "ann's");
  EXPECT_EQ(stored.version, 1);

  // Read again, reapply: written.
  WikiPage again = *m->wiki_pages.get(p.id);
  again.body = "bob's, over ann's";
  m->wiki_pages.update(again);
  EXPECT_EQ(m->wiki_pages.get(p.id)->body, "bob's, over ann's");
  EXPECT_EQ(m->wiki_pages.get(p.id)->version, 2);

  // A const row is checked as well; the caller's copy stays as it was.
  const WikiPage stale = bob;
  EXPECT_THROW(m->wiki_pages.update(stale), ormc::VersionConflict);
  const WikiPage current = *m->wiki_pages.get(p.id);
  m->wiki_pages.update(current);
  EXPECT_EQ(m->wiki_pages.get(p.id)->version, 3);
}

TEST_P(VersionTest, AMissingRowIsNotFoundNotAConflict) {
  WikiPage p = page("nowhere", "text");
  p.id = 4242;
  EXPECT_THROW(m->wiki_pages.update(p), ormc::NotFound);
  EXPECT_THROW(m->wiki_pages.update(p, WikiPage_::body), ormc::NotFound);
  EXPECT_EQ(p.version, 0);
}

TEST_P(VersionTest, APartialUpdateIsCheckedAndAdvancesTheVersion) {
  WikiPage p = page("partial", "one");
  m->wiki_pages.insert(p);
  WikiPage ann = p, bob = p;
  ann.views = 10;
  m->wiki_pages.update(ann, WikiPage_::views);
  EXPECT_EQ(ann.version, 1);
  bob.body = "two"; // another column, but the same stale version: refused
  EXPECT_THROW(m->wiki_pages.update(bob, WikiPage_::body), ormc::VersionConflict);
  EXPECT_EQ(bob.version, 0);
  WikiPage stored = *m->wiki_pages.get(p.id);
  EXPECT_EQ(stored.body, "one");
  EXPECT_EQ(stored.views, 10);
  EXPECT_EQ(stored.version, 1);
  // Validation still runs before any SQL.
  ann.body = "";
  EXPECT_THROW(m->wiki_pages.update(ann, WikiPage_::body), ormc::ValidationError);
  EXPECT_EQ(m->wiki_pages.get(p.id)->version, 1);
}

TEST_P(VersionTest, BulkUpdatesAndUpsertsAdvanceTheVersionSoThatHoldersConflict) {
  WikiPage a = page("a", "a"), b = page("b", "b");
  m->wiki_pages.insert(a);
  m->wiki_pages.insert(b);

  EXPECT_EQ(m->wiki_pages.where(WikiPage_::slug == "a").update(WikiPage_::views.set(5)), 1);
  EXPECT_EQ(m->wiki_pages.get(a.id)->version, 1);
  EXPECT_EQ(m->wiki_pages.get(b.id)->version, 0); // only the rows it changed
  a.body = "stale";
  EXPECT_THROW(m->wiki_pages.update(a), ormc::VersionConflict);
  EXPECT_EQ(m->wiki_pages.get(a.id)->views, 5);

  WikiPage by_key = *m->wiki_pages.get(b.id);
  by_key.body = "upserted";
  m->wiki_pages.upsert(by_key); // the row is there: overwritten, and its version advanced
  EXPECT_EQ(m->wiki_pages.get(b.id)->version, 1);
  EXPECT_EQ(m->wiki_pages.get(b.id)->body, "upserted");
  b.body = "stale";
  EXPECT_THROW(m->wiki_pages.update(b), ormc::VersionConflict);

  WikiPage by_slug = page("b", "upserted by slug");
  m->wiki_pages.upsert(by_slug, WikiPage_::slug);
  EXPECT_EQ(by_slug.id, b.id);
  EXPECT_EQ(m->wiki_pages.get(b.id)->version, 2);
  EXPECT_EQ(m->wiki_pages.get(b.id)->body, "upserted by slug");

  WikiPage fresh = page("c", "new");
  m->wiki_pages.upsert(fresh); // inserted: the version as the row holds it
  EXPECT_EQ(m->wiki_pages.get(fresh.id)->version, 0);
}

ORMC_INSTANTIATE_FOR_BACKENDS(VersionTest);

} // namespace
