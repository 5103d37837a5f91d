#include "ir/SchemaJson.h"

#include <array>
#include <ormc/sql/renderer.hpp>
#include <utility>

namespace ormc::ir {
namespace {
/// Whether this thread reads a snapshot (LocationPolicy::Omit), whose models have no "loc",
/// inputs or declaring files; set only by schemaFromSnapshot() for its own call.
thread_local bool readingSnapshot = false;
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

Json foreignKeyJson(const ForeignKey& fk, LocationPolicy locations) {
  Json r{{"target", fk.target}};
  if (!fk.targetModel.empty()) r["target_model"] = fk.targetModel;
  r["on_delete"] = referentialActionName(fk.onDelete);
  r["on_update"] = referentialActionName(fk.onUpdate);
  r["name"] = fk.name;
  r["inverse"] = fk.inverse;
  if (!fk.indexed) r["index"] = false;
  if (locations == LocationPolicy::Include) r["loc"] = locJson(fk.loc);
  return r;
}

Json columnJson(const Column& c, LocationPolicy locations) {
  Json type{{"kind", typeKindName(c.type.kind)}};
  if (!c.type.enumType.empty()) type["enum"] = c.type.enumType;
  if (!c.type.period.empty()) type["period"] = c.type.period;
  if (!c.type.enumerators.empty()) type["enumerators"] = c.type.enumerators;
  if (c.type.kind == TypeKind::Decimal) {
    type["precision"] = c.type.precision;
    type["scale"] = c.type.scale;
  }
  if (c.type.kind == TypeKind::Vector) type["dimension"] = c.type.dimension;
  if (!c.type.converter.empty()) type["converter"] = c.type.converter;
  type["cpp"] = c.type.spelling;

  Json j{
      {"member", c.member}, {"name", c.name}, {"type", std::move(type)}, {"nullable", c.nullable}};
  if (c.storage != Storage::Native) j["storage"] = storageName(c.storage);
  if (c.primaryKey) j["primary_key"] = true;
  if (c.autoIncrement) j["auto_increment"] = true;
  if (!c.sequence.empty()) j["sequence"] = c.sequence;
  if (c.unique) j["unique"] = true;
  if (c.indexed) j["index"] = true;
  if (c.maxLength) j["max_length"] = *c.maxLength;
  if (c.defaultValue)
    j["default"] =
        Json{{"kind", defaultKindName(c.defaultValue->kind)}, {"value", c.defaultValue->text}};
  if (!c.comment.empty()) j["comment"] = c.comment;
  if (!c.renamedFrom.empty()) j["renamed_from"] = c.renamedFrom;
  if (!c.convertUsing.empty()) j["convert_using"] = c.convertUsing;
  if (!c.check.empty()) j["check"] = c.check;
  for (const auto& [dialect, type] : c.declaredTypes)
    j[dialect + "_type"] = type;
  if (c.min) j["min"] = *c.min;
  if (c.max) j["max"] = *c.max;
  if (c.notEmpty) j["not_empty"] = true;
  if (c.insertOnly) j["insert_only"] = true;
  if (c.rowSecurity) j["row_security"] = true;
  if (c.generatedUuid) j["uuid"] = true;
  if (c.role != ColumnRole::None) j["role"] = columnRoleName(c.role);
  if (c.references) j["references"] = foreignKeyJson(*c.references, locations);
  if (!c.mixin.empty()) j["mixin"] = c.mixin;
  if (locations == LocationPolicy::Include) j["loc"] = locJson(c.loc);
  return j;
}

Json indexJson(const Index& index, LocationPolicy locations) {
  Json j{{"name", index.name},
         {"members", index.members},
         {"columns", index.columns},
         {"unique", index.unique}};
  if (!index.method.empty()) j["method"] = index.method;
  if (!index.opclass.empty()) j["opclass"] = index.opclass;
  if (locations == LocationPolicy::Include) j["loc"] = locJson(index.loc);
  return j;
}

Json manyToManyJson(const ManyToMany& rel, LocationPolicy locations) {
  Json j{{"target", rel.target}};
  if (!rel.targetModel.empty()) j["target_model"] = rel.targetModel;
  j["name"] = rel.name;
  j["inverse"] = rel.inverse;
  if (!rel.table.empty()) j["table"] = rel.table;
  if (!rel.through.empty()) j["through"] = rel.through;
  if (!rel.throughModel.empty()) j["through_model"] = rel.throughModel;
  j["source_column"] = rel.sourceColumn;
  j["target_column"] = rel.targetColumn;
  if (locations == LocationPolicy::Include) j["loc"] = locJson(rel.loc);
  return j;
}

Json compositeReferenceJson(const CompositeReference& ref, LocationPolicy locations) {
  Json j = foreignKeyJson(ref.key, locations);
  j["members"] = ref.members;
  return j;
}

Json hookJson(const Hook& hook, LocationPolicy locations) {
  Json j{{"event", hookEventName(hook.event)}, {"function", hook.function}};
  if (locations == LocationPolicy::Include) j["loc"] = locJson(hook.loc);
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
  std::vector<std::string> strings(const char* key) const {
    std::vector<std::string> out;
    const Json& v = array(key);
    for (std::size_t i = 0; i < v.size(); ++i)
      out.push_back(asString(v[i], at(key) + "[" + std::to_string(i) + "]"));
    return out;
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
  if (readingSnapshot && !parent.has("loc")) return {};
  Reader r(parent.required("loc"), parent.at("loc"));
  return SourceLoc{r.string("file"), r.position("line"), r.position("column")};
}

ReferentialAction readAction(const Reader& r, const char* key) {
  std::string name = r.string(key);
  auto action = referentialActionFromName(name);
  if (!action) throw IrFormatError(r.at(key) + ": unknown action '" + name + "'");
  return *action;
}

ForeignKey readForeignKey(const Reader& f) {
  ForeignKey fk;
  fk.target = f.string("target");
  fk.targetModel = f.string("target_model", "");
  fk.onDelete = readAction(f, "on_delete");
  fk.onUpdate = readAction(f, "on_update");
  fk.name = f.string("name");
  fk.inverse = f.string("inverse");
  fk.indexed = f.boolean("index", true);
  fk.loc = readLoc(f);
  return fk;
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
  c.type.period = type.string("period", "");
  c.type.converter = type.string("converter", "");
  if (type.has("enumerators")) {
    const Json& names = type.required("enumerators");
    if (!names.is_array()) throw IrFormatError(type.at("enumerators") + ": expected an array");
    for (const Json& name : names) {
      if (!name.is_string())
        throw IrFormatError(type.at("enumerators") + ": expected names (strings)");
      c.type.enumerators.push_back(name.get<std::string>());
    }
  }
  if (c.type.kind == TypeKind::Decimal) {
    c.type.precision = static_cast<int>(type.integer("precision"));
    c.type.scale = static_cast<int>(type.integer("scale"));
    if (c.type.precision < 1 || c.type.precision > 18 || c.type.scale < 0 ||
        c.type.scale > c.type.precision)
      throw IrFormatError(type.at("precision") +
                          ": a decimal has 1 to 18 digits and a scale of at most that many");
  }
  if (c.type.kind == TypeKind::Vector) {
    c.type.dimension = static_cast<int>(type.integer("dimension"));
    if (c.type.dimension < 1 || c.type.dimension > kMaxVectorDimension)
      throw IrFormatError(type.at("dimension") + ": a vector has 1 to " +
                          std::to_string(kMaxVectorDimension) + " dimensions");
  }
  if (r.has("storage")) {
    std::string storage = r.string("storage");
    auto value = storageFromName(storage);
    if (!value) throw IrFormatError(r.at("storage") + ": unknown storage '" + storage + "'");
    c.storage = *value;
  }
  c.nullable = r.boolean("nullable", false);
  c.primaryKey = r.boolean("primary_key", false);
  c.autoIncrement = r.boolean("auto_increment", false);
  c.sequence = r.string("sequence", "");
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
  c.renamedFrom = r.string("renamed_from", "");
  c.convertUsing = r.string("convert_using", "");
  c.check = r.string("check", "");
  for (Dialect d : sql::all_dialects())
    if (std::string key = std::string(sql::renderer(d).name()) + "_type"; r.has(key.c_str()))
      c.declaredTypes[std::string(sql::renderer(d).name())] = r.string(key.c_str());
  if (r.has("min")) c.min = r.string("min");
  if (r.has("max")) c.max = r.string("max");
  c.notEmpty = r.boolean("not_empty", false);
  c.insertOnly = r.boolean("insert_only", false);
  c.rowSecurity = r.boolean("row_security", false);
  c.generatedUuid = r.boolean("uuid", false);
  if (r.has("role")) {
    std::string name = r.string("role");
    auto role = columnRoleFromName(name);
    if (!role) throw IrFormatError(r.at("role") + ": unknown role '" + name + "'");
    c.role = *role;
  }
  if (r.has("references"))
    c.references = readForeignKey(Reader(r.required("references"), r.at("references")));
  c.mixin = r.string("mixin", "");
  c.loc = readLoc(r);
  return c;
}

Index readIndex(const Reader& r) {
  Index index;
  index.name = r.string("name");
  index.members = r.strings("members");
  index.columns = r.strings("columns");
  if (index.members.size() != index.columns.size() || index.columns.empty())
    throw IrFormatError(r.at("columns") + ": expected one column per member");
  index.unique = r.boolean("unique", false);
  index.method = r.string("method", "");
  index.opclass = r.string("opclass", "");
  index.loc = readLoc(r);
  return index;
}

CompositeReference readCompositeReference(const Reader& r) {
  CompositeReference ref;
  ref.key = readForeignKey(r);
  ref.members = r.strings("members");
  return ref;
}

ManyToMany readManyToMany(const Reader& r) {
  ManyToMany rel;
  rel.target = r.string("target");
  rel.targetModel = r.string("target_model", "");
  rel.name = r.string("name");
  rel.inverse = r.string("inverse");
  rel.table = r.string("table", "");
  rel.through = r.string("through", "");
  rel.throughModel = r.string("through_model", "");
  rel.sourceColumn = r.string("source_column");
  rel.targetColumn = r.string("target_column");
  rel.loc = readLoc(r);
  return rel;
}

Hook readHook(const Reader& r) {
  Hook hook;
  std::string event = r.string("event");
  auto e = hookEventFromName(event);
  if (!e) throw IrFormatError(r.at("event") + ": unknown hook event '" + event + "'");
  hook.event = *e;
  hook.function = r.string("function");
  hook.loc = readLoc(r);
  return hook;
}

template <class T, class Read>
void readList(const Reader& r, const char* key, std::vector<T>& out, Read read) {
  if (!r.has(key)) return;
  const Json& items = r.array(key);
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back(read(Reader(items[i], r.at(key) + "[" + std::to_string(i) + "]")));
}

Distribution readDistribution(const Reader& r) {
  Distribution d;
  std::string name = r.string("kind");
  auto kind = distributionKindFromName(name);
  if (!kind || *kind == Distribution::Kind::Local)
    throw IrFormatError(r.at("kind") + ": unknown distribution '" + name +
                        "' (distributed or reference)");
  d.kind = *kind;
  if (d.kind == Distribution::Kind::Distributed) d.member = r.string("member");
  d.colocateWith = r.string("colocate_with", "");
  d.colocateModel = r.string("colocate_model", "");
  d.loc = readLoc(r);
  return d;
}

Partitioning readPartitioning(const Reader& r) {
  Partitioning p;
  std::string name = r.string("method");
  auto method = partitionMethodFromName(name);
  if (!method || *method == Partitioning::Method::None)
    throw IrFormatError(r.at("method") + ": unknown partitioning '" + name +
                        "' (range, list or hash)");
  p.method = *method;
  p.member = r.string("member");
  if (r.has("partitions")) p.partitions = static_cast<int>(r.integer("partitions"));
  p.interval = r.string("interval", "");
  if (r.has("ahead")) p.ahead = static_cast<int>(r.integer("ahead"));
  readList(r, "lists", p.lists, [](const Reader& l) {
    Partitioning::ListPartition list;
    list.name = l.string("name");
    list.values = l.strings("values");
    list.loc = readLoc(l);
    return list;
  });
  p.loc = readLoc(r);
  return p;
}

Model readModel(const Reader& r) {
  Model m;
  m.name = r.string("name");
  m.qualifiedName = r.string("qualified_name");
  m.cppNamespace = r.string("namespace", "");
  if (r.has("inline_namespaces")) m.inlineNamespaces = r.strings("inline_namespaces");
  m.table = r.string("table");
  m.schema = r.string("schema", "");
  m.renamedFrom = r.string("renamed_from", "");
  m.comment = r.string("comment", "");
  m.accessor = r.string("accessor");
  m.variants = r.boolean("variants", false);
  m.versioned = r.boolean("versioned", false);
  if (r.has("distribution"))
    m.distribution = readDistribution(Reader(r.required("distribution"), r.at("distribution")));
  if (r.has("partitioning"))
    m.partitioning = readPartitioning(Reader(r.required("partitioning"), r.at("partitioning")));
  m.declaredIn = readingSnapshot ? r.string("declared_in", "") : r.string("declared_in");
  m.includeAs = r.string("include_as", "");
  m.inputFile = readingSnapshot ? r.string("input", "") : r.string("input");
  m.loc = readLoc(r);
  const Json& columns = r.array("columns");
  for (std::size_t i = 0; i < columns.size(); ++i)
    m.columns.push_back(
        readColumn(Reader(columns[i], r.at("columns") + "[" + std::to_string(i) + "]")));
  readList(r, "indexes", m.indexes, readIndex);
  if (r.has("checks")) m.checks = r.strings("checks");
  readList(r, "many_to_many", m.manyToMany, readManyToMany);
  readList(r, "composite_references", m.compositeReferences, readCompositeReference);
  readList(r, "hooks", m.hooks, readHook);
  return m;
}
} // namespace

nlohmann::ordered_json modelJson(const Model& m, LocationPolicy locations) {
  Json columns = Json::array();
  for (const Column& c : m.columns)
    columns.push_back(columnJson(c, locations));
  Json j{{"name", m.name}, {"qualified_name", m.qualifiedName}};
  if (!m.cppNamespace.empty()) j["namespace"] = m.cppNamespace;
  if (!m.inlineNamespaces.empty()) j["inline_namespaces"] = m.inlineNamespaces;
  j["table"] = m.table;
  if (!m.schema.empty()) j["schema"] = m.schema;
  if (!m.renamedFrom.empty()) j["renamed_from"] = m.renamedFrom;
  if (!m.comment.empty()) j["comment"] = m.comment;
  j["accessor"] = m.accessor;
  if (m.variants) j["variants"] = true;
  if (m.versioned) j["versioned"] = true;
  if (m.distribution.kind != Distribution::Kind::Local) {
    const Distribution& d = m.distribution;
    Json distribution{{"kind", distributionKindName(d.kind)}};
    if (!d.member.empty()) distribution["member"] = d.member;
    if (!d.colocateWith.empty()) distribution["colocate_with"] = d.colocateWith;
    if (!d.colocateModel.empty()) distribution["colocate_model"] = d.colocateModel;
    if (locations == LocationPolicy::Include) distribution["loc"] = locJson(d.loc);
    j["distribution"] = std::move(distribution);
  }
  if (m.partitioning.method != Partitioning::Method::None) {
    const Partitioning& p = m.partitioning;
    Json partitioning{{"method", partitionMethodName(p.method)}, {"member", p.member}};
    if (p.partitions) partitioning["partitions"] = p.partitions;
    if (!p.interval.empty()) partitioning["interval"] = p.interval;
    if (p.ahead) partitioning["ahead"] = p.ahead;
    if (!p.lists.empty()) {
      Json lists = Json::array();
      for (const Partitioning::ListPartition& list : p.lists) {
        Json l{{"name", list.name}, {"values", list.values}};
        if (locations == LocationPolicy::Include) l["loc"] = locJson(list.loc);
        lists.push_back(std::move(l));
      }
      partitioning["lists"] = std::move(lists);
    }
    if (locations == LocationPolicy::Include) partitioning["loc"] = locJson(p.loc);
    j["partitioning"] = std::move(partitioning);
  }
  if (locations == LocationPolicy::Include) {
    j["declared_in"] = m.declaredIn;
    if (!m.includeAs.empty()) j["include_as"] = m.includeAs;
    j["input"] = m.inputFile;
    j["loc"] = locJson(m.loc);
  }
  j["columns"] = std::move(columns);
  auto addList = [&](const char* key, const auto& items, auto toJson) {
    if (items.empty()) return;
    Json list = Json::array();
    for (const auto& item : items)
      list.push_back(toJson(item, locations));
    j[key] = std::move(list);
  };
  addList("indexes", m.indexes, indexJson);
  if (!m.checks.empty()) j["checks"] = m.checks;
  addList("many_to_many", m.manyToMany, manyToManyJson);
  addList("composite_references", m.compositeReferences, compositeReferenceJson);
  addList("hooks", m.hooks, hookJson);
  return j;
}

namespace {
/// Refuses a document of another major version, or of a newer minor one, saying which ormc
/// reads it.
void checkVersion(const Reader& root) {
  const std::string ours = "IR " + std::to_string(kIrVersion) + "." + std::to_string(kIrMinor);
  const std::int64_t major = root.integer("ormc_ir_version");
  if (major < kIrVersion)
    throw IrFormatError("$.ormc_ir_version: IR version " + std::to_string(major) +
                        " is an older ormc's; this ormc reads " + ours +
                        " and older minors of it: write the file again with this ormc");
  if (major > kIrVersion)
    throw IrFormatError("$.ormc_ir_version: IR version " + std::to_string(major) +
                        " is a newer ormc's; this ormc reads " + ours +
                        " and older minors of it: read it with that ormc or a newer one");
  const std::int64_t minor = root.has("ormc_ir_minor") ? root.integer("ormc_ir_minor") : 0;
  if (minor > kIrMinor)
    throw IrFormatError("$.ormc_ir_minor: IR " + std::to_string(major) + "." +
                        std::to_string(minor) + " is a newer ormc's, with additions this ormc (" +
                        ours + ") would leave out: read it with that ormc or a newer one");
}
} // namespace

nlohmann::ordered_json toJson(const Schema& schema, LocationPolicy locations) {
  Json models = Json::array();
  for (const Model& m : schema.models)
    models.push_back(modelJson(m, locations));
  Json out{{"ormc_ir_version", kIrVersion}, {"ormc_ir_minor", kIrMinor}};
  if (locations == LocationPolicy::Include) out["inputs"] = schema.inputFiles;
  out["models"] = std::move(models);
  return out;
}

Schema schemaFromJson(const std::string& text) {
  Json document = Json::parse(text, /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) throw IrFormatError("not valid JSON");
  Reader root(document, "$");
  checkVersion(root);
  Schema schema;
  if (!readingSnapshot || root.has("inputs")) {
    const Json& inputs = root.array("inputs");
    for (std::size_t i = 0; i < inputs.size(); ++i)
      schema.inputFiles.push_back(
          Reader::asString(inputs[i], "$.inputs[" + std::to_string(i) + "]"));
  }
  const Json& models = root.array("models");
  for (std::size_t i = 0; i < models.size(); ++i)
    schema.models.push_back(readModel(Reader(models[i], "$.models[" + std::to_string(i) + "]")));
  return schema;
}

Schema schemaFromSnapshot(const std::string& text) {
  struct Guard {
    Guard() { readingSnapshot = true; }
    ~Guard() { readingSnapshot = false; }
  } guard;
  return schemaFromJson(text);
}

} // namespace ormc::ir
