#include "emit/template/TemplateData.h"

#include "emit/Relations.h"
#include "emit/Version.h"
#include "ir/QualifiedNames.h"
#include "ir/SchemaJson.h"

#include <set>

namespace ormc::emit {
namespace {
using json = nlohmann::json;

/// Marks each element with its place: first, last, index (from 0) and number (from 1).
json positioned(json list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    list[i]["first"] = i == 0;
    list[i]["last"] = i + 1 == list.size();
    list[i]["index"] = static_cast<int>(i);
    list[i]["number"] = static_cast<int>(i + 1);
  }
  return list;
}

json names(const std::vector<std::string>& values) {
  json out = json::array();
  for (const std::string& v : values)
    out.push_back({{"name", v}});
  return positioned(out);
}

/// One flag per IR type kind: is_bool, is_int8 ... is_vector.
void addKindFlags(json& column, ir::TypeKind kind) {
  for (int k = 0; k <= static_cast<int>(ir::TypeKind::Vector); ++k)
    column[std::string("is_") + ir::typeKindName(static_cast<ir::TypeKind>(k))] =
        static_cast<int>(kind) == k;
}

json columnData(const ir::Schema& schema, const ir::Column& c) {
  const ir::ColumnType& t = c.type;
  json column = {
      {"member", c.member},
      {"name", c.name},
      {"kind", ir::typeKindName(t.kind)},
      {"cpp_type", t.spelling},
      {"nullable", c.nullable},
      {"primary_key", c.primaryKey},
      {"auto_increment", c.autoIncrement},
      {"unique", c.unique},
      {"indexed", c.indexed},
      {"max_length", c.maxLength ? static_cast<int>(*c.maxLength) : 0},
      {"storage", ir::storageName(c.storage)},
      {"comment", c.comment},
      {"role", c.role == ir::ColumnRole::None ? "" : ir::columnRoleName(c.role)},
      {"enum_type", ir::withoutGlobalScope(t.enumType)},
      {"enum_name", ir::unqualifiedName(t.enumType)},
      {"enumerators", names(t.enumerators)},
      {"precision", t.precision},
      {"integer_digits", t.precision - t.scale},
      {"scale", t.scale},
      {"dimension", t.dimension},
      {"period", t.period},
      {"is_integer", ir::isInteger(t.kind) && t.enumerators.empty()},
      {"is_real", t.kind == ir::TypeKind::Float || t.kind == ir::TypeKind::Double},
      {"is_enum", !t.enumType.empty()},
      {"is_text_enum", !t.enumerators.empty()},
  };
  addKindFlags(column, t.kind);
  json references = json::array();
  if (c.references)
    if (const ir::Model* target = schema.find(c.references->targetModel)) {
      const ir::Column* key = target->primaryKey();
      references.push_back({{"model", target->qualifiedName},
                            {"model_name", target->name},
                            {"table", target->table},
                            {"column", key ? key->name : ""},
                            {"on_delete", ir::referentialActionName(c.references->onDelete)},
                            {"on_update", ir::referentialActionName(c.references->onUpdate)}});
    }
  column["references"] = positioned(references);
  return column;
}

const char* relationKind(Relation::Kind kind) {
  switch (kind) {
  case Relation::Kind::BelongsTo:
    return "belongs_to";
  case Relation::Kind::HasMany:
    return "has_many";
  case Relation::Kind::HasOne:
    return "has_one";
  case Relation::Kind::ManyToMany:
    return "many_to_many";
  }
  return "";
}

json relationsData(const ir::Schema& schema, const ir::Model& m) {
  json out = json::array();
  for (const Relation& r : relationsOf(schema, m)) {
    if (!r.other) continue;
    const std::string kind = relationKind(r.kind);
    out.push_back({{"name", r.name},
                   {"kind", kind},
                   {"model", r.other->qualifiedName},
                   {"model_name", r.other->name},
                   {"table", r.other->table},
                   {"is_belongs_to", kind == "belongs_to"},
                   {"is_has_many", kind == "has_many"},
                   {"is_has_one", kind == "has_one"},
                   {"is_many_to_many", kind == "many_to_many"}});
  }
  return positioned(out);
}

json modelData(const ir::Schema& schema, const ir::Model& m) {
  json columns = json::array();
  json key = json::array();
  for (const ir::Column& c : m.columns) {
    columns.push_back(columnData(schema, c));
    if (c.primaryKey) key.push_back(columns.back());
  }
  json indexes = json::array();
  for (const ir::Index& index : m.indexes)
    indexes.push_back({{"name", index.name},
                       {"unique", index.unique},
                       {"method", index.method},
                       {"columns", names(index.columns)}});
  return {{"name", m.name},
          {"qualified_name", m.qualifiedName},
          {"namespace", m.cppNamespace},
          {"table", m.table},
          {"schema", m.schema},
          {"qualified_table", m.schema.empty() ? m.table : m.schema + "." + m.table},
          {"accessor", m.accessor},
          {"comment", m.comment},
          {"versioned", m.versioned},
          {"columns", positioned(columns)},
          {"key", positioned(key)},
          {"indexes", positioned(indexes)},
          {"relations", relationsData(schema, m)}};
}

json enumsData(const ir::Schema& schema) {
  json out = json::array();
  std::set<std::string> seen;
  for (const ir::Model& m : schema.models)
    for (const ir::Column& c : m.columns)
      if (!c.type.enumerators.empty() && seen.insert(c.type.enumType).second)
        out.push_back({{"name", ir::unqualifiedName(c.type.enumType)},
                       {"enum_name", ir::unqualifiedName(c.type.enumType)}, // seen from enumerators
                       {"qualified_name", ir::withoutGlobalScope(c.type.enumType)},
                       {"enumerators", names(c.type.enumerators)}});
  return positioned(out);
}

/// Every path in `data`, as templateDataShape() spells them; a list's elements share one.
void collectShape(const json& data, const std::string& prefix,
                  std::map<std::string, TemplateField>& out) {
  for (const auto& [name, value] : data.items()) {
    std::string path = prefix.empty() ? name : prefix + "." + name;
    if (value.is_array()) {
      out[path] = TemplateField::List;
      for (const json& element : value)
        collectShape(element, path + "[]", out);
    } else {
      out[path] = value.is_boolean()          ? TemplateField::Flag
                  : value.is_number_integer() ? TemplateField::Number
                                              : TemplateField::Text;
    }
  }
}

/// A schema that uses every part of the data model, so that its data has every path once.
ir::Schema everyField() {
  ir::Schema schema;
  ir::Model m;
  m.name = m.table = m.accessor = m.qualifiedName = "m";
  ir::Column id;
  id.primaryKey = true;
  id.type.enumerators = {"e"};
  id.type.enumType = "E";
  id.references = ir::ForeignKey{};
  id.references->targetModel = "m";
  m.columns = {id};
  m.indexes = {ir::Index{}};
  m.indexes[0].columns = {"c"};
  schema.models = {m};
  return schema;
}
} // namespace

const std::map<std::string, TemplateField>& templateDataShape() {
  static const std::map<std::string, TemplateField> shape = [] {
    std::map<std::string, TemplateField> out;
    collectShape(templateData(everyField(), ""), "", out);
    return out;
  }();
  return shape;
}

json templateData(const ir::Schema& schema, const std::string& schemaName) {
  json models = json::array();
  for (const ir::Model& m : schema.models)
    models.push_back(modelData(schema, m));
  return {{"schema_name", schemaName},
          {"ormc_version", kOrmcVersion},
          {"ir_version", std::to_string(ir::kIrVersion) + "." + std::to_string(ir::kIrMinor)},
          {"models", positioned(models)},
          {"enums", enumsData(schema)}};
}

} // namespace ormc::emit
