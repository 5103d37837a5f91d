// An enum with storage=text is stored as its enumerators' names, held to them by a CHECK; the
// generated header lists the names once per enum (guarded, for enums shared by two headers).
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: rm -rf %t && mkdir %t && %ormc --output-dir %t %s -- %flags && FileCheck %s --check-prefix=CPP < %t/enum-text.ormc.hpp
#pragma once
#include <cstdint>

enum class Genre : std::int8_t { rock, jazz, blues };

struct [[clang::annotate("ormc:table")]] Album {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  [[clang::annotate("ormc:column(storage=text)")]] Genre genre;
  Genre as_number;
};
// IR:      "member": "genre",
// IR:      "enumerators": [
// IR-NEXT:   "rock",
// IR-NEXT:   "jazz",
// IR-NEXT:   "blues"
// IR:      "storage": "text",
// IR:      "member": "as_number",
// IR-NOT:  "enumerators"

// SQLITE: "genre" TEXT NOT NULL CONSTRAINT "ck_album_genre" CHECK ("genre" IN ('rock', 'jazz', 'blues')),
// SQLITE-NEXT: "as_number" INTEGER NOT NULL

// PG: "genre" TEXT NOT NULL CONSTRAINT "ck_album_genre" CHECK ("genre" IN ('rock', 'jazz', 'blues')),
// PG-NEXT: "as_number" SMALLINT NOT NULL

// CPP:      struct genre_ : ormc::column<genre_, ::Album, decltype(::Album::genre), ormc::Storage::enum_text> {
// CPP:      #ifndef ORMC_ENUM_NAMES__Genre
// CPP-NEXT: #define ORMC_ENUM_NAMES__Genre
// CPP:      struct EnumNames<::Genre> {
// CPP-NEXT:   static constexpr std::string_view type = "Genre";
// CPP-NEXT:   static constexpr ::Genre values[] = {::Genre::rock, ::Genre::jazz, ::Genre::blues};
// CPP-NEXT:   static constexpr std::string_view names[] = {"rock", "jazz", "blues"};
// CPP:      s.bind(1, ormc::stored_as<ormc::Storage::enum_text>(row.genre));
