// The join-table statements of many-to-many helpers and the key sets of eager loading, through
// the SQL layer.
#include <ormc/related.hpp>
#include <ormc/sql/renderer.hpp>

namespace ormc::detail {

void append_key(std::string& set, std::string_view key, bool text, Dialect dialect) {
  sql::renderer(dialect).key_set_append(set, key, text);
}

void close_key_set(std::string& set, Dialect dialect) {
  sql::renderer(dialect).key_set_close(set);
}

std::string link_sql(const JoinTable& join, Dialect dialect) {
  sql::Insert insert{std::string(join.name(dialect)),
                     {std::string(join.source_column), std::string(join.target_column)},
                     1,
                     ""};
  return sql::renderer(dialect).render(sql::Upsert{std::move(insert), {}, {}, {}});
}

std::string unlink_sql(const JoinTable& join, Dialect dialect) {
  sql::Delete remove{std::string(join.name(dialect)), {sql::Fragment(), sql::Fragment()}};
  sql::compare(remove.where[0], join.source_column, sql::Comparison::equal);
  sql::compare(remove.where[1], join.target_column, sql::Comparison::equal);
  return sql::renderer(dialect).render(remove);
}

std::string links_sql(const JoinTable& join, Dialect dialect) {
  const sql::Renderer& r = sql::renderer(dialect);
  sql::Select select{
      sql::column_list({std::string(join.source_column), std::string(join.target_column)}),
      std::string(join.name(dialect)),
      {sql::Fragment()},
      {},
      false,
      false};
  r.in_key_set(select.where[0], join.source_column);
  return r.render(select);
}

} // namespace ormc::detail
