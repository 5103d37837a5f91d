#include "importer/HeaderWriter.h"

#include "frontend/Naming.h"
#include "importer/TypeChoice.h"
#include "validate/TextChecks.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace ormc::importer {
namespace {

using frontend::NamingRule;

/// `name` made a C++ identifier that is no keyword: other characters become '_'.
std::string identifier(const std::string& name, const char* prefix) {
  std::string out;
  for (char ch : name)
    out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = prefix + out;
  while (!validate::isCppIdentifier(out))
    out += '_';
  return out;
}

/// `base`, or `base_2`, `base_3`... : the first that `taken` does not hold, now taken.
std::string unique(std::string base, std::set<std::string>& taken) {
  std::string name = base;
  for (int n = 2; !taken.insert(name).second; ++n)
    name = base + "_" + std::to_string(n);
  return name;
}

/// The name a rule derives for a struct (its table) or a member (its column); `rule` absent:
/// ormc's default (snake_case tables, columns named as the members).
std::string derived(const std::optional<NamingRule>& rule, const std::string& cpp, bool table) {
  if (rule) return frontend::applyNamingRule(*rule, cpp);
  return table ? frontend::snakeCase(cpp) : cpp;
}

const char* ruleName(NamingRule rule) {
  switch (rule) {
  case NamingRule::SnakeCase:
    return "snake_case";
  case NamingRule::PascalCase:
    return "PascalCase";
  case NamingRule::CamelCase:
    return "camelCase";
  }
  return "snake_case";
}

std::string lower(std::string text) {
  for (char& ch : text)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

/// "SET NULL" → "set_null"; "" for NO ACTION, ormc's default.
std::string action(const std::string& sql) {
  std::string out = lower(sql);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out == "no_action" ? "" : out;
}

/// A default as the catalog holds it, as ormc:column(default=...), or "" when it is no literal
/// the member can take (now(), CURRENT_TIMESTAMP, nextval(...)).
std::string defaultLiteral(std::string expression, MemberType::Literal literal) {
  static const std::regex cast(R"(^(.*)::[a-z ]+(\(\d+(,\d+)?\))?$)");
  static const std::regex number(R"(^-?\d+(\.\d+)?$)");
  std::smatch m;
  while (std::regex_match(expression, m, cast))
    expression = m[1];
  while (expression.size() > 2 && expression.front() == '(' && expression.back() == ')')
    expression = expression.substr(1, expression.size() - 2);
  bool string = expression.size() >= 2 && expression.front() == '\'' && expression.back() == '\'';
  std::string value = expression;
  if (string) {
    value.clear();
    for (std::size_t i = 1; i + 1 < expression.size(); ++i) {
      if (expression[i] == '\'') ++i; // '' in SQL is one quote
      value += expression[i];
    }
  }
  std::string word = lower(value);
  switch (literal) {
  case MemberType::Literal::Integer:
    return std::regex_match(value, number) && value.find('.') == std::string::npos ? value : "";
  case MemberType::Literal::Number:
    return std::regex_match(value, number) ? value : "";
  case MemberType::Literal::Bool:
    if (word == "1" || word == "true" || word == "t") return "true";
    if (word == "0" || word == "false" || word == "f") return "false";
    return "";
  case MemberType::Literal::Text:
    return string || std::regex_match(value, number) ? "\"" + quoted(value) + "\"" : "";
  case MemberType::Literal::None:
    return "";
  }
  return "";
}

/// `text` as `//` comment lines indented by `indent`, wrapped at 100 columns.
std::string comment(const std::string& indent, const std::string& text) {
  std::string out, line = indent + "//";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    if (line.size() + 1 + word.size() > 100 && line.size() > indent.size() + 2) {
      out += line + "\n";
      line = indent + "//";
    }
    line += " " + word;
    start = end + 1;
  }
  return out + line + "\n";
}

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string sqlNames(const std::vector<std::string>& names) {
  std::vector<std::string> quotedNames;
  for (const std::string& n : names)
    quotedNames.push_back("\"" + n + "\"");
  return list(quotedNames);
}

/// What the writer decided for one table before printing it.
struct TablePlan {
  const ImportedTable* table = nullptr;
  std::string structName;
  std::map<std::string, std::string> members; // column → member
  std::vector<const ImportedColumn*> key;     // in key order
};

class Writer {
public:
  Writer(const ImportedSchema& schema, const HeaderOptions& options)
      : schema_(schema), options_(options), d_(sql::renderer(schema.dialect)) {}

  ImportedHeader write() {
    plan();
    chooseNaming();
    std::string body;
    for (const std::string& skipped : skippedComments_)
      body += skipped;
    for (const TablePlan& p : plans_)
      body += table(p);
    ImportedHeader out;
    out.text = preamble() + "namespace " + schemaAnnotation() + options_.cppNamespace + " {\n" +
               body + "\n} // namespace " + options_.cppNamespace + "\n";
    out.warnings = warnings_;
    return out;
  }

private:
  void plan() {
    std::set<std::string> structNames;
    for (const ImportedTable& t : schema_.tables) {
      if (t.name == "ormc_migrations") continue; // ormc's own record of applied migrations
      TablePlan p;
      p.table = &t;
      for (const ImportedColumn& c : t.columns)
        if (c.keyPosition) p.key.push_back(&c);
      std::sort(p.key.begin(), p.key.end(), [](const ImportedColumn* a, const ImportedColumn* b) {
        return a->keyPosition < b->keyPosition;
      });
      if (p.key.empty()) {
        std::string why = "table \"" + t.name +
                          "\" has no primary key: not imported (ormc reads, updates and removes "
                          "rows by their key; give the table one)";
        warnings_.push_back(why);
        skippedComments_.push_back("\n" + comment("", why));
        continue;
      }
      p.structName = unique(
          identifier(frontend::applyNamingRule(NamingRule::PascalCase, t.name), "T"), structNames);
      std::set<std::string> memberNames;
      for (const ImportedColumn& c : t.columns)
        p.members[c.name] = unique(identifier(frontend::snakeCase(c.name), "c_"), memberNames);
      plans_.push_back(std::move(p));
    }
    for (const TablePlan& p : plans_)
      byTable_[p.table->name] = &p;
  }

  /// The rule that derives the most table and column names, so that fewest need name=.
  void chooseNaming() {
    std::size_t best = 0;
    for (std::optional<NamingRule> rule :
         {std::optional<NamingRule>(), std::optional(NamingRule::PascalCase),
          std::optional(NamingRule::CamelCase)}) {
      std::size_t matches = 0;
      for (const TablePlan& p : plans_) {
        matches += derived(rule, p.structName, true) == p.table->name;
        for (const auto& [column, member] : p.members)
          matches += derived(rule, member, false) == column;
      }
      if (matches > best || (!rule && matches == best)) {
        best = matches;
        naming_ = rule;
      }
    }
  }

  std::string preamble() const {
    bool decimal = false, json = false;
    for (const TablePlan& p : plans_)
      for (const ImportedColumn& c : p.table->columns) {
        MemberType t = chooseType(d_, c.type);
        decimal = decimal || t.decimal;
        json = json || t.json;
      }
    std::string from = "a " + std::string(d_.name()) + " database";
    if (d_.has_schemas())
      from = (schema_.schema.empty() ? std::string("the current schema")
                                     : "schema \"" + schema_.schema + "\"") +
             " of " + from;
    std::string out = "// Written by `ormc import` from the catalog of " + from +
                      ". Review it: the key\n// policies, relations and C++ types are ormc's "
                      "reading of the catalog, and the\n// comments say what it left out. "
                      "`ormc <this header> --check-db <url>` compares it with\n// the database.\n"
                      "#pragma once\n\n#include <chrono>\n#include <cstddef>\n#include <cstdint>\n"
                      "#include <optional>\n#include <ormc/annotations.hpp>\n";
    if (decimal) out += "#include <ormc/decimal.hpp>\n";
    if (json) out += "#include <ormc/json.hpp>\n";
    out += "#include <string>\n#include <vector>\n\n";
    bool rowid = false;
    for (const TablePlan& p : plans_)
      for (const ImportedColumn& c : p.table->columns)
        rowid = rowid || c.assignedBy == "rowid";
    if (rowid)
      out +=
          comment("", "An integer key alone is SQLite's rowid, here ormc:id(): SQLite assigns it "
                      "to a row inserted without one. Write ormc:id(assigned) where the "
                      "application chooses the keys.") +
          "\n";
    return out;
  }

  std::string schemaAnnotation() const {
    return naming_ ? "ORMC_SCHEMA(naming = " + std::string(ruleName(*naming_)) + ") " : "";
  }

  std::string table(const TablePlan& p) {
    const ImportedTable& t = *p.table;
    std::vector<std::string> tableKeys;
    if (derived(naming_, p.structName, true) != t.name)
      tableKeys.push_back("name = \"" + quoted(t.name) + "\"");
    if (!schema_.schema.empty() && schema_.schema != "public")
      tableKeys.push_back("schema = \"" + quoted(schema_.schema) + "\"");
    std::string annotations = "ORMC_TABLE(" + list(tableKeys) + ")";
    std::vector<std::string> notes;
    for (const ImportedIndex& i : t.indexes) {
      if (i.primaryKey) continue;
      if (i.columns.empty() || i.partial) {
        notes.push_back("index \"" + i.name + "\" is " +
                        (i.partial ? "partial" : "over an expression") +
                        ": not imported (ormc:index takes whole columns)");
        continue;
      }
      std::vector<std::string> args;
      for (const std::string& column : i.columns)
        args.push_back(p.members.at(column));
      if (i.name.rfind("sqlite_autoindex_", 0) != 0)
        args.push_back("name = \"" + quoted(i.name) + "\"");
      annotations +=
          std::string(" ") + (i.unique ? "ORMC_UNIQUE(" : "ORMC_INDEX(") + list(args) + ")";
    }
    for (const ImportedForeignKey& fk : t.foreignKeys)
      if (fk.columns.size() > 1)
        if (std::optional<std::string> a = references(p, fk, notes)) annotations += " " + *a;
    std::string out = "\n";
    for (const std::string& note : notes) {
      warnings_.push_back("table \"" + t.name + "\": " + note);
      out += comment("", note);
    }
    out += "struct " + annotations + " " + p.structName + " {\n";
    // A composite key is its members in declaration order: declared in the key's order.
    std::vector<const ImportedColumn*> order;
    bool keyInOrder = true;
    for (std::size_t i = 0, k = 0; i < t.columns.size(); ++i)
      if (t.columns[i].keyPosition) keyInOrder = keyInOrder && p.key[k++] == &t.columns[i];
    if (!keyInOrder) order = p.key;
    for (const ImportedColumn& c : t.columns)
      if (keyInOrder || !c.keyPosition) order.push_back(&c);
    if (!keyInOrder)
      out +=
          "  // The key's columns first, in the key's order (" + sqlNames(keyColumns(p)) + ").\n";
    for (const ImportedColumn* c : order)
      out += member(p, *c);
    out += "};\n";
    return out;
  }

  static std::vector<std::string> keyColumns(const TablePlan& p) {
    std::vector<std::string> out;
    for (const ImportedColumn* c : p.key)
      out.push_back(c->name);
    return out;
  }

  /// The single-column foreign key from `column` that ormc:belongs_to can say, if any.
  const ImportedForeignKey* belongsTo(const TablePlan& p, const ImportedColumn& column,
                                      std::vector<std::string>& notes) const {
    const ImportedForeignKey* found = nullptr;
    for (const ImportedForeignKey& fk : p.table->foreignKeys) {
      if (std::find(fk.columns.begin(), fk.columns.end(), column.name) == fk.columns.end())
        continue;
      std::string what = "references \"" + fk.targetTable + "\" (" +
                         (fk.targetColumns.empty() ? "its key" : sqlNames(fk.targetColumns)) +
                         "): ";
      auto target = byTable_.find(fk.targetTable);
      if (fk.columns.size() > 1) continue; // ormc:references on the struct

      if (target == byTable_.end()) {
        notes.push_back(what + "a table not imported");
        continue;
      }
      const TablePlan& t = *target->second;
      if (t.key.size() != 1 ||
          (!fk.targetColumns.empty() && fk.targetColumns.front() != t.key.front()->name)) {
        notes.push_back(what + "not the single key column of that table, which ormc:belongs_to "
                               "references");
        continue;
      }
      if (chooseType(d_, t.key.front()->type).cpp != chooseType(d_, column.type).cpp) {
        notes.push_back(what + "of another type than the key it references");
        continue;
      }
      if (found) {
        notes.push_back(what + "a second foreign key on the column");
        continue;
      }
      found = &fk;
    }
    return found;
  }

  /// ORMC_REFERENCES(Target, members...) for a foreign key over several columns, its members
  /// in the order of the target's key; a note saying why not where ormc cannot say it.
  std::optional<std::string> references(const TablePlan& p, const ImportedForeignKey& fk,
                                        std::vector<std::string>& notes) const {
    std::string what =
        "the foreign key over " + sqlNames(fk.columns) + " to \"" + fk.targetTable + "\": ";
    auto target = byTable_.find(fk.targetTable);
    if (target == byTable_.end()) {
      notes.push_back(what + "a table not imported");
      return std::nullopt;
    }
    const TablePlan& t = *target->second;
    std::vector<std::string> targetColumns = fk.targetColumns;
    if (targetColumns.empty()) targetColumns = keyColumns(t);
    std::vector<std::string> members;
    for (const ImportedColumn* key : t.key) {
      auto at = std::find(targetColumns.begin(), targetColumns.end(), key->name);
      if (targetColumns.size() != t.key.size() || at == targetColumns.end()) {
        notes.push_back(what + "not the key of that table, which ormc:references references");
        return std::nullopt;
      }
      const std::string& column = fk.columns[static_cast<std::size_t>(at - targetColumns.begin())];
      const ImportedColumn* local = nullptr;
      for (const ImportedColumn& c : p.table->columns)
        if (c.name == column) local = &c;
      if (!local || chooseType(d_, key->type).cpp != chooseType(d_, local->type).cpp) {
        notes.push_back(what + "of other types than the key it references");
        return std::nullopt;
      }
      members.push_back(p.members.at(column));
    }
    std::vector<std::string> args = {t.structName};
    args.insert(args.end(), members.begin(), members.end());
    if (std::string a = action(fk.onDelete); !a.empty()) args.push_back("on_delete = " + a);
    if (std::string a = action(fk.onUpdate); !a.empty()) args.push_back("on_update = " + a);
    std::size_t toTarget = 0;
    for (const ImportedForeignKey& other : p.table->foreignKeys)
      toTarget += other.targetTable == fk.targetTable;
    if (toTarget > 1) {
      std::string by = "_by";
      for (const std::string& m : members)
        by += "_" + m;
      args.push_back("name = " + frontend::snakeCase(t.structName) + by);
      args.push_back("inverse = " + frontend::pluralize(frontend::snakeCase(p.structName)) + by);
    }
    bool indexed = false;
    for (const ImportedIndex& i : p.table->indexes)
      if (!i.partial && i.columns.size() >= fk.columns.size() &&
          std::is_permutation(fk.columns.begin(), fk.columns.end(), i.columns.begin()))
        indexed = true;
    if (!indexed) args.push_back("index = false");
    return "ORMC_REFERENCES(" + list(args) + ")";
  }

  /// Whether an index of the table, or its key, starts with `column`: ormc adds one for a
  /// belongs_to column otherwise, which this schema does not have.
  static bool leadsAnIndex(const TablePlan& p, const ImportedColumn& column) {
    if (p.key.front() == &column) return true;
    for (const ImportedIndex& i : p.table->indexes)
      if (!i.columns.empty() && !i.partial && i.columns.front() == column.name) return true;
    return false;
  }

  std::string member(const TablePlan& p, const ImportedColumn& c) {
    MemberType type = chooseType(d_, c.type);
    const std::string& name = p.members.at(c.name);
    std::vector<std::string> notes; // what was not imported: comments and warnings
    if (!type.note.empty()) notes.push_back(type.note);
    std::string annotations;
    bool integer = type.literal == MemberType::Literal::Integer;
    if (c.keyPosition) {
      std::string policy;
      static const std::regex nextval(R"(^nextval\('(.+)'::regclass\)$)");
      std::smatch m;
      if (integer && p.key.size() == 1 && std::regex_match(c.defaultExpression, m, nextval)) {
        // The sequence is in the table's schema: its last name, unquoted ("a"."b" → b).
        std::string sequence, text = m[1];
        bool inQuotes = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '"' && inQuotes && i + 1 < text.size() && text[i + 1] == '"')
            sequence += text[++i];
          else if (text[i] == '"')
            inQuotes = !inQuotes;
          else if (text[i] == '.' && !inQuotes)
            sequence.clear();
          else
            sequence += text[i];
        }
        policy = "sequence = \"" + quoted(sequence) + "\"";
      } else if (integer && p.key.size() == 1 && c.assignedBy.empty()) {
        policy = "assigned";
      }
      annotations += "ORMC_ID(" + policy + ") ";
    }
    if (const ImportedForeignKey* fk = belongsTo(p, c, notes)) {
      const TablePlan& target = *byTable_.at(fk->targetTable);
      std::vector<std::string> args = {target.structName};
      if (std::string a = action(fk->onDelete); !a.empty()) args.push_back("on_delete = " + a);
      if (std::string a = action(fk->onUpdate); !a.empty()) args.push_back("on_update = " + a);
      // Two references to one table would both name their way back after this table.
      std::size_t toTarget = 0;
      for (const ImportedForeignKey& other : p.table->foreignKeys)
        toTarget += other.columns.size() == 1 && other.targetTable == fk->targetTable;
      if (toTarget > 1)
        args.push_back("inverse = " + frontend::pluralize(frontend::snakeCase(p.structName)) +
                       "_by_" + name);
      if (!leadsAnIndex(p, c)) args.push_back("index = false");
      annotations += "ORMC_BELONGS_TO(" + list(args) + ") ";
    }
    std::vector<std::string> options;
    if (derived(naming_, name, false) != c.name)
      options.push_back("name = \"" + quoted(c.name) + "\"");
    options.insert(options.end(), type.options.begin(), type.options.end());
    if (!c.defaultExpression.empty() && !c.keyPosition) {
      if (std::string literal = defaultLiteral(c.defaultExpression, type.literal); !literal.empty())
        options.push_back("default = " + literal);
      else
        notes.push_back("DEFAULT " + c.defaultExpression +
                        " in the database: not imported (ormc's inserts write every column)");
    }
    if (!options.empty()) annotations += "ORMC_COLUMN(" + list(options) + ") ";
    bool optional = !c.notNull && !c.keyPosition;
    std::string out;
    for (const std::string& note : notes) {
      warnings_.push_back("table \"" + p.table->name + "\", column \"" + c.name + "\": " + note);
      out += comment("  ", note);
    }
    out += "  " + annotations + (optional ? "std::optional<" + type.cpp + ">" : type.cpp) + " " +
           name + (optional ? "" : type.initializer) + ";\n";
    return out;
  }

  const ImportedSchema& schema_;
  const HeaderOptions& options_;
  const sql::Renderer& d_;
  std::vector<TablePlan> plans_;
  std::map<std::string, const TablePlan*> byTable_;
  std::optional<NamingRule> naming_;
  std::vector<std::string> warnings_;
  std::vector<std::string> skippedComments_;
};

} // namespace

ImportedHeader writeHeader(const ImportedSchema& schema, const HeaderOptions& options) {
  return Writer(schema, options).write();
}

} // namespace ormc::importer
