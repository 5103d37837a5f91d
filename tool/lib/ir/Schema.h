// The intermediate representation: a language-neutral description of the tables ormc found.
// The front end builds it from the Clang AST; validation and every emitter read only this.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ormc::ir {

/// A position in the user's source, kept so that later stages can point at it.
struct SourceLoc {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;

  bool valid() const { return line != 0; }
};

/// How a value is stored. Widths are the C++ widths; each dialect maps them to its own types.
enum class TypeKind {
  Bool,
  Int8,
  Int16,
  Int32,
  Int64,
  UInt8,
  UInt16,
  UInt32,
  UInt64,
  Float,
  Double,
  String,
  Bytes,     // std::vector<std::byte> or std::vector<std::uint8_t>
  Timestamp, // std::chrono::system_clock::time_point, microsecond precision
  Uuid,      // std::string holding a UUID: ormc:id(uuid) keys and the foreign keys to them
  Date,      // std::chrono::sys_days or std::chrono::year_month_day
  Duration,  // std::chrono::duration with an integer count, stored as that count
  Decimal,   // ormc::decimal<precision, scale>: NUMERIC(p, s)
  Json,      // nlohmann::json, or a type with to_json/from_json (ormc:column(json)): JSONB
  Vector,    // std::vector<float> or std::array<float, N> marked ormc:vector(dim=N): an embedding
};

const char* typeKindName(TypeKind kind);
/// The most floats a vector column holds: pgvector's limit for vector(N), kept on every
/// storage so that a schema can move to pgvector.
constexpr int kMaxVectorDimension = 16000;
std::optional<TypeKind> typeKindFromName(const std::string& name);
bool isInteger(TypeKind kind);

struct ColumnType {
  TypeKind kind = TypeKind::Int64;
  /// Non-empty when the member is a C++ enum stored as its underlying integer (`kind`).
  std::string enumType;
  /// The member's type as written in the source, for documentation and messages.
  std::string spelling;
  /// Duration: the length of one count in seconds, as a ratio "num/den" ("1/1000": ms).
  std::string period;
  /// An enum stored as text (storage=text): its enumerators' names, in declaration order.
  std::vector<std::string> enumerators;
  /// Decimal: digits in all, and after the point.
  int precision = 0;
  int scale = 0;
  /// The member's C++ type when a user's ormc::converter<T> stores it as `kind` ("::Email").
  std::string converter;
  /// Vector: how many floats each value holds (ormc:vector(dim=N), or std::array's N).
  int dimension = 0;
};

/// How a Timestamp or Decimal column is stored (`ormc:column(storage=...)`,
/// `ormc:table(time_storage=...)`).
enum class Storage {
  Native,      // INTEGER microseconds (SQLite), TIMESTAMPTZ (PostgreSQL)
  Text,        // ISO 8601 text on both
  UnixSeconds, // integer seconds since 1970 on both
  UnixMillis,
  UnixMicros,
  Timestamp, // TIMESTAMP without time zone (PostgreSQL), ISO 8601 text (SQLite)
  Numeric,   // a decimal as the number itself on SQLite (REAL, NUMERIC affinity), not scaled
  PgVector,  // a vector as pgvector's vector(N) on PostgreSQL (a BLOB on SQLite, as natively)
};
const char* storageName(Storage storage); // "unix_seconds"; the annotation's value
std::optional<Storage> storageFromName(const std::string& name);

struct DefaultValue {
  enum class Kind { Integer, Real, String, Bool, Null };
  Kind kind = Kind::Null;
  std::string text; // Integer/Real: the literal; String: the unescaped text; Bool: true/false
};

/// What a foreign key does when the row it references is deleted or its key changes.
enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault };
const char* referentialActionName(ReferentialAction action); // "cascade"
std::optional<ReferentialAction> referentialActionFromName(const std::string& name);

/// `ormc:belongs_to(Target)` on a column: a foreign key to the target's primary key, and the
/// relation helpers on both sides.
struct ForeignKey {
  std::string target;      // the model as written in the annotation: User, app::User
  std::string targetModel; // the qualified name it resolves to; set by validate::linkSchema
  ReferentialAction onDelete = ReferentialAction::NoAction;
  ReferentialAction onUpdate = ReferentialAction::NoAction;
  std::string name;    // the belongs-to helper: author (for author_id)
  std::string inverse; // the has-many (or has-one) helper on the target; empty: derived
  /// Whether the DDL adds an index for the column where no other index starts with it
  /// (belongs_to(index=false): an existing schema without one).
  bool indexed = true;
  SourceLoc loc; // of the annotation
};

/// `ormc:belongs_to(Target, members...)` on a struct: a foreign key over several columns to a
/// composite key, the members in the order of the target's key columns.
struct CompositeReference {
  std::vector<std::string> members;
  ForeignKey key;
};

/// A column the generated code fills in itself.
enum class ColumnRole {
  None,
  CreatedAt,  // set to the current time on insert
  UpdatedAt,  // set to the current time on insert and on every update
  SoftDelete, // NULL while the row is live; remove() sets it, restore() clears it
  Version,    // optimistic locking: update() writes only over the version it read, and adds 1
  Tenant,     // row-level tenancy: set from the context on insert, compared on every statement
};
const char* columnRoleName(ColumnRole role); // "created_at"; the annotation kind that sets it
std::optional<ColumnRole> columnRoleFromName(const std::string& name);

struct Column {
  /// Whether an upsert that finds the row keeps this column's stored value: the key,
  /// created_at, and columns marked insert_only; an ormc:version column, which it increments.
  bool keptOnUpsert() const {
    return primaryKey || insertOnly || role == ColumnRole::CreatedAt || role == ColumnRole::Version;
  }
  std::string member; // C++ data member name
  std::string name;   // SQL column name
  ColumnType type;
  Storage storage = Storage::Native; // Timestamp columns only
  bool nullable = false;             // std::optional<T>
  bool primaryKey = false;
  bool autoIncrement = false; // integer primary keys are assigned by the database
  /// ormc:id(sequence=...): the sequence of the existing schema that assigns the key
  /// (PostgreSQL DEFAULT nextval), instead of an identity column. "" for none.
  std::string sequence;
  bool unique = false;
  bool indexed = false;
  std::optional<std::int64_t> maxLength;
  std::optional<DefaultValue> defaultValue;
  std::string comment;
  std::string renamedFrom; // ormc:column(renamed_from=...): its name before, for migrations
  /// ormc:column(convert_using="..."): SQL computing the column's new value from a row's old
  /// values, for a migration that changes its type or makes it NOT NULL.
  std::string convertUsing;
  std::string check; // SQL boolean expression: CHECK (...)
  /// ormc:column(sqlite_type=..., postgresql_type=...): the types an existing schema declares,
  /// by dialect name ("sqlite"), written and checked instead of the C++ type's own there.
  std::map<std::string, std::string> declaredTypes;
  std::optional<std::string> min; // numeric literal, checked before any SQL runs
  std::optional<std::string> max;
  bool notEmpty = false;      // strings and bytes: checked before any SQL runs
  bool generatedUuid = false; // a std::string key the generated code fills with a random UUID
  bool insertOnly = false;    // written on insert, never by an upsert's update (ormc:column)
  /// ormc:tenant(row_security): PostgreSQL enforces the tenant too, with a row-level-security
  /// policy on the table comparing this column with the transaction's `ormc.tenant` setting.
  bool rowSecurity = false;
  ColumnRole role = ColumnRole::None;
  std::optional<ForeignKey> references;
  std::string mixin; // the ormc:mixin struct that contributed this column, if any
  SourceLoc loc;
};

/// A model's foreign key as the DDL and the relation helpers see it, whichever annotation
/// declared it: its columns, in the order of the target's key columns.
struct Reference {
  std::vector<const Column*> columns;
  const ForeignKey* key = nullptr;
  bool onStruct = false; // declared by ormc:references, rather than belongs_to on a column
};

/// A named index or unique constraint over one or more columns.
struct Index {
  std::string name;                 // idx_<table>_<cols> / uq_<table>_<cols> unless given
  std::vector<std::string> members; // data members, in index order
  std::vector<std::string> columns; // their SQL names
  bool unique = false;              // a UNIQUE constraint rather than an index
  std::string method;               // PostgreSQL access method: btree, hash, gin; "" = default
  std::string opclass;              // PostgreSQL operator class, for gin on scalar columns
  SourceLoc loc;
};

/// `ormc:many_to_many(Target)` on a struct: a join table and helpers on both sides.
struct ManyToMany {
  std::string target;
  std::string targetModel;  // set by validate::linkSchema
  std::string name;         // helper on this model: tags
  std::string inverse;      // helper on the target: posts
  std::string table;        // generated join table: post_tag; empty when `through` is given
  std::string through;      // a model used as the join table, as written
  std::string throughModel; // its qualified name, set by validate::linkSchema
  std::string sourceColumn; // join table column holding this model's key: post_id
  std::string targetColumn; // ... and the target's: tag_id
  std::string sourceMember; // with `through`: the members of those columns, set by linkSchema
  std::string targetMember;
  SourceLoc loc;
};

enum class HookEvent { BeforeInsert, AfterInsert, BeforeUpdate, AfterUpdate, BeforeRemove };
const char* hookEventName(HookEvent event); // "before_insert"
std::optional<HookEvent> hookEventFromName(const std::string& name);

/// `ormc:hook(event)` on a member function: called by the generated code.
struct Hook {
  HookEvent event = HookEvent::BeforeInsert;
  std::string function;
  SourceLoc loc;
};

/// How a distributed PostgreSQL engine (Citus) spreads a table over its nodes
/// (`ormc:table(distribute_by=member, colocate_with=Model)`, `ormc:table(reference)`). Other
/// databases keep every table whole, whatever this says.
struct Distribution {
  enum class Kind {
    Local,       // not distributed: a table on one node (the coordinator)
    Distributed, // sharded by the hash of one column's value
    Reference,   // a full copy on every node, for small tables that distributed ones join
  };
  Kind kind = Kind::Local;
  std::string member;        // Distributed: the data member whose column shards the rows
  std::string colocateWith;  // Distributed: the model whose shards these share, as written
  std::string colocateModel; // its qualified name, set by validate::linkSchema
  SourceLoc loc;             // of the distribute_by or reference key
  SourceLoc colocateLoc;     // of the colocate_with key

  bool operator==(const Distribution& o) const {
    return kind == o.kind && member == o.member && colocateModel == o.colocateModel;
  }
  bool operator!=(const Distribution& o) const { return !(*this == o); }
};
const char* distributionKindName(Distribution::Kind kind); // "distributed"
std::optional<Distribution::Kind> distributionKindFromName(const std::string& name);

/// PostgreSQL declarative partitioning (`ormc:table(partition_by="range(created_at)")`): the
/// table holds no rows itself, each row goes to the partition whose bound holds its key's value.
/// SQLite keeps a plain table.
struct Partitioning {
  enum class Method {
    None,
    Range, // by time: one partition per `interval`, made ahead by create_schema() and on demand
    List,  // one partition per ormc:partition(...) and a default one for every other value
    Hash,  // `partitions` partitions, each taking the rows whose key hashes to its remainder
  };
  /// `ormc:partition(name=..., values="a, b")`: a list partition, `<table>_<name>`.
  struct ListPartition {
    std::string name;
    std::vector<std::string> values; // as written, each trimmed: 'de', 7
    SourceLoc loc;
  };
  Method method = Method::None;
  std::string member;   // the partition key's data member
  int partitions = 0;   // Hash: how many
  std::string interval; // Range: day, week, month or year
  int ahead = 0;        // Range: partitions past the current one that create_schema() makes
  std::vector<ListPartition> lists; // List
  SourceLoc loc;                    // of partition_by
};
const char* partitionMethodName(Partitioning::Method method); // "range"
std::optional<Partitioning::Method> partitionMethodFromName(const std::string& name);

struct Model {
  std::string name;          // unqualified C++ name: OrderLine
  std::string qualifiedName; // fully qualified C++ name: shop::OrderLine
  std::string cppNamespace;  // enclosing namespace, without enclosing classes: shop
  /// Which of cppNamespace and its parents are inline namespaces (qualified: shop::v2), so
  /// generated code reopens them as inline.
  std::vector<std::string> inlineNamespaces;
  std::string table;       // SQL table name: order_line
  std::string schema;      // SQL schema, empty for the default one
  std::string renamedFrom; // ormc:table(renamed_from=...): the table's name before, for migrations
  std::string comment;
  std::string accessor; // member of the generated Models container: order_lines
  /// ormc:table(variants): generate <Model>_Create, _Update and _Search with the model.
  bool variants = false;
  /// ormc:table(versioned): every change kept in `<table>_history` by database triggers.
  bool versioned = false;
  Distribution distribution;
  Partitioning partitioning;
  std::string declaredIn; // header that declares the struct
  /// How C++ code includes declaredIn: relative to an include path of the parse
  /// (`shop/models.hpp`); "" when none holds it.
  std::string includeAs;
  std::string inputFile; // input file whose generated header holds this model
  SourceLoc loc;
  std::vector<Column> columns;
  std::vector<Index> indexes;      // composite and named indexes and unique constraints
  std::vector<std::string> checks; // table-level CHECK expressions
  std::vector<ManyToMany> manyToMany;
  std::vector<CompositeReference> compositeReferences;
  std::vector<Hook> hooks;

  /// The key column; nullptr when the key is composite (see keyColumns()) or missing.
  const Column* primaryKey() const;
  /// Every ormc:id column, in declaration order: one, or several for a composite key.
  std::vector<const Column*> keyColumns() const;
  bool hasCompositeKey() const { return keyColumns().size() > 1; }
  const Column* column(const std::string& member) const;
  const Column* withRole(ColumnRole role) const;
  /// Every foreign key: the columns' belongs_to in declaration order, then the composite ones
  /// (those whose members are all columns).
  std::vector<Reference> references() const;
};

struct Schema;
/// Stores every vector column that chose no storage as pgvector's vector(N) (ormc --pgvector).
void preferPgvector(Schema& schema);

/// Everything one ormc run produces code for. Models keep a stable order (by input file, then
/// source position) so that output is deterministic.
struct Schema {
  std::vector<std::string> inputFiles;
  std::vector<Model> models;

  /// The model with this qualified name, if any.
  const Model* find(const std::string& qualifiedName) const;
};

} // namespace ormc::ir
