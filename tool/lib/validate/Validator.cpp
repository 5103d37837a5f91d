#include "validate/Validator.h"

#include <llvm/Support/Path.h>
#include <map>

namespace ormc::validate {
namespace {

Finding error(std::string id, const ir::SourceLoc& loc, std::string message) {
  Finding f;
  f.id = std::move(id);
  f.loc = loc;
  f.message = std::move(message);
  return f;
}

Finding note(const ir::SourceLoc& loc, std::string message) {
  Finding f = error("", loc, std::move(message));
  f.severity = Severity::Note;
  return f;
}

bool isSourceFile(const std::string& path) {
  llvm::StringRef ext = llvm::sys::path::extension(path);
  return ext == ".cpp" || ext == ".cc" || ext == ".cxx" || ext == ".c++" || ext == ".C" ||
         ext == ".c";
}

/// Whether a DEFAULT literal of this kind can be stored in the column.
bool defaultFits(const ir::DefaultValue& d, const ir::Column& c) {
  using K = ir::DefaultValue::Kind;
  ir::TypeKind t = c.type.kind;
  switch (d.kind) {
  case K::Null:
    return c.nullable;
  case K::Bool:
    return t == ir::TypeKind::Bool;
  case K::Integer:
    return ir::isInteger(t) || t == ir::TypeKind::Float || t == ir::TypeKind::Double;
  case K::Real:
    return t == ir::TypeKind::Float || t == ir::TypeKind::Double;
  case K::String:
    return t == ir::TypeKind::String;
  }
  return false;
}

void checkModel(const ir::Model& m, Findings& out) {
  if (isSourceFile(m.declaredIn))
    out.push_back(error("model-in-source-file", m.loc,
                        "table '" + m.name +
                            "' is declared in a source file; the generated code must include "
                            "it, so declare it in a header"));

  const ir::Column* key = nullptr;
  std::map<std::string, const ir::Column*> byName;
  for (const ir::Column& c : m.columns) {
    if (c.primaryKey) {
      if (key) {
        Finding f = error("multiple-primary-keys", c.loc,
                          "table '" + m.name + "' has more than one ormc:id member");
        f.notes.push_back(note(key->loc, "first primary key is here"));
        out.push_back(std::move(f));
      } else {
        key = &c;
      }
      if (c.nullable)
        out.push_back(error("nullable-primary-key", c.loc,
                            "primary key '" + c.member + "' cannot be std::optional"));
      bool keyType = (ir::isInteger(c.type.kind) && c.type.enumType.empty()) ||
                     c.type.kind == ir::TypeKind::String;
      if (!keyType)
        out.push_back(error("primary-key-type", c.loc,
                            "primary key '" + c.member + "' has type '" + c.type.spelling +
                                "'; a primary key must be an integer or std::string"));
    }
    auto [it, inserted] = byName.emplace(c.name, &c);
    if (!inserted) {
      Finding f = error("duplicate-column", c.loc,
                        "column name '" + c.name + "' is already used in table '" + m.table + "'");
      f.notes.push_back(note(it->second->loc, "previous column '" + c.name + "' is here"));
      out.push_back(std::move(f));
    }
    if (c.maxLength && c.type.kind != ir::TypeKind::String)
      out.push_back(error("max-length-type", c.loc,
                          "max_length applies to std::string columns, not to '" + c.member +
                              "' of type '" + c.type.spelling + "'"));
    if (c.defaultValue && !defaultFits(*c.defaultValue, c))
      out.push_back(error("default-type", c.loc,
                          "default value '" + c.defaultValue->text + "' does not fit column '" +
                              c.member + "' of type '" + c.type.spelling + "'"));
  }
  if (!key)
    out.push_back(error("no-primary-key", m.loc,
                        "table '" + m.name + "' has no primary key; mark one member with ormc:id"));
}

} // namespace

Findings validateSchema(const ir::Schema& schema) {
  Findings out;
  std::map<std::string, const ir::Model*> tables, accessors;
  for (const ir::Model& m : schema.models) {
    checkModel(m, out);
    if (auto [it, inserted] = tables.emplace(m.table, &m); !inserted) {
      Finding f = error("duplicate-table", m.loc,
                        "table name '" + m.table + "' of '" + m.qualifiedName +
                            "' is already used by '" + it->second->qualifiedName + "'");
      f.notes.push_back(note(it->second->loc, "'" + it->second->qualifiedName + "' is here"));
      out.push_back(std::move(f));
    } else if (auto [acc, fresh] = accessors.emplace(m.accessor, &m); !fresh) {
      Finding f = error("duplicate-accessor", m.loc,
                        "'" + m.qualifiedName + "' and '" + acc->second->qualifiedName +
                            "' would both be 'Models::" + m.accessor + "'; rename one struct");
      f.notes.push_back(note(acc->second->loc, "'" + acc->second->qualifiedName + "' is here"));
      out.push_back(std::move(f));
    }
  }
  return out;
}

} // namespace ormc::validate
