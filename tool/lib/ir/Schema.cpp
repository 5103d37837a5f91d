#include "ir/Schema.h"

#include <array>
#include <utility>

namespace ormc::ir {
namespace {
constexpr std::array<std::pair<TypeKind, const char*>, 20> kTypeNames = {{
    {TypeKind::Bool, "bool"},         {TypeKind::Int8, "int8"},
    {TypeKind::Int16, "int16"},       {TypeKind::Int32, "int32"},
    {TypeKind::Int64, "int64"},       {TypeKind::UInt8, "uint8"},
    {TypeKind::UInt16, "uint16"},     {TypeKind::UInt32, "uint32"},
    {TypeKind::UInt64, "uint64"},     {TypeKind::Float, "float"},
    {TypeKind::Double, "double"},     {TypeKind::String, "string"},
    {TypeKind::Bytes, "bytes"},       {TypeKind::Timestamp, "timestamp"},
    {TypeKind::Uuid, "uuid"},         {TypeKind::Date, "date"},
    {TypeKind::Duration, "duration"}, {TypeKind::Decimal, "decimal"},
    {TypeKind::Json, "json"},         {TypeKind::Vector, "vector"},
}};

constexpr std::array<std::pair<Storage, const char*>, 8> kStorageNames = {{
    {Storage::Native, "native"},
    {Storage::Text, "text"},
    {Storage::UnixSeconds, "unix_seconds"},
    {Storage::UnixMillis, "unix_millis"},
    {Storage::UnixMicros, "unix_micros"},
    {Storage::Timestamp, "timestamp"},
    {Storage::Numeric, "numeric"},
    {Storage::PgVector, "pgvector"},
}};

constexpr std::array<std::pair<ReferentialAction, const char*>, 5> kActionNames = {{
    {ReferentialAction::NoAction, "no_action"},
    {ReferentialAction::Restrict, "restrict"},
    {ReferentialAction::Cascade, "cascade"},
    {ReferentialAction::SetNull, "set_null"},
    {ReferentialAction::SetDefault, "set_default"},
}};

constexpr std::array<std::pair<ColumnRole, const char*>, 5> kRoleNames = {{
    {ColumnRole::CreatedAt, "created_at"},
    {ColumnRole::UpdatedAt, "updated_at"},
    {ColumnRole::SoftDelete, "soft_delete"},
    {ColumnRole::Version, "version"},
    {ColumnRole::Tenant, "tenant"},
}};

constexpr std::array<std::pair<HookEvent, const char*>, 5> kHookNames = {{
    {HookEvent::BeforeInsert, "before_insert"},
    {HookEvent::AfterInsert, "after_insert"},
    {HookEvent::BeforeUpdate, "before_update"},
    {HookEvent::AfterUpdate, "after_update"},
    {HookEvent::BeforeRemove, "before_remove"},
}};

constexpr std::array<std::pair<Distribution::Kind, const char*>, 3> kDistributionNames = {{
    {Distribution::Kind::Local, "local"},
    {Distribution::Kind::Distributed, "distributed"},
    {Distribution::Kind::Reference, "reference"},
}};

constexpr std::array<std::pair<Partitioning::Method, const char*>, 4> kPartitionNames = {{
    {Partitioning::Method::None, "none"},
    {Partitioning::Method::Range, "range"},
    {Partitioning::Method::List, "list"},
    {Partitioning::Method::Hash, "hash"},
}};

template <class Table, class Enum> const char* nameOf(const Table& table, Enum value) {
  for (const auto& [k, name] : table)
    if (k == value) return name;
  return "?";
}

template <class Enum, class Table>
std::optional<Enum> valueOf(const Table& table, const std::string& name) {
  for (const auto& [k, n] : table)
    if (name == n) return k;
  return std::nullopt;
}
} // namespace

const char* referentialActionName(ReferentialAction action) {
  return nameOf(kActionNames, action);
}
std::optional<ReferentialAction> referentialActionFromName(const std::string& name) {
  return valueOf<ReferentialAction>(kActionNames, name);
}
const char* columnRoleName(ColumnRole role) {
  return nameOf(kRoleNames, role);
}
std::optional<ColumnRole> columnRoleFromName(const std::string& name) {
  return valueOf<ColumnRole>(kRoleNames, name);
}
const char* distributionKindName(Distribution::Kind kind) {
  return nameOf(kDistributionNames, kind);
}
std::optional<Distribution::Kind> distributionKindFromName(const std::string& name) {
  return valueOf<Distribution::Kind>(kDistributionNames, name);
}
const char* partitionMethodName(Partitioning::Method method) {
  return nameOf(kPartitionNames, method);
}
std::optional<Partitioning::Method> partitionMethodFromName(const std::string& name) {
  return valueOf<Partitioning::Method>(kPartitionNames, name);
}
const char* hookEventName(HookEvent event) {
  return nameOf(kHookNames, event);
}
std::optional<HookEvent> hookEventFromName(const std::string& name) {
  return valueOf<HookEvent>(kHookNames, name);
}

const char* typeKindName(TypeKind kind) {
  return nameOf(kTypeNames, kind);
}

const char* storageName(Storage storage) {
  return nameOf(kStorageNames, storage);
}

std::optional<Storage> storageFromName(const std::string& name) {
  return valueOf<Storage>(kStorageNames, name);
}

std::optional<TypeKind> typeKindFromName(const std::string& name) {
  return valueOf<TypeKind>(kTypeNames, name);
}

bool isInteger(TypeKind kind) {
  switch (kind) {
  case TypeKind::Int8:
  case TypeKind::Int16:
  case TypeKind::Int32:
  case TypeKind::Int64:
  case TypeKind::UInt8:
  case TypeKind::UInt16:
  case TypeKind::UInt32:
  case TypeKind::UInt64:
    return true;
  default:
    return false;
  }
}

const Column* Model::primaryKey() const {
  std::vector<const Column*> keys = keyColumns();
  return keys.size() == 1 ? keys.front() : nullptr;
}

std::vector<const Column*> Model::keyColumns() const {
  std::vector<const Column*> keys;
  for (const Column& c : columns)
    if (c.primaryKey) keys.push_back(&c);
  return keys;
}

const Column* Model::column(const std::string& member) const {
  for (const Column& c : columns)
    if (c.member == member) return &c;
  return nullptr;
}

std::vector<Reference> Model::references() const {
  std::vector<Reference> out;
  for (const Column& c : columns)
    if (c.references) out.push_back({{&c}, &*c.references, false});
  for (const CompositeReference& r : compositeReferences) {
    Reference ref{{}, &r.key, true};
    for (const std::string& member : r.members)
      if (const Column* c = column(member)) ref.columns.push_back(c);
    if (ref.columns.size() == r.members.size()) out.push_back(std::move(ref));
  }
  return out;
}

const Column* Model::withRole(ColumnRole role) const {
  for (const Column& c : columns)
    if (c.role == role) return &c;
  return nullptr;
}

const Model* Schema::find(const std::string& qualifiedName) const {
  for (const Model& m : models)
    if (m.qualifiedName == qualifiedName) return &m;
  return nullptr;
}

void preferPgvector(Schema& schema) {
  for (Model& m : schema.models)
    for (Column& c : m.columns)
      if (c.type.kind == TypeKind::Vector && c.storage == Storage::Native)
        c.storage = Storage::PgVector;
}

} // namespace ormc::ir
