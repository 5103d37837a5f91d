// ormc annotations: mark plain structs as tables and members as columns.
//
// The raw strings are the contract: `[[clang::annotate("ormc:KIND(key=value, flag)")]]`. These
// macros are sugar over them and expand to nothing on compilers other than Clang, so GCC builds the
// same headers without -Wattributes noise. ormc itself always parses with Clang and sees them.
//
//   struct ORMC_TABLE(name = "tasks") Task {
//     ORMC_ID() std::int64_t id = 0;
//     ORMC_COLUMN(max_length = 200, index) std::string title;
//     ORMC_IGNORE() int cached_hash = 0;
//   };
//
// See docs/annotations.md for every kind and key.
#pragma once

#if defined(__clang__)
#define ORMC_ANNOTATE(text) [[clang::annotate(text)]]
#else
#define ORMC_ANNOTATE(text)
#endif

/// Marks a struct as a table. Keys: name, schema, comment.
#define ORMC_TABLE(...) ORMC_ANNOTATE("ormc:table(" #__VA_ARGS__ ")")
/// Marks the primary key member. Integer ids are assigned by the database on insert.
#define ORMC_ID() ORMC_ANNOTATE("ormc:id")
/// Column options. Keys: name, unique, index, max_length, default, comment.
#define ORMC_COLUMN(...) ORMC_ANNOTATE("ormc:column(" #__VA_ARGS__ ")")
/// Excludes a data member from the table.
#define ORMC_IGNORE() ORMC_ANNOTATE("ormc:ignore")
