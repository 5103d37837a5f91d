// Dialect-neutral SQL: fragments, quoting, conditions, and the keyset condition.
#include <ormc/sql/fragment.hpp>
#include <ormc/sql/statements.hpp>

namespace ormc::sql {

Fragment& Fragment::append(const Fragment& other) {
  for (std::size_t at : other.params_)
    params_.push_back(text_.size() + at);
  for (std::size_t at : other.tenant_params_)
    tenant_params_.push_back(text_.size() + at);
  text_ += other.text_;
  return *this;
}

namespace {
std::string quoted(std::string_view text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote) out += quote;
    out += c;
  }
  return out + quote;
}

const char* comparison_sql(Comparison op) {
  switch (op) {
  case Comparison::equal:
    return " = ";
  case Comparison::not_equal:
    return " <> ";
  case Comparison::less:
    return " < ";
  case Comparison::less_equal:
    return " <= ";
  case Comparison::greater:
    return " > ";
  case Comparison::greater_equal:
    return " >= ";
  }
  return " = ";
}
} // namespace

std::string identifier(std::string_view name) {
  return quoted(name, '"');
}
std::string column_list(const std::vector<std::string>& quoted_columns) {
  std::string out;
  for (const std::string& c : quoted_columns)
    out += (out.empty() ? "" : ", ") + c;
  return out;
}
std::string unquote_identifier(std::string_view quoted) {
  std::string out;
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    out += quoted[i];
    if (quoted[i] == '"') ++i; // "" stands for one quote
  }
  return out;
}
std::string string_literal(std::string_view text) {
  return quoted(text, '\'');
}

std::string qualified(std::string_view alias, std::string_view expression) {
  std::string out;
  out.reserve(expression.size() + 2 * (alias.size() + 1));
  for (std::size_t i = 0; i < expression.size();) {
    const char quote = expression[i];
    if (quote != '"' && quote != '\'') {
      out += expression[i++];
      continue;
    }
    // A quoted token runs to its closing quote; a doubled quote inside it is part of it.
    std::size_t end = i + 1;
    while (end < expression.size()) {
      if (expression[end] != quote) {
        ++end;
      } else if (end + 1 < expression.size() && expression[end + 1] == quote) {
        end += 2;
      } else {
        break;
      }
    }
    if (quote == '"') out.append(alias).append(".");
    out.append(expression.substr(i, end + 1 - i));
    i = end + 1;
  }
  return out;
}

void exists(Fragment& f, const Fragment& query) {
  f.sql("EXISTS (").append(query).sql(")");
}

void select_item(Fragment& f, std::string_view column) {
  if (!f.empty()) f.sql(", ");
  f.sql(column);
}
void select_query(Fragment& f, const Fragment& query) {
  if (!f.empty()) f.sql(", ");
  f.sql("(").append(query).sql(")");
}

void compare_columns(Fragment& f, std::string_view left, Comparison op, std::string_view right) {
  f.sql(left).sql(comparison_sql(op)).sql(right);
}

void compare(Fragment& f, std::string_view column, Comparison op) {
  compare_written(f.sql(column), op);
}
void null_test(Fragment& f, std::string_view column, bool is_null) {
  null_test_written(f.sql(column), is_null);
}
void tenant_test(Fragment& f, std::string_view column) {
  f.sql(column).sql(" = ").tenant_param();
}
void in_query(Fragment& f, std::string_view column, const Fragment& query) {
  f.sql(column).sql(" IN (").append(query).sql(")");
}
void compare_query(Fragment& f, std::string_view column, Comparison op, const Fragment& query) {
  f.sql(column).sql(comparison_sql(op)).sql("(").append(query).sql(")");
}
void compare_written(Fragment& f, Comparison op) {
  f.sql(comparison_sql(op)).param();
}
void null_test_written(Fragment& f, bool is_null) {
  f.sql(is_null ? " IS NULL" : " IS NOT NULL");
}
void in_list(Fragment& f, std::string_view column, std::size_t count) {
  if (count == 0) { // IN () is not SQL; nothing is in an empty list
    never(f);
    return;
  }
  f.sql(column).sql(" IN (");
  for (std::size_t i = 0; i < count; ++i)
    (i ? f.sql(", ") : f).param();
  f.sql(")");
}
void between(Fragment& f, std::string_view column) {
  f.sql(column).sql(" BETWEEN ").param().sql(" AND ").param();
}
// The escape is explicit: PostgreSQL escapes with a backslash by default, SQLite with nothing.
void like(Fragment& f, std::string_view column) {
  f.sql(column).sql(" LIKE ").param().sql(" ESCAPE '\\'");
}
void ilike(Fragment& f, std::string_view column) {
  f.sql("lower(").sql(column).sql(") LIKE lower(").param().sql(") ESCAPE '\\'");
}
void never(Fragment& f) {
  f.sql("1 = 0");
}
void open_group(Fragment& f) {
  f.sql("(");
}
void separate(Fragment& f, Logical op) {
  f.sql(op == Logical::all ? " AND " : " OR ");
}
void close_group(Fragment& f) {
  f.sql(")");
}
void open_not(Fragment& f) {
  f.sql("NOT (");
}
void linked_through(Fragment& f, std::string_view target_key, std::string_view join_table,
                    std::string_view source_column, std::string_view target_column) {
  f.sql(target_key).sql(" IN (SELECT ").sql(target_column).sql(" FROM ").sql(join_table);
  f.sql(" WHERE ").sql(source_column).sql(" = ").param().sql(")");
}

Fragment parameter() {
  return Fragment().param();
}
Fragment null_value() {
  return Fragment().sql("NULL");
}
Fragment incremented(std::string_view column) {
  return Fragment().sql(column).sql(" + 1");
}

// (t1 > v1) OR (t1 = v1 AND t2 > v2) OR ... with < for descending terms. NULLs sort last in
// either direction, so after a value come the larger (or smaller) values and then the NULLs;
// after a NULL only other NULLs, by the next terms.
Fragment keyset_after(const std::vector<OrderTerm>& order, const std::vector<bool>& null_values) {
  Fragment f;
  f.sql("(");
  for (std::size_t i = 0; i < order.size(); ++i) {
    f.sql(i ? " OR (" : "(");
    for (std::size_t j = 0; j < i; ++j) {
      if (null_values[j])
        f.append(order[j].expression).sql(" IS NULL AND ");
      else
        f.append(order[j].expression).sql(" = ").param().sql(" AND ");
    }
    const OrderTerm& term = order[i];
    const char* beyond = term.descending ? " < " : " > ";
    if (null_values[i]) {
      f.sql("1 = 0)"); // nothing sorts after a NULL in this term
    } else if (term.nullable) {
      f.sql("(").append(term.expression).sql(beyond).param();
      f.sql(" OR ").append(term.expression).sql(" IS NULL))");
    } else {
      f.append(term.expression).sql(beyond).param().sql(")");
    }
  }
  f.sql(")");
  return f;
}

std::vector<std::size_t> keyset_parameters(const std::vector<bool>& null_values) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < null_values.size(); ++i)
    for (std::size_t j = 0; j <= i; ++j)
      if (!null_values[j]) out.push_back(j);
  return out;
}

} // namespace ormc::sql
