// A piece of SQL with parameter marks not yet numbered, and the conditions written into one.
// Fragments are dialect-neutral: a Renderer numbers their parameters in its own placeholders
// when a statement is rendered (see renderer.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormc::sql {

class Fragment {
public:
  Fragment() = default;
  /// Text with no parameters: a SELECT list of columns known when the program was compiled.
  Fragment(std::string text) : text_(std::move(text)) {} // NOLINT: plain SQL converts
  Fragment(const char* text) : text_(text) {}            // NOLINT: likewise

  /// SQL text: a keyword or operator of this layer, or an identifier quoted by identifier().
  Fragment& sql(std::string_view text) {
    text_ += text;
    return *this;
  }
  /// A parameter here.
  Fragment& param() {
    params_.push_back(text_.size());
    return *this;
  }
  /// The row tenant here (a model's ormc:tenant column is compared with it): one parameter
  /// however often it appears, numbered after every other, which the statement binds itself
  /// (see tenant_parameter()).
  Fragment& tenant_param() {
    tenant_params_.push_back(text_.size());
    return *this;
  }
  /// `other`, its parameters after this fragment's.
  Fragment& append(const Fragment& other);

  const std::string& text() const noexcept { return text_; }
  /// Where, in text(), each parameter goes, in order.
  const std::vector<std::size_t>& params() const noexcept { return params_; }
  /// Where, in text(), the row tenant goes.
  const std::vector<std::size_t>& tenant_params() const noexcept { return tenant_params_; }
  bool empty() const noexcept { return text_.empty(); }

private:
  std::string text_;
  std::vector<std::size_t> params_;
  std::vector<std::size_t> tenant_params_;
};

/// The number of the row-tenant parameter of a statement Renderer::render() wrote, 0 when it
/// has none. A statement with one ends in the comment `/* ormc:tenant parameter N */`, so that
/// the connection can bind its tenant whoever built the statement, and a log shows the filter.
unsigned tenant_parameter(std::string_view statement);

/// `"name"` with embedded quotes doubled: the SQL standard's quoted identifier, which every
/// dialect ormc supports accepts (generated column constants use it in every dialect).
std::string identifier(std::string_view name);
/// Quoted columns as a list: `"a", "b"`.
std::string column_list(const std::vector<std::string>& quoted_columns);
/// The name an identifier() quoted: `"a""b"` gives `a"b`.
std::string unquote_identifier(std::string_view quoted);
/// `expression` (SQL this layer wrote) with each quoted identifier in it prefixed by `alias.`
/// (`alias` quoted): a column of one table among several, `"album"."title"`. String literals
/// are left as they are.
std::string qualified(std::string_view alias, std::string_view expression);
/// `'text'` with embedded quotes doubled.
std::string string_literal(std::string_view text);

/// One step of a path into a JSON value: a member by its key, or an array element by its index.
struct JsonStep {
  std::string key;         // when index < 0
  std::int64_t index = -1; // >= 0: an array element
};
/// What the value at a JSON path is compared as (Renderer::json_value()).
enum class JsonScalar { text, integer, real, boolean };
/// How near two vectors are (Renderer::vector_distance()), as pgvector's operators measure:
/// Euclidean distance (<->), cosine distance (<=>), the negative inner product (<#>, so that
/// smaller is nearer for each).
enum class VectorMetric { l2, cosine, inner_product };

// Conditions, written into a fragment. `column` is a quoted identifier.
enum class Comparison { equal, not_equal, less, less_equal, greater, greater_equal };
enum class Logical { all, any }; // AND, OR

void compare(Fragment& f, std::string_view column, Comparison op); // column op ?
void compare_columns(Fragment& f, std::string_view left, Comparison op, std::string_view right);
void null_test(Fragment& f, std::string_view column, bool is_null);
/// `column = <row tenant>` (Fragment::tenant_param()).
void tenant_test(Fragment& f, std::string_view column);
/// ` op ?` and ` IS [NOT] NULL` after an expression already written (Renderer::json_value()).
void compare_written(Fragment& f, Comparison op);
void null_test_written(Fragment& f, bool is_null);
void in_list(Fragment& f, std::string_view column, std::size_t count); // count parameters
/// `column IN (query)`, `column op (query)`: a subquery (Renderer::select_fragment()), its
/// parameters in its own order.
void in_query(Fragment& f, std::string_view column, const Fragment& query);
void compare_query(Fragment& f, std::string_view column, Comparison op, const Fragment& query);
void between(Fragment& f, std::string_view column); // two parameters
/// `EXISTS (query)`: a subquery (Renderer::select_fragment()), its parameters in its order.
void exists(Fragment& f, const Fragment& query);
/// One more item of a SELECT list (Select::columns): a column or expression, or `(query)`, a
/// scalar subquery with its parameters.
void select_item(Fragment& f, std::string_view column);
void select_query(Fragment& f, const Fragment& query);
/// `column LIKE ? ESCAPE '\'`: case-sensitive on every dialect (SQLite connections turn
/// case_sensitive_like on), `\` escaping `%`, `_` and itself on every dialect.
void like(Fragment& f, std::string_view column);
/// `lower(column) LIKE lower(?) ESCAPE '\'`: case-insensitive; SQLite's lower() folds ASCII
/// letters only, PostgreSQL's every letter of the database's locale.
void ilike(Fragment& f, std::string_view column);
/// A condition no row meets (an empty IN list, an empty key set).
void never(Fragment& f);
/// `(` left `AND`/`OR` right `)`: call open, write left, separate, write right, close.
void open_group(Fragment& f);
void separate(Fragment& f, Logical op);
void close_group(Fragment& f);
/// `NOT (` inner `)`: call open_not, write inner, close_group.
void open_not(Fragment& f);
/// `target_key IN (SELECT target_column FROM join_table WHERE source_column = ?)`.
void linked_through(Fragment& f, std::string_view target_key, std::string_view join_table,
                    std::string_view source_column, std::string_view target_column);

} // namespace ormc::sql
