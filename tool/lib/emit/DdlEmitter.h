// CREATE and DROP statements for a schema in one dialect: the IR's tables in dependency order,
// described for the SQL layer and rendered by the dialect's sql::Renderer.
#pragma once

#include "emit/TableOrder.h"
#include "ir/Schema.h"

#include <ormc/sql/renderer.hpp>
#include <string>
#include <vector>

namespace ormc::emit {

/// The DDL of a whole schema in one dialect, each statement without a trailing semicolon.
struct SchemaDdl {
  TableOrder order;
  /// Foreign keys added after creation: where the dialect cannot reference later tables, those
  /// that close a cycle. Empty for SQLite, which accepts references to tables not created yet.
  std::set<std::pair<const ir::Model*, const ir::ForeignKey*>> deferred;
  /// Run before any table: the extensions the columns' types need (pgvector's vector).
  std::vector<std::string> start;
  /// Run once every table exists, where the database is a distributed engine (Citus): each
  /// distributed and reference table handed to it (distributionOrder()). Empty elsewhere.
  std::vector<std::string> distribute;
  /// Run after every table exists: join tables, then the deferred foreign keys.
  std::vector<std::string> finish;
  /// Drops every table: join tables, then the models in reverse creation order.
  std::vector<std::string> drop;
};

/// The quoted name of the join table a many_to_many on `owner` generates (in owner's schema).
std::string joinTableName(const ir::Model& owner, const ir::ManyToMany& rel,
                          const sql::Renderer& dialect);

/// The statements that create the join table of a many_to_many on `owner` and its index.
std::vector<std::string> joinTableStatements(const ir::Schema& schema, const ir::Model& owner,
                                             const ir::ManyToMany& rel,
                                             const sql::Renderer& dialect);

SchemaDdl schemaDdl(const ir::Schema& schema, const sql::Renderer& dialect);

/// The distributed and reference models of `models` (in creation order), in an order the
/// engine accepts: each after the tables it references and the table it is colocated with.
std::vector<const ir::Model*> distributionOrder(const ir::Schema& schema,
                                                const std::vector<const ir::Model*>& models);
/// The statement that hands a distributed or reference model's table to the engine.
sql::DistributeTable distributeTable(const ir::Schema& schema, const ir::Model& model);

/// The table as the SQL layer describes it: columns, constraints, indexes, comment. Foreign keys
/// `ddl` defers are left out (with the default, none is).
sql::CreateTable describeTable(const ir::Schema& schema, const ir::Model& model,
                               const SchemaDdl& ddl = {});

/// The partitions a partitioned model's table is created with: its hash partitions, its list
/// partitions and the default one, or its partitions by time from now through `ahead` intervals.
std::vector<std::string> partitionStatements(const ir::Model& model, const sql::Renderer& dialect);
/// One ormc:partition(...) of a model partitioned by list.
sql::CreatePartition listPartition(const ir::Model& model,
                                   const ir::Partitioning::ListPartition& list);

/// The statements that create one table, its indexes and comments, leaving out the foreign
/// keys `ddl` defers; for a versioned model, then its history table and triggers.
std::vector<std::string> createTableStatements(const ir::Schema& schema, const ir::Model& model,
                                               const sql::Renderer& dialect, const SchemaDdl& ddl);

/// The whole schema as a SQL script (`schema.<dialect>.sql`), tables in dependency order.
std::string emitSchemaSql(const ir::Schema& schema, const sql::Renderer& dialect);

} // namespace ormc::emit
