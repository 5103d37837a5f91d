#include "ir/SchemaJson.h"

#include <array>
#include <utility>

namespace ormc::ir {
namespace {
using Json = nlohmann::ordered_json;

constexpr std::array<std::pair<DefaultValue::Kind, const char*>, 5> kDefaultKinds = {{
    {DefaultValue::Kind::Integer, "integer"},
    {DefaultValue::Kind::Real, "real"},
    {DefaultValue::Kind::String, "string"},
    {DefaultValue::Kind::Bool, "bool"},
    {DefaultValue::Kind::Null, "null"},
}};

const char* defaultKindName(DefaultValue::Kind kind) {
  for (const auto& [k, name] : kDefaultKinds)
    if (k == kind) return name;
  return "?";
}

Json locJson(const SourceLoc& loc) {
  return Json{{"file", loc.file}, {"line", loc.line}, {"column", loc.column}};
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

/// Typed access to one JSON object, naming the path of whatever is missing or mistyped.
class Reader {
public:
  Reader(const Json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) fail(path_, "an object");
  }

  const Json& required(const char* key) const {
    auto it = object_.find(key);
    if (it == object_.end()) throw IrFormatError(path_ + "." + key + ": missing");
    return *it;
  }
  bool has(const char* key) const { return object_.contains(key); }

  std::string string(const char* key) const { return asString(required(key), at(key)); }
  std::string string(const char* key, const std::string& fallback) const {
    return has(key) ? string(key) : fallback;
  }
  bool boolean(const char* key, bool fallback) const {
    if (!has(key)) return fallback;
    const Json& v = required(key);
    if (!v.is_boolean()) fail(at(key), "true or false");
    return v.get<bool>();
  }
  std::int64_t integer(const char* key) const {
    const Json& v = required(key);
    if (!v.is_number_integer()) fail(at(key), "an integer");
    return v.get<std::int64_t>();
  }
  unsigned position(const char* key) const {
    std::int64_t v = integer(key);
    if (v < 0 || v > 0xFFFFFFF) fail(at(key), "a line or column number");
    return static_cast<unsigned>(v);
  }
  const Json& array(const char* key) const {
    const Json& v = required(key);
    if (!v.is_array()) fail(at(key), "an array");
    return v;
  }
  std::string at(const char* key) const { return path_ + "." + key; }
  const std::string& path() const { return path_; }

  static std::string asString(const Json& v, const std::string& path) {
    if (!v.is_string()) fail(path, "a string");
    return v.get<std::string>();
  }
  [[noreturn]] static void fail(const std::string& path, const char* expected) {
    throw IrFormatError(path + ": expected " + expected);
  }

private:
  const Json& object_;
  std::string path_;
};

SourceLoc readLoc(const Reader& parent) {
  Reader r(parent.required("loc"), parent.at("loc"));
  return SourceLoc{r.string("file"), r.position("line"), r.position("column")};
}

Column readColumn(const Reader& r) {
  Column c;
  c.member = r.string("member");
  c.name = r.string("name");
  Reader type(r.required("type"), r.at("type"));
  std::string kind = type.string("kind");
  auto typeKind = typeKindFromName(kind);
  if (!typeKind) throw IrFormatError(type.at("kind") + ": unknown type kind '" + kind + "'");
  c.type.kind = *typeKind;
  c.type.enumType = type.string("enum", "");
  c.type.spelling = type.string("cpp");
  c.nullable = r.boolean("nullable", false);
  c.primaryKey = r.boolean("primary_key", false);
  c.autoIncrement = r.boolean("auto_increment", false);
  c.unique = r.boolean("unique", false);
  c.indexed = r.boolean("index", false);
  if (r.has("max_length")) c.maxLength = r.integer("max_length");
  if (r.has("default")) {
    Reader d(r.required("default"), r.at("default"));
    std::string name = d.string("kind");
    DefaultValue value;
    bool known = false;
    for (const auto& [k, n] : kDefaultKinds)
      if (name == n) value.kind = k, known = true;
    if (!known) throw IrFormatError(d.at("kind") + ": unknown default kind '" + name + "'");
    value.text = d.string("value");
    c.defaultValue = std::move(value);
  }
  c.comment = r.string("comment", "");
  c.loc = readLoc(r);
  return c;
}

Model readModel(const Reader& r) {
  Model m;
  m.name = r.string("name");
  m.qualifiedName = r.string("qualified_name");
  m.cppNamespace = r.string("namespace", "");
  m.table = r.string("table");
  m.schema = r.string("schema", "");
  m.comment = r.string("comment", "");
  m.accessor = r.string("accessor");
  m.declaredIn = r.string("declared_in");
  m.inputFile = r.string("input");
  m.loc = readLoc(r);
  const Json& columns = r.array("columns");
  for (std::size_t i = 0; i < columns.size(); ++i)
    m.columns.push_back(
        readColumn(Reader(columns[i], r.at("columns") + "[" + std::to_string(i) + "]")));
  return m;
}
} // namespace

nlohmann::ordered_json modelJson(const Model& m, LocationPolicy locations) {
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
  return j;
}

nlohmann::ordered_json toJson(const Schema& schema, LocationPolicy locations) {
  Json models = Json::array();
  for (const Model& m : schema.models)
    models.push_back(modelJson(m, locations));
  Json out{{"ormc_ir_version", kIrVersion}};
  if (locations == LocationPolicy::Include) out["inputs"] = schema.inputFiles;
  out["models"] = std::move(models);
  return out;
}

Schema schemaFromJson(const std::string& text) {
  Json document = Json::parse(text, /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) throw IrFormatError("not valid JSON");
  Reader root(document, "$");
  if (root.integer("ormc_ir_version") != kIrVersion)
    throw IrFormatError("$.ormc_ir_version: this ormc reads version " + std::to_string(kIrVersion));
  Schema schema;
  const Json& inputs = root.array("inputs");
  for (std::size_t i = 0; i < inputs.size(); ++i)
    schema.inputFiles.push_back(Reader::asString(inputs[i], "$.inputs[" + std::to_string(i) + "]"));
  const Json& models = root.array("models");
  for (std::size_t i = 0; i < models.size(); ++i)
    schema.models.push_back(readModel(Reader(models[i], "$.models[" + std::to_string(i) + "]")));
  return schema;
}

} // namespace ormc::ir
