// A schema made elsewhere, the shape of the well-known Chinook sample: PascalCase names, keys the
// application assigns, a join table whose key is composite, a foreign key to a composite key,
// NUMERIC prices, dates stored as text (SQLite) or TIMESTAMP (PostgreSQL); music.<dialect>.sql
// creates and fills it with its own SQL.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/decimal.hpp>
#include <string>

namespace ORMC_SCHEMA(naming = PascalCase, time_storage = timestamp) music {

  struct ORMC_TABLE() Artist {
    ORMC_ID(assigned) std::int32_t artist_id = 0;
    std::optional<std::string> name;
  };

  /// A key the schema's own sequence assigns (PostgreSQL; SQLite: the rowid).
  struct ORMC_TABLE() Genre {
    ORMC_ID(sequence = GenreSeq) std::int32_t genre_id = 0;
    std::optional<std::string> name;
  };

  struct ORMC_TABLE() Album {
    ORMC_ID(assigned) std::int32_t album_id = 0;
    std::string title;
    ORMC_BELONGS_TO(Artist) std::int32_t artist_id = 0;
  };

  struct ORMC_TABLE() Track {
    ORMC_ID(assigned) std::int32_t track_id = 0;
    std::string name;
    ORMC_BELONGS_TO(Album) std::optional<std::int32_t> album_id;
    std::optional<std::string> composer;
    std::int32_t milliseconds = 0;
    ORMC_COLUMN(storage = numeric) ormc::decimal<10, 2> unit_price;
  };

  struct ORMC_TABLE() ORMC_MANY_TO_MANY(Track, through = PlaylistTrack) Playlist {
    ORMC_ID(assigned) std::int32_t playlist_id = 0;
    std::optional<std::string> name;
  };

  /// The join table, a model of its own: its key is both references.
  struct ORMC_TABLE() PlaylistTrack {
    ORMC_ID() ORMC_BELONGS_TO(Playlist) std::int32_t playlist_id = 0;
    ORMC_ID() ORMC_BELONGS_TO(Track) std::int32_t track_id = 0;
  };

  struct ORMC_TABLE() Employee {
    ORMC_ID(assigned) std::int32_t employee_id = 0;
    std::string last_name;
    std::string first_name;
    std::optional<std::chrono::sys_seconds> birth_date;
    std::optional<std::chrono::sys_seconds> hire_date;
  };

  struct ORMC_TABLE() Invoice {
    ORMC_ID(assigned) std::int32_t invoice_id = 0;
    std::chrono::sys_seconds invoice_date;
    std::optional<std::string> billing_city;
    ORMC_COLUMN(storage = numeric) ormc::decimal<10, 2> total;
  };

  /// A composite key with columns of its own beside it.
  struct ORMC_TABLE() InvoiceLine {
    ORMC_ID() ORMC_BELONGS_TO(Invoice) std::int32_t invoice_id = 0;
    ORMC_ID() std::int32_t line_number = 0;
    ORMC_BELONGS_TO(Track) std::int32_t track_id = 0;
    ORMC_COLUMN(storage = numeric) ormc::decimal<10, 2> unit_price;
    std::int32_t quantity = 0;
  };

  /// A foreign key over two columns, to InvoiceLine's composite key; a refund of no particular
  /// line holds neither.
  struct ORMC_TABLE() ORMC_REFERENCES(InvoiceLine, invoice_id, line_number, on_delete = cascade)
      Refund {
    ORMC_ID(assigned) std::int32_t refund_id = 0;
    std::optional<std::int32_t> invoice_id;
    std::optional<std::int32_t> line_number;
    std::int32_t quantity = 0;
  };

} // namespace music
