#include "emit/python/PythonEmitter.h"

#include "emit/CrudStatements.h"
#include "emit/Printer.h"
#include "emit/Version.h"
#include "ir/QualifiedNames.h"
#include "ir/SchemaJson.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ormc/sql/renderer.hpp>
#include <set>

namespace ormc::emit {
namespace {

// ormc_data.py, the part of the target that is the same for every schema.
constexpr const char kDataModule[] =
#include "ormc_data.py.inc"
    ;

/// A Python string literal of `text`: single-quoted (SQL is full of double quotes).
std::string pythonString(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\\' || c == '\'') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20 || u == 0x7f) {
      std::array<char, 8> hex{};
      std::snprintf(hex.data(), hex.size(), "\\x%02x", u);
      out += hex.data();
    } else {
      out += c; // UTF-8 passes through: Python source is UTF-8
    }
  }
  return out + "'";
}

/// `a::b::C` as one Python name: `a_b_C`, for a class whose short name two models share.
std::string flattened(const std::string& qualified) {
  std::string out;
  for (std::size_t i = qualified.rfind("::", 0) == 0 ? 2 : 0; i < qualified.size(); ++i) {
    if (qualified.compare(i, 2, "::") == 0) {
      if (!out.empty()) out += '_';
      ++i;
    } else {
      out += qualified[i];
    }
  }
  return out;
}

/// Python class names for C++ types: the short name, unless two types share it.
class ClassNames {
public:
  void add(const std::string& qualified) {
    if (qualifiedNames_.insert(qualified).second) ++shortCount_[ir::unqualifiedName(qualified)];
  }
  std::string operator()(const std::string& qualified) const {
    // Names the models module defines or imports itself.
    static const std::set<std::string> taken = {"Models",   "connect", "IR_VERSION", "dataclasses",
                                                "datetime", "decimal", "enum",       "uuid",
                                                "Any",      "List",    "Optional"};
    std::string name = ir::unqualifiedName(qualified);
    name = pythonIdentifier(shortCount_.at(name) > 1 ? flattened(qualified) : name);
    return taken.count(name) ? name + "_" : name;
  }

private:
  std::set<std::string> qualifiedNames_;
  std::map<std::string, int> shortCount_;
};

/// What one column is in Python: its type hint, its default, and the codec binding it.
struct PythonColumn {
  std::string hint;
  std::string initializer; // " = 0" or " = dataclasses.field(default_factory=...)"
  std::string codec;
};

std::string integerCodec(ir::TypeKind kind) {
  switch (kind) {
  case ir::TypeKind::Int8:
    return "_ormc.Integer(-128, 127)";
  case ir::TypeKind::Int16:
    return "_ormc.Integer(-32768, 32767)";
  case ir::TypeKind::Int32:
    return "_ormc.Integer(-2147483648, 2147483647)";
  case ir::TypeKind::UInt8:
    return "_ormc.Integer(0, 255)";
  case ir::TypeKind::UInt16:
    return "_ormc.Integer(0, 65535)";
  case ir::TypeKind::UInt32:
    return "_ormc.Integer(0, 4294967295)";
  // Both backends hold 64-bit signed integers; the C++ runtime refuses a uint64 above that.
  default:
    return "_ormc.Integer(-9223372036854775808, 9223372036854775807)";
  }
}

bool isMicrosecondMultiple(const std::string& period) {
  std::size_t slash = period.find('/');
  if (slash == std::string::npos) return false;
  unsigned long long num = std::stoull(period.substr(0, slash));
  unsigned long long den = std::stoull(period.substr(slash + 1));
  return den != 0 && (num * 1000000ULL) % den == 0;
}

PythonColumn scalarColumn(const ir::Column& c) {
  const ir::ColumnType& t = c.type;
  const std::string storage = ir::storageName(c.storage);
  PythonColumn p;
  switch (t.kind) {
  case ir::TypeKind::Bool:
    p = {"bool", " = False", "_ormc.Bool()"};
    break;
  case ir::TypeKind::Float:
    p = {"float", " = 0.0", "_ormc.Real(single=True)"};
    break;
  case ir::TypeKind::Double:
    p = {"float", " = 0.0", "_ormc.Real(single=False)"};
    break;
  case ir::TypeKind::String:
    p = {"str", " = ''", "_ormc.Text()"};
    break;
  case ir::TypeKind::Bytes:
    p = {"bytes", " = b''", "_ormc.Bytes()"};
    break;
  case ir::TypeKind::Timestamp:
    p = {"datetime.datetime", " = _ormc.EPOCH", "_ormc.Timestamp(" + pythonString(storage) + ")"};
    break;
  case ir::TypeKind::Uuid:
    p = {"uuid.UUID", " = uuid.UUID(int=0)", "_ormc.Uuid()"};
    if (c.generatedUuid) p = {"Optional[uuid.UUID]", " = None", "_ormc.Uuid()"};
    break;
  case ir::TypeKind::Date:
    p = {"datetime.date", " = _ormc.EPOCH.date()", "_ormc.Date()"};
    break;
  case ir::TypeKind::Duration: {
    std::size_t slash = t.period.find('/');
    std::string codec =
        "_ormc.Duration(" + t.period.substr(0, slash) + ", " + t.period.substr(slash + 1) + ")";
    p = isMicrosecondMultiple(t.period)
            ? PythonColumn{"datetime.timedelta", " = datetime.timedelta(0)", codec}
            : PythonColumn{"int", " = 0", codec};
    break;
  }
  case ir::TypeKind::Decimal:
    p = {"decimal.Decimal", " = decimal.Decimal(0)",
         "_ormc.Decimal(" + std::to_string(t.precision) + ", " + std::to_string(t.scale) + ", " +
             pythonString(storage) + ")"};
    break;
  case ir::TypeKind::Json:
    p = {"Any", " = None", c.nullable ? "_ormc.Json(nullable=True)" : "_ormc.Json()"};
    break;
  case ir::TypeKind::Vector:
    p = {"List[float]",
         " = dataclasses.field(default_factory=lambda: [0.0] * " + std::to_string(t.dimension) +
             ")",
         "_ormc.Vector(" + std::to_string(t.dimension) + ", " + pythonString(storage) + ")"};
    break;
  default: // the integers, and enums stored as their integer
    p = {"int", " = 0", integerCodec(t.kind)};
    break;
  }
  return p;
}

PythonColumn pythonColumn(const ir::Column& c, const ClassNames& names) {
  const ir::ColumnType& t = c.type;
  PythonColumn p;
  if (!t.enumerators.empty()) { // an enum stored as its enumerators' names
    std::string cls = names(t.enumType);
    p = {cls, " = " + cls + "." + pythonIdentifier(t.enumerators.front()),
         "_ormc.TextEnum(" + cls + ")"};
  } else {
    p = scalarColumn(c);
  }
  if (c.nullable) {
    if (p.hint.rfind("Optional[", 0) != 0) p.hint = "Optional[" + p.hint + "]";
    p.initializer = " = None";
    p.codec = "_ormc.Nullable(" + p.codec + ")";
  }
  return p;
}

std::string modelConstant(const ir::Model& m, const ClassNames& names) {
  std::string out = "_";
  for (char c : names(m.qualifiedName))
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

void printEnums(Printer& p, const ir::Schema& schema, const ClassNames& names) {
  std::set<std::string> printed;
  for (const ir::Model& m : schema.models)
    for (const ir::Column& c : m.columns) {
      if (c.type.enumerators.empty() || !printed.insert(c.type.enumType).second) continue;
      p.print("\n\nclass $name$(enum.Enum):\n", {{"name", names(c.type.enumType)}});
      p.indent();
      p.indent();
      p.print("\"\"\"$cpp$, stored as its enumerators' names.\"\"\"\n\n",
              {{"cpp", ir::withoutGlobalScope(c.type.enumType)}});
      for (const std::string& e : c.type.enumerators)
        p.print("$name$ = $text$\n", {{"name", pythonIdentifier(e)}, {"text", pythonString(e)}});
      p.outdent();
      p.outdent();
    }
}

void printDataclass(Printer& p, const ir::Model& m, const ClassNames& names) {
  p.print("\n\n@dataclasses.dataclass\nclass $name$:\n", {{"name", names(m.qualifiedName)}});
  p.indent();
  p.indent();
  std::string table = m.schema.empty() ? m.table : m.schema + "." + m.table;
  p.print("\"\"\"$cpp$: table $table$.\"\"\"\n\n", {{"cpp", m.qualifiedName}, {"table", table}});
  for (const ir::Column& c : m.columns) {
    PythonColumn py = pythonColumn(c, names);
    p.print("$member$: $hint$$init$\n",
            {{"member", pythonIdentifier(c.member)}, {"hint", py.hint}, {"init", py.initializer}});
  }
  p.outdent();
  p.outdent();
}

void printStatements(Printer& p, const ir::Model& m, const sql::Renderer& dialect, bool autoKey) {
  const CrudStatements s = crudStatements(m, dialect);
  auto text = [&](const std::string& sql) { return pythonString(dialect.for_python_driver(sql)); };
  p.print("$dialect$: _ormc.Statements(\n",
          {{"dialect", pythonString(std::string(dialect.name()))}});
  p.indent();
  p.indent();
  p.print("insert=$s$,\n", {{"s", text(s.insert)}});
  p.print("select_all=$s$,\n", {{"s", text(s.selectAll)}});
  p.print("select_by_key=$s$,\n", {{"s", text(s.selectByKey)}});
  p.print("update=$s$,\n", {{"s", text(s.update)}});
  p.print("remove=$s$,\n", {{"s", text(s.remove)}});
  p.print("count=$s$,\n", {{"s", text(s.count)}});
  p.print("returns_key=$b$,\n",
          {{"b", autoKey && dialect.insert_returns_key() ? "True" : "False"}});
  p.outdent();
  p.outdent();
  p.print("),\n");
}

std::string attributeOrNone(const ir::Column* c) {
  return c ? pythonString(pythonIdentifier(c->member)) : "None";
}

void printMapping(Printer& p, const ir::Model& m, const ClassNames& names) {
  p.print("\n$constant$ = _ormc.Mapping(\n", {{"constant", modelConstant(m, names)}});
  p.indent();
  p.indent();
  p.print("model=$cls$,\nname=$name$,\ncolumns=(\n",
          {{"cls", names(m.qualifiedName)}, {"name", pythonString(m.qualifiedName)}});
  p.indent();
  p.indent();
  for (const ir::Column& c : m.columns)
    p.print("_ormc.Column($member$, $name$, $codec$),\n",
            {{"member", pythonString(pythonIdentifier(c.member))},
             {"name", pythonString(c.name)},
             {"codec", pythonColumn(c, names).codec}});
  p.outdent();
  p.outdent();
  std::string key;
  const ir::Column* autoKey = nullptr;
  const ir::Column* uuidKey = nullptr;
  for (const ir::Column* c : m.keyColumns()) {
    key += pythonString(pythonIdentifier(c->member)) + ", ";
    if (c->autoIncrement) autoKey = c;
    if (c->generatedUuid) uuidKey = c;
  }
  p.print("),\nkey=($key$),\n", {{"key", key.substr(0, key.size() - 1)}});
  p.print("auto_key=$a$,\nuuid_key=$u$,\n",
          {{"a", attributeOrNone(autoKey)}, {"u", attributeOrNone(uuidKey)}});
  const std::pair<const char*, ir::ColumnRole> roles[] = {
      {"created_at", ir::ColumnRole::CreatedAt},
      {"updated_at", ir::ColumnRole::UpdatedAt},
      {"soft_delete", ir::ColumnRole::SoftDelete},
      {"version", ir::ColumnRole::Version},
      {"tenant", ir::ColumnRole::Tenant}};
  for (const auto& [field, role] : roles)
    p.print("$field$=$a$,\n", {{"field", field}, {"a", attributeOrNone(m.withRole(role))}});
  // Each dialect's statements, by the renderer's name (Database.dialect picks one).
  p.print("statements={\n");
  p.indent();
  p.indent();
  for (Dialect dialect : sql::all_dialects())
    printStatements(p, m, sql::renderer(dialect), autoKey != nullptr);
  p.outdent();
  p.outdent();
  p.print("},\n");
  p.outdent();
  p.outdent();
  p.print(")\n");
}

void printModels(Printer& p, const ir::Schema& schema, const ClassNames& names) {
  p.print("\n\nclass Models(_ormc.Database):\n");
  p.indent();
  p.indent();
  p.print("\"\"\"Every table of the schema, on one connection (sqlite3 or psycopg 3).\"\"\"\n\n"
          "def __init__(self, connection: Any, *, row_tenant: Any = None):\n");
  p.indent();
  p.indent();
  p.print("super().__init__(connection, row_tenant=row_tenant)\n");
  // Attributes of ormc_data.Database the tables must not hide.
  static const std::set<std::string> taken = {"connection", "pg", "row_tenant", "transaction"};
  for (const ir::Model& m : schema.models)
    p.print("self.$accessor$: _ormc.Table[$cls$] = _ormc.Table(self, $constant$)\n",
            {{"accessor", pythonIdentifier(m.accessor) + (taken.count(m.accessor) ? "_" : "")},
             {"cls", names(m.qualifiedName)},
             {"constant", modelConstant(m, names)}});
  p.outdent();
  p.outdent();
  p.outdent();
  p.outdent();
  p.print("\n\ndef connect(url: str, *, row_tenant: Any = None) -> Models:\n");
  p.indent();
  p.indent();
  p.print("\"\"\"The Models on a new connection: sqlite:<file> or postgresql://...\"\"\"\n"
          "return Models(_ormc.connect(url), row_tenant=row_tenant)\n");
  p.outdent();
  p.outdent();
}

std::string modelsModule(const ir::Schema& schema, const std::string& schemaName) {
  ClassNames names;
  for (const ir::Model& m : schema.models) {
    names.add(m.qualifiedName);
    for (const ir::Column& c : m.columns)
      if (!c.type.enumerators.empty()) names.add(c.type.enumType);
  }
  Printer p;
  p.print("# $file$: generated by ormc $version$ from IR $major$.$minor$. Do not edit: run ormc "
          "again.\n",
          {{"file", pythonModelsFileName(schemaName)},
           {"version", kOrmcVersion},
           {"major", std::to_string(ir::kIrVersion)},
           {"minor", std::to_string(ir::kIrMinor)}});
  p.print("\"\"\"The models as dataclasses, and their tables on one connection (docs/python.md).\n"
          "\n"
          "    models = connect('sqlite:app.db')\n"
          "    row = models.<accessor>.get(key)\n"
          "\"\"\"\n\n"
          "from __future__ import annotations\n\n"
          "import dataclasses\n"
          "import datetime\n"
          "import decimal\n"
          "import enum\n"
          "import uuid\n"
          "from typing import Any, List, Optional\n\n"
          "try:\n"
          "    from . import ormc_data as _ormc\n"
          "except ImportError:  # not in a package: ormc_data.py beside this file, on sys.path\n"
          "    import ormc_data as _ormc\n\n"
          "IR_VERSION = ($major$, $minor$)\n"
          "if _ormc.IR_MAJOR != IR_VERSION[0]:\n"
          "    raise ImportError(f'ormc_data.py reads IR {_ormc.IR_MAJOR}, these models are IR "
          "{IR_VERSION[0]}: write both with the same ormc')\n",
          {{"major", std::to_string(ir::kIrVersion)}, {"minor", std::to_string(ir::kIrMinor)}});
  printEnums(p, schema, names);
  for (const ir::Model& m : schema.models)
    printDataclass(p, m, names);
  p.print("\n");
  for (const ir::Model& m : schema.models)
    printMapping(p, m, names);
  printModels(p, schema, names);
  return p.take();
}

} // namespace

std::string pythonModelsFileName(const std::string& schemaName) {
  return schemaName + "_models.py";
}

std::string pythonIdentifier(const std::string& name) {
  // Python's keywords (soft keywords such as `match` are names where ormc puts them).
  static const std::set<std::string> keywords = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  return keywords.count(name) ? name + "_" : name;
}

std::map<std::string, std::string> emitPython(const ir::Schema& schema,
                                              const std::string& schemaName) {
  return {{"ormc_data.py", kDataModule},
          {pythonModelsFileName(schemaName), modelsModule(schema, schemaName)}};
}

} // namespace ormc::emit
