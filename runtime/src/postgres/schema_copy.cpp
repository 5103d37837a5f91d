// Branches on PostgreSQL: a tenant's schema copied into a new one, from its catalog.
#include "schema_copy.hpp"

#include <cstdint>
#include <optional>
#include <ormc/error.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/sql/schema_copy.hpp>
#include <vector>

namespace ormc::detail {
namespace {

/// Calls `row` with each row of the catalog query `sql` about `schema` (and `table`).
template <class F>
void each_row(postgres::Connection& connection, const std::string& sql, const std::string& schema,
              F&& row, std::string_view table = {}) {
  auto statement = connection.prepare(sql);
  statement->bind(1, schema);
  if (!table.empty()) statement->bind(2, table);
  while (statement->step())
    row(*statement);
}

template <class T> T column(postgres::Statement& statement, int index) {
  T value{};
  statement.read(index, value);
  return value;
}

/// One bound statement that returns a row nobody reads (SELECT setval(...)).
template <class... Values>
void run(postgres::Connection& connection, const std::string& sql, const Values&... values) {
  auto statement = connection.prepare(sql);
  int index = 0;
  (statement->bind(++index, values), ...);
  while (statement->step()) {
  }
}

struct Sequence {
  std::string name;
  sql::SequenceShape shape;
  std::optional<std::int64_t> last;
};
struct Identity {
  std::string table, column;
  std::optional<std::int64_t> last;
};
struct Named {
  std::string table, name, text; // text: a definition, default expression or comment
};
struct Function {
  std::string name, definition, head;
};

} // namespace

void copy_postgres_schema(postgres::Connection& connection, const std::string& source,
                          const std::string& copy) {
  const sql::Renderer& r = sql::renderer(connection.dialect());
  const sql::SchemaCopy& q = *r.schema_copy();
  auto in = [](const std::string& schema, const std::string& name) {
    return sql::TableName{schema, name};
  };
  connection.execute(q.begin_snapshot());
  try {
    connection.execute(q.read_every_row());
    // Read with the source's objects unqualified (see sql::SchemaCopy).
    connection.execute(r.set_search_path(source, true));
    std::string unsupported;
    each_row(connection, q.unsupported_objects(), source, [&](postgres::Statement& s) {
      unsupported += (unsupported.empty() ? "" : ", ") + column<std::string>(s, 0) + " " +
                     sql::identifier(column<std::string>(s, 1));
    });
    if (!unsupported.empty())
      throw UsageError("cannot copy schema " + sql::identifier(source) + " into a branch: it " +
                       "holds what a copy cannot carry over (" + unsupported + ")");
    std::vector<Sequence> sequences;
    each_row(connection, q.sequences(), source, [&](postgres::Statement& s) {
      Sequence sequence{column<std::string>(s, 0),
                        {column<std::string>(s, 1), column<std::int64_t>(s, 2),
                         column<std::int64_t>(s, 3), column<std::int64_t>(s, 4),
                         column<std::int64_t>(s, 5), column<std::int64_t>(s, 6),
                         column<std::int64_t>(s, 7) != 0},
                        column<std::optional<std::int64_t>>(s, 8)};
      sequences.push_back(std::move(sequence));
    });
    std::vector<std::string> tables;
    each_row(connection, q.tables(), source,
             [&](postgres::Statement& s) { tables.push_back(column<std::string>(s, 0)); });
    std::vector<std::vector<std::string>> columns(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i)
      each_row(
          connection, q.copied_columns(), source,
          [&](postgres::Statement& s) {
            columns[i].push_back(sql::identifier(column<std::string>(s, 0)));
          },
          tables[i]);
    std::vector<Identity> identities;
    each_row(connection, q.identity_columns(), source, [&](postgres::Statement& s) {
      identities.push_back({column<std::string>(s, 0), column<std::string>(s, 1),
                            column<std::optional<std::int64_t>>(s, 2)});
    });
    auto named = [&](const std::string& query) {
      std::vector<Named> out;
      each_row(connection, query, source, [&](postgres::Statement& s) {
        out.push_back(
            {column<std::string>(s, 0), column<std::string>(s, 1), column<std::string>(s, 2)});
      });
      return out;
    };
    const std::vector<Named> defaults = named(q.sequence_defaults());
    const std::vector<Named> constraints = named(q.constraints());
    auto definitions = [&](const std::string& query) {
      std::vector<std::string> out;
      each_row(connection, query, source,
               [&](postgres::Statement& s) { out.push_back(column<std::string>(s, 0)); });
      return out;
    };
    const std::vector<std::string> indexes = definitions(q.indexes());
    const std::vector<std::string> triggers = definitions(q.triggers());
    std::vector<Function> functions;
    each_row(connection, q.functions(), source, [&](postgres::Statement& s) {
      functions.push_back(
          {column<std::string>(s, 0), column<std::string>(s, 1), column<std::string>(s, 2)});
    });
    const std::vector<std::string> row_security = definitions(q.row_security());
    std::vector<Named> comments;
    each_row(connection, q.table_comments(), source, [&](postgres::Statement& s) {
      comments.push_back({column<std::string>(s, 0), "", column<std::string>(s, 1)});
    });

    // Make the copy, its own objects now the unqualified ones.
    connection.execute(r.create_schema(copy));
    connection.execute(r.set_search_path(copy, true));
    for (const Sequence& sequence : sequences) {
      connection.execute(q.create_sequence(in(copy, sequence.name), sequence.shape));
      if (sequence.last)
        run(connection, q.set_sequence_value(), r.table_name(in(copy, sequence.name)),
            *sequence.last);
    }
    for (const std::string& table : tables)
      connection.execute(q.create_table_like(in(copy, table), in(source, table)));
    for (std::size_t i = 0; i < tables.size(); ++i)
      if (!columns[i].empty())
        connection.execute(q.copy_rows(in(copy, tables[i]), in(source, tables[i]), columns[i]));
    for (const Identity& identity : identities)
      if (identity.last)
        run(connection, q.set_identity_value(), r.table_name(in(copy, identity.table)),
            identity.column, *identity.last);
    for (const Named& d : defaults)
      connection.execute(q.set_default(in(copy, d.table), d.name, d.text));
    for (const Named& c : constraints)
      connection.execute(q.add_constraint(in(copy, c.table), c.name, c.text));
    for (const std::string& index : indexes)
      connection.execute(index);
    for (const Function& f : functions) {
      const std::string create = q.create_function(in(copy, f.name), f.definition, f.head);
      if (create.empty())
        throw UsageError("cannot copy schema " + sql::identifier(source) +
                         " into a branch: " + "the definition of its function " +
                         sql::identifier(f.name) + " does not begin as expected");
      connection.execute(create);
    }
    for (const std::string& trigger : triggers)
      connection.execute(trigger);
    for (const Named& c : comments)
      connection.execute(q.comment_on_table(in(copy, c.table), c.text));
    for (const std::string& statement : row_security)
      connection.execute(statement);
    connection.commit();
  } catch (...) {
    try {
      connection.rollback();
    } catch (...) {
      // The connection is lost: the server has discarded the transaction with it.
    }
    throw;
  }
}

} // namespace ormc::detail
