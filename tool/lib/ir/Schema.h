// The intermediate representation: a language-neutral description of the tables ormc found.
// The front end builds it from the Clang AST; validation and every emitter read only this.
#pragma once

#include <cstdint>
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
};

const char* typeKindName(TypeKind kind);
std::optional<TypeKind> typeKindFromName(const std::string& name);
bool isInteger(TypeKind kind);

struct ColumnType {
  TypeKind kind = TypeKind::Int64;
  /// Non-empty when the member is a C++ enum stored as its underlying integer (`kind`).
  std::string enumType;
  /// The member's type as written in the source, for documentation and messages.
  std::string spelling;
};

struct DefaultValue {
  enum class Kind { Integer, Real, String, Bool, Null };
  Kind kind = Kind::Null;
  std::string text; // Integer/Real: the literal; String: the unescaped text; Bool: true/false
};

struct Column {
  std::string member; // C++ data member name
  std::string name;   // SQL column name
  ColumnType type;
  bool nullable = false; // std::optional<T>
  bool primaryKey = false;
  bool autoIncrement = false; // integer primary keys are assigned by the database
  bool unique = false;
  bool indexed = false;
  std::optional<std::int64_t> maxLength;
  std::optional<DefaultValue> defaultValue;
  std::string comment;
  SourceLoc loc;
};

struct Model {
  std::string name;          // unqualified C++ name: OrderLine
  std::string qualifiedName; // fully qualified C++ name: shop::OrderLine
  std::string cppNamespace;  // enclosing namespace, without enclosing classes: shop
  std::string table;         // SQL table name: order_line
  std::string schema;        // SQL schema, empty for the default one
  std::string comment;
  std::string accessor;   // member of the generated Models container: order_lines
  std::string declaredIn; // header that declares the struct
  std::string inputFile;  // input file whose generated header holds this model
  SourceLoc loc;
  std::vector<Column> columns;

  const Column* primaryKey() const;
};

/// Everything one ormc run produces code for. Models keep a stable order (by input file, then
/// source position) so that output is deterministic.
struct Schema {
  std::vector<std::string> inputFiles;
  std::vector<Model> models;
};

} // namespace ormc::ir
