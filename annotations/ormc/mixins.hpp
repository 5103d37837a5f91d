// Standard mixins: derive a table from them to add their columns and behaviour.
//
//   struct ORMC_TABLE() Post : ormc::mixins::Timestamps, ormc::mixins::SoftDelete {
//     ORMC_ID() std::int64_t id = 0;
//     std::string title;
//   };
//
// Timestamps: created_at is set on insert, updated_at on insert and every update, by the
// generated code. SoftDelete: remove() sets deleted_at; queries leave such rows out unless asked
// with with_deleted(); restore() brings them back; purge() deletes for good. UuidKey: a random
// UUID primary key chosen on the client (PostgreSQL `uuid`, SQLite TEXT of 36 characters).
#pragma once

#include <chrono>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace ormc::mixins {

/// A point in time at the precision both databases store.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

struct ORMC_MIXIN() Timestamps {
  ORMC_CREATED_AT() Timestamp created_at{};
  ORMC_UPDATED_AT() Timestamp updated_at{};
};

struct ORMC_MIXIN() SoftDelete {
  ORMC_SOFT_DELETE() std::optional<Timestamp> deleted_at;
};

struct ORMC_MIXIN() UuidKey {
  ORMC_ID(uuid) std::string id;
};

} // namespace ormc::mixins
