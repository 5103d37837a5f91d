// What every dialect's SQL shares. A dialect's file overrides the Renderer hooks where it
// differs; nothing here asks which dialect it renders.
#include <ormc/sql/renderer.hpp>

namespace ormc::sql {
namespace {
std::string column_list(const std::vector<std::string>& columns, bool quote) {
  std::string out;
  for (const std::string& c : columns)
    out += (out.empty() ? "" : ", ") + (quote ? identifier(c) : c);
  return out;
}

/// A comment kept on one line, so it cannot end the SQL comment it sits in early.
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

const char* action_sql(ReferentialAction action) {
  switch (action) {
  case ReferentialAction::no_action:
    return "NO ACTION";
  case ReferentialAction::restrict:
    return "RESTRICT";
  case ReferentialAction::cascade:
    return "CASCADE";
  case ReferentialAction::set_null:
    return "SET NULL";
  case ReferentialAction::set_default:
    return "SET DEFAULT";
  }
  return "NO ACTION";
}
} // namespace

std::string Renderer::table_name(const TableName& table) const {
  if (table.schema.empty() || !has_schemas()) return identifier(table.name);
  return identifier(table.schema) + "." + identifier(table.name);
}

namespace {
constexpr std::string_view kTenantMarker = " /* ormc:tenant parameter ";
} // namespace

std::string Renderer::render(const Fragment& f, unsigned first) const {
  const std::string& text = f.text();
  const auto& params = f.params();
  const auto& tenant = f.tenant_params();
  const unsigned tenant_number = first + static_cast<unsigned>(params.size());
  std::string out;
  out.reserve(text.size() + 3 * (params.size() + tenant.size()) + kTenantMarker.size() + 8);
  std::size_t copied = 0;
  unsigned n = first;
  // Both lists are in text order; a tenant mark and a parameter never share a place.
  for (std::size_t p = 0, t = 0; p < params.size() || t < tenant.size();) {
    const bool is_tenant = p == params.size() || (t < tenant.size() && tenant[t] < params[p]);
    const std::size_t at = is_tenant ? tenant[t++] : params[p++];
    out.append(text, copied, at - copied);
    out += placeholder(is_tenant ? tenant_number : n++);
    copied = at;
  }
  out.append(text, copied, std::string::npos);
  if (!tenant.empty())
    out.append(kTenantMarker).append(std::to_string(tenant_number)).append(" */");
  return out;
}

unsigned tenant_parameter(std::string_view statement) {
  const std::size_t at = statement.rfind(kTenantMarker);
  if (at == std::string_view::npos) return 0;
  unsigned n = 0;
  for (std::size_t i = at + kTenantMarker.size(); i < statement.size(); ++i) {
    const char c = statement[i];
    if (c < '0' || c > '9') break;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  return n;
}

void Renderer::from(Fragment& f, const Select& s) const {
  f.sql(s.table);
  if (!s.alias.empty()) f.sql(" AS ").sql(s.alias);
  for (const Join& join : s.joins) {
    f.sql(join.left ? " LEFT JOIN " : " JOIN ").sql(join.table);
    if (!join.alias.empty()) f.sql(" AS ").sql(join.alias);
    f.sql(" ON ").append(join.on);
  }
}

void Renderer::where(Fragment& f, const std::vector<Fragment>& conditions) const {
  for (std::size_t i = 0; i < conditions.size(); ++i)
    f.sql(i ? " AND " : " WHERE ").append(conditions[i]);
}

void Renderer::order_by(Fragment& f, const std::vector<OrderTerm>& order) const {
  for (std::size_t i = 0; i < order.size(); ++i) {
    const OrderTerm& term = order[i];
    f.sql(i ? ", " : " ORDER BY ").append(term.expression);
    if (term.descending) f.sql(" DESC");
    // NULLs last in either direction, the same on every backend (their defaults differ).
    if (term.nullable) f.sql(" NULLS LAST");
  }
}

void Renderer::limit_offset(Fragment& f, bool limit, bool offset) const {
  if (limit) f.sql(" LIMIT ").param();
  if (offset) f.sql(" OFFSET ").param();
}

void Renderer::on_conflict(Fragment& f, const Upsert& s) const {
  f.sql(" ON CONFLICT");
  if (!s.conflict.empty()) f.sql(" (").sql(column_list(s.conflict, false)).sql(")");
  if (s.update.empty() && s.increment.empty()) {
    f.sql(" DO NOTHING");
    return;
  }
  f.sql(" DO UPDATE SET ");
  const char* separator = "";
  for (const std::string& column : s.update) {
    f.sql(separator).sql(column).sql(" = excluded.").sql(column);
    separator = ", ";
  }
  // Qualified: PostgreSQL finds a bare name ambiguous beside `excluded`.
  for (const std::string& column : s.increment) {
    f.sql(separator).sql(column).sql(" = ").sql(s.insert.table).sql(".").sql(column).sql(" + 1");
    separator = ", ";
  }
  if (!s.guard.empty())
    f.sql(" WHERE ").sql(s.insert.table).sql(".").sql(s.guard).sql(" = excluded.").sql(s.guard);
}

namespace {
void insert_body(Fragment& f, const Insert& s) {
  f.sql("INSERT INTO ").sql(s.table);
  if (s.columns.empty()) {
    f.sql(" DEFAULT VALUES");
    return;
  }
  f.sql(" (").sql(column_list(s.columns, false)).sql(") VALUES ");
  for (std::size_t r = 0; r < s.rows; ++r) {
    f.sql(r ? ", (" : "(");
    for (std::size_t c = 0; c < s.columns.size(); ++c)
      (c ? f.sql(", ") : f).param();
    f.sql(")");
  }
}
} // namespace

std::string Renderer::render(const Insert& s) const {
  Fragment f;
  insert_body(f, s);
  if (!s.returning.empty()) f.sql(" RETURNING ").sql(s.returning);
  return render(f);
}

std::string Renderer::render(const Upsert& s) const {
  Fragment f;
  insert_body(f, s.insert);
  on_conflict(f, s);
  if (!s.insert.returning.empty()) f.sql(" RETURNING ").sql(s.insert.returning);
  return render(f);
}

std::string Renderer::render(const Select& s) const {
  return render(select_fragment(s));
}

Fragment Renderer::select_fragment(const Select& s) const {
  Fragment f;
  f.sql("SELECT ").append(s.columns).sql(" FROM ");
  from(f, s);
  where(f, s.where);
  for (std::size_t i = 0; i < s.group_by.size(); ++i)
    f.sql(i ? ", " : " GROUP BY ").sql(s.group_by[i]);
  for (std::size_t i = 0; i < s.having.size(); ++i)
    f.sql(i ? " AND " : " HAVING ").append(s.having[i]);
  order_by(f, s.order);
  limit_offset(f, s.limit, s.offset);
  return f;
}

// What follows FROM for a whole-result function: the table and its conditions, or when the rows
// are limited a subquery selecting `column` of just those rows.
void Renderer::rows_of(Fragment& f, const Select& from, std::string_view column) const {
  if (!from.limit && !from.offset) {
    this->from(f, from);
    where(f, from.where);
    return;
  }
  f.sql("(SELECT ").sql(column).sql(" FROM ");
  this->from(f, from);
  where(f, from.where);
  order_by(f, from.order);
  limit_offset(f, from.limit, from.offset);
  f.sql(") AS \"ormc_limited\"");
}

std::string Renderer::render(const Aggregate& s) const {
  Fragment f;
  f.sql("SELECT ").sql(s.function).sql("(").sql(s.argument).sql(") FROM ");
  rows_of(f, s.source, s.argument == "*" ? "1" : s.argument);
  return render(f);
}

std::string Renderer::render(const Exists& s) const {
  Fragment f;
  f.sql("SELECT EXISTS (SELECT 1 FROM ");
  rows_of(f, s.source, "1");
  f.sql(")");
  return render(f);
}

std::string Renderer::render(const Update& s) const {
  Fragment f;
  f.sql("UPDATE ").sql(s.table).sql(" SET ");
  for (std::size_t i = 0; i < s.set.size(); ++i)
    f.sql(i ? ", " : "").sql(s.set[i].column).sql(" = ").append(s.set[i].value);
  where(f, s.where);
  return render(f);
}

std::string Renderer::render(const Delete& s) const {
  Fragment f;
  f.sql("DELETE FROM ").sql(s.table);
  where(f, s.where);
  return render(f);
}

std::string Renderer::render(const Savepoint& s) const {
  switch (s.action) {
  case Savepoint::Action::create:
    return "SAVEPOINT " + identifier(s.name);
  case Savepoint::Action::release:
    return "RELEASE SAVEPOINT " + identifier(s.name);
  case Savepoint::Action::rollback_to:
    return "ROLLBACK TO SAVEPOINT " + identifier(s.name);
  }
  return "";
}

std::string Renderer::render(const CopyIn&) const {
  return "";
}

std::string Renderer::literal(const Literal& value) const {
  switch (value.kind) {
  case Literal::Kind::text:
    return string_literal(value.value);
  case Literal::Kind::null:
    return "NULL";
  case Literal::Kind::boolean:
    return value.value == "true" ? "TRUE" : "FALSE";
  case Literal::Kind::number:
    return value.value;
  }
  return value.value;
}

std::string Renderer::check(const ColumnCheck& c, ColumnType, const std::string& column) const {
  switch (c.kind) {
  case ColumnCheck::Kind::at_least:
    return column + " >= " + c.value;
  case ColumnCheck::Kind::at_most:
    return column + " <= " + c.value;
  case ColumnCheck::Kind::not_empty:
    return "length(" + column + ") > 0";
  case ColumnCheck::Kind::expression:
    return c.value;
  case ColumnCheck::Kind::one_of: {
    std::string out = column + " IN (";
    for (std::size_t i = 0; i < c.values.size(); ++i)
      out += (i ? ", " : "") + string_literal(c.values[i]);
    return out + ")";
  }
  }
  return c.value;
}

namespace {
std::string foreign_key_clause(const Renderer& r, const ForeignKey& fk) {
  std::string out = "CONSTRAINT " + identifier(fk.name) + " FOREIGN KEY (" +
                    column_list(fk.columns, true) + ") REFERENCES " + r.table_name(fk.target) +
                    " (" + column_list(fk.target_columns, true) + ")";
  if (fk.on_delete != ReferentialAction::no_action)
    out += std::string(" ON DELETE ") + action_sql(fk.on_delete);
  if (fk.on_update != ReferentialAction::no_action)
    out += std::string(" ON UPDATE ") + action_sql(fk.on_update);
  return out;
}
} // namespace

bool Renderer::creates(const Index& index) const {
  return has_index_methods() || (index.method != "hnsw" && index.method != "ivfflat");
}

std::string Renderer::index(const TableName& table, const Index& index, bool concurrently) const {
  if (!creates(index)) return "";
  // CONCURRENTLY goes without IF NOT EXISTS: a build that failed leaves an invalid index of the
  // name, which the online step drops first (render_on_existing).
  std::string out = (concurrently ? "CREATE INDEX CONCURRENTLY " : "CREATE INDEX IF NOT EXISTS ") +
                    identifier(index.name) + " ON " + table_name(table);
  bool methods = has_index_methods();
  if (methods && !index.method.empty()) out += " USING " + index.method;
  out += " (";
  for (std::size_t i = 0; i < index.columns.size(); ++i)
    out += (i ? ", " : "") + identifier(index.columns[i]) +
           (methods && !index.opclass.empty() ? " " + index.opclass : "");
  return out + ")";
}

std::string Renderer::column_item(const ColumnDefinition& c) const {
  std::string column = identifier(c.name);
  std::string item = column + " " + column_definition(c);
  if (!c.unique_constraint.empty())
    item += " CONSTRAINT " + identifier(c.unique_constraint) + " UNIQUE";
  if (!c.checks.empty())
    item += " CONSTRAINT " + identifier(c.check_constraint) + " CHECK (" + column_checks(c) + ")";
  return item;
}

std::string Renderer::column_checks(const ColumnDefinition& c) const {
  std::string out;
  for (std::size_t i = 0; i < c.checks.size(); ++i) {
    std::string expression = check(c.checks[i], c.type, identifier(c.name));
    out += (i ? " AND " : "") + (c.checks.size() > 1 ? "(" + expression + ")" : expression);
  }
  return out;
}

std::vector<std::string> Renderer::render(const AddColumn& s) const {
  std::vector<std::string> out{"ALTER TABLE " + table_name(s.table) + " ADD COLUMN " +
                               column_item(s.column)};
  // Elsewhere a comment lives in CREATE TABLE's text, which ALTER TABLE cannot reach.
  if (comments_as_statements() && !s.column.comment.empty())
    out.push_back("COMMENT ON COLUMN " + table_name(s.table) + "." + identifier(s.column.name) +
                  " IS " + string_literal(s.column.comment));
  return out;
}

std::string Renderer::render(const DropColumn& s) const {
  return "ALTER TABLE " + table_name(s.table) + " DROP COLUMN " + identifier(s.column);
}

std::string Renderer::render(const RenameColumn& s) const {
  return "ALTER TABLE " + table_name(s.table) + " RENAME COLUMN " + identifier(s.from) + " TO " +
         identifier(s.to);
}

std::string Renderer::render(const CreateIndex& s) const {
  return index(s.table, s.index);
}

std::vector<std::string> Renderer::render(const CreateTable& s) const {
  std::string table = table_name(s.table);
  bool comment_statements = comments_as_statements();
  std::vector<std::string> statements;
  if (has_schemas() && !s.table.schema.empty())
    statements.push_back("CREATE SCHEMA IF NOT EXISTS " + identifier(s.table.schema));
  if (has_schemas()) // a key's named sequence exists before the DEFAULT that names it
    for (const ColumnDefinition& c : s.columns)
      if (c.identity && !c.sequence.name.empty())
        statements.push_back("CREATE SEQUENCE IF NOT EXISTS " + table_name(c.sequence));

  // Everything between the parentheses, each with the comment that goes after it.
  std::vector<std::pair<std::string, std::string>> items;
  for (const ColumnDefinition& c : s.columns)
    items.emplace_back(column_item(c), comment_statements ? "" : c.comment);
  if (s.primary_key)
    items.emplace_back("CONSTRAINT " + identifier(s.primary_key->name) + " PRIMARY KEY (" +
                           column_list(s.primary_key->columns, true) + ")",
                       "");
  for (const NamedColumns& unique : s.unique)
    items.emplace_back("CONSTRAINT " + identifier(unique.name) + " UNIQUE (" +
                           column_list(unique.columns, true) + ")",
                       "");
  for (const NamedCheck& check : s.checks)
    items.emplace_back("CONSTRAINT " + identifier(check.name) + " CHECK (" + check.expression + ")",
                       "");
  for (const ForeignKey& fk : s.foreign_keys)
    items.emplace_back(foreign_key_clause(*this, fk), "");

  std::string create;
  if (!s.comment.empty() && !comment_statements) create += "-- " + one_line(s.comment) + "\n";
  create += "CREATE TABLE IF NOT EXISTS " + table + " (\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    // An item spanning lines (a user's CHECK) is indented as a whole.
    for (char ch : "  " + items[i].first)
      create += ch == '\n' ? std::string("\n  ") : std::string(1, ch);
    if (i + 1 < items.size()) create += ",";
    if (!items[i].second.empty()) create += " -- " + one_line(items[i].second);
    create += "\n";
  }
  create += ")" + table_options(s);
  statements.push_back(std::move(create));

  for (const Index& i : s.indexes)
    if (std::string statement = index(s.table, i); !statement.empty())
      statements.push_back(std::move(statement));
  if (s.tenant_policy)
    for (std::string& statement : render(RowSecurity{s.table, s.tenant_policy}))
      statements.push_back(std::move(statement));
  if (comment_statements) {
    if (!s.comment.empty())
      statements.push_back("COMMENT ON TABLE " + table + " IS " + string_literal(s.comment));
    for (const ColumnDefinition& c : s.columns)
      if (!c.comment.empty())
        statements.push_back("COMMENT ON COLUMN " + table + "." + identifier(c.name) + " IS " +
                             string_literal(c.comment));
  }
  return statements;
}

std::string Renderer::render(const AddForeignKey& s) const {
  return "ALTER TABLE " + table_name(s.table) + " ADD " + foreign_key_clause(*this, s.key);
}

std::string Renderer::render(const DropForeignKey& s) const {
  return "ALTER TABLE IF EXISTS " + table_name(s.table) + " DROP CONSTRAINT IF EXISTS " +
         identifier(s.name);
}

std::string Renderer::render(const DropTable& s) const {
  return "DROP TABLE IF EXISTS " + table_name(s.table);
}

std::string Renderer::render(const RenameTable& s) const {
  return "ALTER TABLE " + table_name(s.table) + " RENAME TO " + identifier(s.to);
}

std::vector<std::string> Renderer::render(const RenameConstraint& s) const {
  if (!s.index) return {};
  std::string renamed = index(s.table, *s.index);
  if (renamed.empty()) return {};
  return {render(DropIndex{s.table, s.from}), std::move(renamed)};
}

std::string Renderer::render(const DropIndex& s) const {
  return "DROP INDEX IF EXISTS " + table_name({s.table.schema, s.name});
}

ExistingTableChange Renderer::render(const AlterColumn&) const {
  return {};
}

ExistingTableChange Renderer::render_on_existing(const CreateIndex& s) const {
  if (!changes_online()) return {{render(s)}, {}};
  return {{},
          {{"DROP INDEX CONCURRENTLY IF EXISTS " + table_name({s.table.schema, s.index.name}),
            index(s.table, s.index, true)}}};
}

ExistingTableChange Renderer::render_on_existing(const AddConstraint& s) const {
  // UNIQUE builds its index under the transaction's lock; its online form (a unique index built
  // concurrently, then ADD CONSTRAINT ... USING INDEX) is not written.
  if (!changes_online() || !s.check || s.check->name.empty()) return {{render(s)}, {}};
  return {{render(s) + " NOT VALID"}, {{validate(s.table, s.check->name)}}};
}

ExistingTableChange Renderer::render_on_existing(const AddForeignKey& s) const {
  if (!changes_online() || s.key.name.empty()) return {{render(s)}, {}};
  return {{"ALTER TABLE " + table_name(s.table) + " ADD " + foreign_key_clause(*this, s.key) +
           " NOT VALID"},
          {{validate(s.table, s.key.name)}}};
}

std::string Renderer::validate(const TableName& table, const std::string& constraint) const {
  return "ALTER TABLE " + table_name(table) + " VALIDATE CONSTRAINT " + identifier(constraint);
}

std::string Renderer::render(const AddConstraint& s) const {
  std::string out = "ALTER TABLE " + table_name(s.table) + " ADD CONSTRAINT ";
  if (s.unique)
    return out + identifier(s.unique->name) + " UNIQUE (" + column_list(s.unique->columns, true) +
           ")";
  if (s.check) return out + identifier(s.check->name) + " CHECK (" + s.check->expression + ")";
  return "";
}

std::string Renderer::render(const DropConstraint& s) const {
  return "ALTER TABLE " + table_name(s.table) + " DROP CONSTRAINT IF EXISTS " + identifier(s.name);
}

std::string Renderer::render(const CommentOn& s) const {
  if (!comments_as_statements()) return "";
  std::string target = s.column.empty()
                           ? "TABLE " + table_name(s.table)
                           : "COLUMN " + table_name(s.table) + "." + identifier(s.column);
  return "COMMENT ON " + target + " IS " + (s.text.empty() ? "NULL" : string_literal(s.text));
}

std::vector<std::string> Renderer::render(const RebuildTable& s) const {
  // The new table takes a name of its own until the old one is gone; its indexes are created
  // after the rename, since the old table's indexes hold their names until then.
  CreateTable table = s.table;
  table.table.name = "ormc_rebuild_" + s.table.table.name;
  table.indexes.clear();
  std::vector<std::string> out = render(table);
  std::string columns, values;
  for (const CopiedColumn& c : s.copy) {
    std::string value = c.convert.empty() ? identifier(c.from) : "(" + c.convert + ")";
    if (c.when_null) value = "COALESCE(" + value + ", " + literal(*c.when_null) + ")";
    columns += (columns.empty() ? "" : ", ") + identifier(c.column);
    values += (values.empty() ? "" : ", ") + value;
  }
  if (!s.copy.empty())
    out.push_back("INSERT INTO " + table_name(table.table) + " (" + columns + ") SELECT " + values +
                  " FROM " + table_name(s.table.table));
  out.push_back(render(DropTable{s.table.table}));
  out.push_back(render(RenameTable{table.table, s.table.table.name}));
  for (const Index& i : s.table.indexes)
    if (std::string statement = index(s.table.table, i); !statement.empty())
      out.push_back(std::move(statement));
  return out;
}

} // namespace ormc::sql
