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

/// Marks a struct as a table. Keys: name, schema, accessor, comment, check, renamed_from,
/// naming (snake_case, PascalCase or camelCase: the rule for the names it does not spell out).
#define ORMC_TABLE(...) ORMC_ANNOTATE("ormc:table(" #__VA_ARGS__ ")")
/// Marks the primary key member. Integer ids are assigned by the database on insert;
/// ORMC_ID(assigned) leaves an integer key to the application (inserts send it);
/// ORMC_ID(uuid) on a std::string gives it a random UUID on insert.
#define ORMC_ID(...) ORMC_ANNOTATE("ormc:id(" #__VA_ARGS__ ")")
/// Column options. Keys: name, unique, index, max_length, default, comment.
#define ORMC_COLUMN(...) ORMC_ANNOTATE("ormc:column(" #__VA_ARGS__ ")")
/// Excludes a data member from the table.
#define ORMC_IGNORE() ORMC_ANNOTATE("ormc:ignore")

/// A foreign key to another table's key: ORMC_BELONGS_TO(User, on_delete = cascade).
/// Keys: on_delete, on_update, name, inverse.
#define ORMC_BELONGS_TO(...) ORMC_ANNOTATE("ormc:belongs_to(" #__VA_ARGS__ ")")
/// On a struct: a foreign key over several members to a composite key, the members in the
/// order of the target's key: ORMC_REFERENCES(InvoiceLine, invoice_id, line_number). Keys:
/// on_delete, on_update, name, inverse, index.
#define ORMC_REFERENCES(...) ORMC_ANNOTATE("ormc:references(" #__VA_ARGS__ ")")
/// On a struct: a many-to-many relation, ORMC_MANY_TO_MANY(Tag). Keys: name, inverse, table,
/// through.
#define ORMC_MANY_TO_MANY(...) ORMC_ANNOTATE("ormc:many_to_many(" #__VA_ARGS__ ")")
/// On a struct: an index over members, ORMC_INDEX(tenant_id, email). Keys: name, method, opclass.
#define ORMC_INDEX(...) ORMC_ANNOTATE("ormc:index(" #__VA_ARGS__ ")")
/// On a struct partitioned by list: one partition, `<table>_<name>`, holding the rows whose key
/// is one of `values`, separated by commas: ORMC_PARTITION(name = eu, values = "de, fr").
#define ORMC_PARTITION(...) ORMC_ANNOTATE("ormc:partition(" #__VA_ARGS__ ")")
/// On a struct: a unique constraint over members, ORMC_UNIQUE(tenant_id, email). Key: name.
#define ORMC_UNIQUE(...) ORMC_ANNOTATE("ormc:unique(" #__VA_ARGS__ ")")
/// On a struct: its members (and hooks) become part of every table that derives from it.
#define ORMC_MIXIN() ORMC_ANNOTATE("ormc:mixin")
/// A time_point the generated code sets when the row is inserted.
#define ORMC_CREATED_AT() ORMC_ANNOTATE("ormc:created_at")
/// A time_point the generated code sets when the row is inserted and on every update.
#define ORMC_UPDATED_AT() ORMC_ANNOTATE("ormc:updated_at")
/// A std::optional<time_point>: remove() sets it instead of deleting; queries skip such rows.
#define ORMC_SOFT_DELETE() ORMC_ANNOTATE("ormc:soft_delete")
/// An integer member for optimistic locking: update() writes the row only if its version is
/// still the one the row holds, and adds 1 (ormc::VersionConflict otherwise).
#define ORMC_VERSION() ORMC_ANNOTATE("ormc:version")
/// Row-level tenancy: a std::string or integer member naming the row's tenant. The tables of
/// such models are shared by tenants; Database::row_tenant(id) fills it on insert and compares
/// it in every statement, so that a tenant reads and writes its own rows only.
/// ORMC_TENANT(row_security) adds a PostgreSQL row-level-security policy as a second wall.
#define ORMC_TENANT(...) ORMC_ANNOTATE("ormc:tenant(" #__VA_ARGS__ ")")
/// An embedding: std::vector<float> (dim = N required) or std::array<float, N>, searched with
/// nearest(). Keys: dim, storage (pgvector: vector(N) on PostgreSQL).
#define ORMC_VECTOR(...) ORMC_ANNOTATE("ormc:vector(" #__VA_ARGS__ ")")
/// On a namespace, `namespace ORMC_SCHEMA(naming = PascalCase) chinook { ... }`: the defaults
/// of the tables declared in that opening of it. Keys: naming, table_prefix, time_storage.
#define ORMC_SCHEMA(...) ORMC_ANNOTATE("ormc:schema(" #__VA_ARGS__ ")")
/// On a member function `void f()`: called by the generated code. Events: before_insert,
/// after_insert, before_update, after_update, before_remove.
#define ORMC_HOOK(event) ORMC_ANNOTATE("ormc:hook(" #event ")")
