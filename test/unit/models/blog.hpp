// Models for the relation, mixin, validation and hook tests: a small blog with users, posts,
// tags and comments; teams and members that reference each other; sponsors linked to teams
// through a model of their own.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/mixins.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace unit::blog {

/// Every hook call, in order, so tests can see what ran.
inline std::vector<std::string>& hook_log() {
  static std::vector<std::string> log;
  return log;
}

struct ORMC_TABLE(name = "user") User : ormc::mixins::Timestamps {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(max_length = 8, not_empty) std::string name;
  ORMC_COLUMN(min = 0, max = 150) std::optional<std::int32_t> age;
  ORMC_COLUMN(check = "\"email\" LIKE '%@%'") std::string email = "someone@example.org";
};

struct ORMC_TABLE() Profile {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(User, on_delete = cascade) ORMC_COLUMN(unique) std::int64_t user_id = 0;
  std::string bio;
};

/// Declared before Post, which it references: the DDL still creates Post first.
struct ORMC_TABLE() Comment {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Post, on_delete = cascade) std::int64_t post_id = 0;
  std::string text;
};

struct ORMC_TABLE() ORMC_MANY_TO_MANY(Tag) ORMC_INDEX(author_id, title) Post
    : ormc::mixins::SoftDelete {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(User, on_delete = cascade) std::int64_t author_id = 0;
  ORMC_BELONGS_TO(User, on_delete = set_null, name = editor, inverse = edited_posts)
  std::optional<std::int64_t> editor_id;
  std::string title;
};

struct ORMC_TABLE() ORMC_UNIQUE(label) Tag {
  ORMC_ID() std::int64_t id = 0;
  std::string label;
};

/// Teams and members reference each other: a cycle.
struct ORMC_TABLE() Team {
  ORMC_ID() std::int64_t id = 0;
  std::string name;
  ORMC_BELONGS_TO(Member, on_delete = set_null) std::optional<std::int64_t> captain_id;
};

struct ORMC_TABLE() Member {
  ORMC_ID() std::int64_t id = 0;
  std::string name;
  ORMC_BELONGS_TO(Team, on_delete = cascade) std::int64_t team_id = 0;
};

struct ORMC_TABLE() ORMC_MANY_TO_MANY(Team, through = Sponsorship, name = sponsored_teams,
                                      inverse = sponsors) Sponsor {
  ORMC_ID() std::int64_t id = 0;
  std::string name;
};

struct ORMC_TABLE() ORMC_UNIQUE(sponsor_id, team_id) Sponsorship {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Sponsor, on_delete = cascade) std::int64_t sponsor_id = 0;
  ORMC_BELONGS_TO(Team, on_delete = cascade) std::int64_t team_id = 0;
  ORMC_COLUMN(min = 1) std::int32_t amount = 1;
};

/// A mixin of our own, with a hook, on top of a standard one.
struct ORMC_MIXIN() Audited : ormc::mixins::Timestamps {
  ORMC_COLUMN(not_empty) std::string changed_by = "system";
  ORMC_HOOK(before_update) void audit_update() { hook_log().push_back("audit_update"); }
};

/// A client-side UUID key, hooks for every event, and a mixin of a mixin.
struct ORMC_TABLE() Note : ormc::mixins::UuidKey, Audited {
  ORMC_COLUMN(max_length = 40) std::string text;
  ORMC_IGNORE() bool refuse_removal = false;

  ORMC_HOOK(before_insert) void trim() {
    while (!text.empty() && text.back() == ' ')
      text.pop_back();
    hook_log().push_back("before_insert " + text);
  }
  ORMC_HOOK(after_insert) void inserted() { hook_log().push_back("after_insert " + id); }
  ORMC_HOOK(before_update) void updating() { hook_log().push_back("before_update"); }
  ORMC_HOOK(after_update) void updated() { hook_log().push_back("after_update"); }
  ORMC_HOOK(before_remove) void removing() {
    if (refuse_removal) throw std::runtime_error("this note stays");
    hook_log().push_back("before_remove " + text);
  }
};

/// Rows that reference a UUID key.
struct ORMC_TABLE() Attachment {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Note, on_delete = cascade) std::string note_id;
  std::string file;
};

} // namespace unit::blog
