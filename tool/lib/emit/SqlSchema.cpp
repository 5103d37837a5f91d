#include "emit/SqlSchema.h"

#include "ir/Identifiers.h"

namespace ormc::emit {
namespace {
sql::ColumnType timeType(ir::Storage storage) {
  switch (storage) {
  case ir::Storage::Native:
    return sql::ColumnType::timestamp;
  case ir::Storage::Text:
    return sql::ColumnType::timestamp_text;
  case ir::Storage::UnixSeconds:
    return sql::ColumnType::timestamp_seconds;
  case ir::Storage::UnixMillis:
    return sql::ColumnType::timestamp_millis;
  case ir::Storage::UnixMicros:
    return sql::ColumnType::timestamp_micros;
  case ir::Storage::Timestamp:
  case ir::Storage::Numeric: // not a time's storage (the validator refuses them)
  case ir::Storage::PgVector:
    return sql::ColumnType::timestamp_plain;
  }
  return sql::ColumnType::timestamp;
}

sql::ColumnType columnType(const ir::Column& c) {
  if (!c.type.enumType.empty() && c.storage == ir::Storage::Text) return sql::ColumnType::text;
  switch (c.type.kind) {
  case ir::TypeKind::Bool:
    return sql::ColumnType::boolean;
  case ir::TypeKind::Int8:
    return sql::ColumnType::int8;
  case ir::TypeKind::Int16:
    return sql::ColumnType::int16;
  case ir::TypeKind::Int32:
    return sql::ColumnType::int32;
  case ir::TypeKind::Int64:
    return sql::ColumnType::int64;
  case ir::TypeKind::UInt8:
    return sql::ColumnType::uint8;
  case ir::TypeKind::UInt16:
    return sql::ColumnType::uint16;
  case ir::TypeKind::UInt32:
    return sql::ColumnType::uint32;
  case ir::TypeKind::UInt64:
    return sql::ColumnType::uint64;
  case ir::TypeKind::Float:
    return sql::ColumnType::float32;
  case ir::TypeKind::Double:
    return sql::ColumnType::float64;
  case ir::TypeKind::String:
    return sql::ColumnType::text;
  case ir::TypeKind::Bytes:
    return sql::ColumnType::bytes;
  case ir::TypeKind::Timestamp:
    return timeType(c.storage);
  case ir::TypeKind::Uuid:
    return sql::ColumnType::uuid;
  case ir::TypeKind::Date:
    return sql::ColumnType::date;
  case ir::TypeKind::Duration:
    return sql::ColumnType::duration;
  case ir::TypeKind::Decimal:
    return c.storage == ir::Storage::Numeric ? sql::ColumnType::decimal_number
                                             : sql::ColumnType::decimal;
  case ir::TypeKind::Json:
    return sql::ColumnType::json;
  case ir::TypeKind::Vector:
    return c.storage == ir::Storage::PgVector ? sql::ColumnType::vector_pgvector
                                              : sql::ColumnType::vector;
  }
  return sql::ColumnType::text;
}

sql::Literal literal(const ir::DefaultValue& value) {
  using Kind = ir::DefaultValue::Kind;
  switch (value.kind) {
  case Kind::String:
    return {sql::Literal::Kind::text, value.text};
  case Kind::Bool:
    return {sql::Literal::Kind::boolean, value.text};
  case Kind::Null:
    return {sql::Literal::Kind::null, ""};
  case Kind::Integer:
  case Kind::Real:
    return {sql::Literal::Kind::number, value.text};
  }
  return {sql::Literal::Kind::null, ""};
}

sql::ReferentialAction action(ir::ReferentialAction a) {
  switch (a) {
  case ir::ReferentialAction::NoAction:
    return sql::ReferentialAction::no_action;
  case ir::ReferentialAction::Restrict:
    return sql::ReferentialAction::restrict;
  case ir::ReferentialAction::Cascade:
    return sql::ReferentialAction::cascade;
  case ir::ReferentialAction::SetNull:
    return sql::ReferentialAction::set_null;
  case ir::ReferentialAction::SetDefault:
    return sql::ReferentialAction::set_default;
  }
  return sql::ReferentialAction::no_action;
}
} // namespace

sql::TableName tableName(const ir::Model& m) {
  return {m.schema, m.table};
}

sql::ColumnDefinition columnDefinition(const ir::Column& c, const std::string& table) {
  sql::ColumnDefinition out;
  out.name = c.name;
  out.type = columnType(c);
  if (c.maxLength) out.max_length = static_cast<std::uint64_t>(*c.maxLength);
  out.precision = c.type.precision;
  out.scale = c.type.scale;
  out.dimension = c.type.dimension;
  out.primary_key = c.primaryKey;
  out.identity = c.autoIncrement;
  out.not_null = !c.nullable;
  if (c.defaultValue) out.default_value = literal(*c.defaultValue);
  if (c.unique && !c.primaryKey)
    out.unique_constraint = ir::generatedIdentifier("uq_" + table + "_" + c.name);
  // The CHECKs that back the generated code's validation, for rows other writers store.
  using Check = sql::ColumnCheck::Kind;
  if (c.min) out.checks.push_back({Check::at_least, *c.min, {}});
  if (c.max) out.checks.push_back({Check::at_most, *c.max, {}});
  if (c.notEmpty) out.checks.push_back({Check::not_empty, "", {}});
  if (!c.type.enumerators.empty())
    out.checks.push_back({Check::one_of, "", c.type.enumerators}); // an enum stored as text
  if (!c.check.empty()) out.checks.push_back({Check::expression, c.check, {}});
  if (!out.checks.empty())
    out.check_constraint = ir::generatedIdentifier("ck_" + table + "_" + c.name);
  out.comment = c.comment;
  out.declared_types.insert(c.declaredTypes.begin(), c.declaredTypes.end());
  return out;
}

std::string foreignKeyName(const ir::Model& m, const ir::Reference& ref) {
  std::string name = "fk_" + m.table;
  for (const ir::Column* c : ref.columns)
    name += "_" + c->name;
  return ir::generatedIdentifier(name);
}

sql::ForeignKey foreignKey(const ir::Schema& schema, const ir::Model& m, const ir::Reference& ref) {
  const ir::ForeignKey& fk = *ref.key;
  const ir::Model& target = *schema.find(fk.targetModel);
  sql::ForeignKey out;
  out.name = foreignKeyName(m, ref);
  for (const ir::Column* c : ref.columns)
    out.columns.push_back(c->name);
  out.target = tableName(target);
  for (const ir::Column* key : target.keyColumns())
    out.target_columns.push_back(key->name);
  out.on_delete = action(fk.onDelete);
  out.on_update = action(fk.onUpdate);
  return out;
}

} // namespace ormc::emit
