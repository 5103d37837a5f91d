#include "ir/SchemaJson.h"

namespace ormc::ir {
namespace {
using Json = nlohmann::ordered_json;

Json locJson(const SourceLoc& loc) {
  return Json{{"file", loc.file}, {"line", loc.line}, {"column", loc.column}};
}

const char* defaultKindName(DefaultValue::Kind kind) {
  switch (kind) {
  case DefaultValue::Kind::Integer:
    return "integer";
  case DefaultValue::Kind::Real:
    return "real";
  case DefaultValue::Kind::String:
    return "string";
  case DefaultValue::Kind::Bool:
    return "bool";
  case DefaultValue::Kind::Null:
    return "null";
  }
  return "?";
}

Json columnJson(const Column& c, LocationPolicy locations) {
  Json type{{"kind", typeKindName(c.type.kind)}};
  if (!c.type.enumType.empty()) type["enum"] = c.type.enumType;
  type["cpp"] = c.type.spelling;

  Json j{
      {"member", c.member}, {"name", c.name}, {"type", std::move(type)}, {"nullable", c.nullable}};
  if (c.primaryKey) j["primary_key"] = true;
  if (c.autoIncrement) j["auto_increment"] = true;
  if (c.unique) j["unique"] = true;
  if (c.indexed) j["index"] = true;
  if (c.maxLength) j["max_length"] = *c.maxLength;
  if (c.defaultValue)
    j["default"] =
        Json{{"kind", defaultKindName(c.defaultValue->kind)}, {"value", c.defaultValue->text}};
  if (!c.comment.empty()) j["comment"] = c.comment;
  if (locations == LocationPolicy::Include) j["loc"] = locJson(c.loc);
  return j;
}
} // namespace

nlohmann::ordered_json toJson(const Schema& schema, LocationPolicy locations) {
  Json models = Json::array();
  for (const Model& m : schema.models) {
    Json columns = Json::array();
    for (const Column& c : m.columns)
      columns.push_back(columnJson(c, locations));
    Json j{{"name", m.name}, {"qualified_name", m.qualifiedName}};
    if (!m.cppNamespace.empty()) j["namespace"] = m.cppNamespace;
    j["table"] = m.table;
    if (!m.schema.empty()) j["schema"] = m.schema;
    if (!m.comment.empty()) j["comment"] = m.comment;
    j["accessor"] = m.accessor;
    if (locations == LocationPolicy::Include) {
      j["declared_in"] = m.declaredIn;
      j["input"] = m.inputFile;
      j["loc"] = locJson(m.loc);
    }
    j["columns"] = std::move(columns);
    models.push_back(std::move(j));
  }
  return Json{{"ormc_ir_version", kIrVersion}, {"models", std::move(models)}};
}

} // namespace ormc::ir
