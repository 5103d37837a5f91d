#include "ir/Schema.h"

#include <array>
#include <utility>

namespace ormc::ir {
namespace {
constexpr std::array<std::pair<TypeKind, const char*>, 14> kTypeNames = {{
    {TypeKind::Bool, "bool"},
    {TypeKind::Int8, "int8"},
    {TypeKind::Int16, "int16"},
    {TypeKind::Int32, "int32"},
    {TypeKind::Int64, "int64"},
    {TypeKind::UInt8, "uint8"},
    {TypeKind::UInt16, "uint16"},
    {TypeKind::UInt32, "uint32"},
    {TypeKind::UInt64, "uint64"},
    {TypeKind::Float, "float"},
    {TypeKind::Double, "double"},
    {TypeKind::String, "string"},
    {TypeKind::Bytes, "bytes"},
    {TypeKind::Timestamp, "timestamp"},
}};
} // namespace

const char* typeKindName(TypeKind kind) {
  for (const auto& [k, name] : kTypeNames)
    if (k == kind) return name;
  return "?";
}

std::optional<TypeKind> typeKindFromName(const std::string& name) {
  for (const auto& [k, n] : kTypeNames)
    if (name == n) return k;
  return std::nullopt;
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
  for (const Column& c : columns)
    if (c.primaryKey) return &c;
  return nullptr;
}

} // namespace ormc::ir
