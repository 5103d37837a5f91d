#include "validate/PartitionChecks.h"

#include "validate/FindingBuilders.h"
#include "validate/KeyCoverage.h"

#include <set>

namespace ormc::validate {
namespace {
using Method = ir::Partitioning::Method;

constexpr std::size_t kMaxIdentifier = 63; // PostgreSQL's NAMEDATALEN - 1
constexpr int kMaxHashPartitions = 1024;
constexpr int kMaxAhead = 1000; // partitions create_schema() makes past the current one

std::string methodName(Method method) {
  return ir::partitionMethodName(method);
}

/// Whether `value` is an integer literal: an optional minus and digits.
bool integerLiteral(const std::string& value) {
  std::size_t start = !value.empty() && value[0] == '-' ? 1 : 0;
  if (value.size() == start || value.size() - start > 18) return false;
  for (std::size_t i = start; i < value.size(); ++i)
    if (value[i] < '0' || value[i] > '9') return false;
  return true;
}

void checkKeyColumn(const ir::Model& m, const ir::Column& key, Findings& out) {
  const ir::Partitioning& p = m.partitioning;
  if (p.method == Method::Range && (key.type.kind != ir::TypeKind::Timestamp ||
                                    key.storage != ir::Storage::Native || key.nullable))
    out.push_back(error("partition-key", p.loc,
                        "range partitions are by time: '" + key.member + "' of '" + m.name +
                            "' must be a non-optional std::chrono time_point stored natively "
                            "(TIMESTAMPTZ), not '" +
                            key.type.spelling + "'"));
  if (p.method == Method::List &&
      !((ir::isInteger(key.type.kind) && key.type.enumType.empty()) ||
        key.type.kind == ir::TypeKind::String || !key.type.enumerators.empty()))
    out.push_back(error("partition-key", p.loc,
                        "list partitions hold integers or texts: '" + key.member + "' of '" +
                            m.name + "' is '" + key.type.spelling + "'"));
  if (key.type.kind == ir::TypeKind::Vector || key.type.kind == ir::TypeKind::Json)
    out.push_back(error("partition-key", p.loc,
                        "'" + key.member + "' of '" + m.name + "' cannot be a partition key"));
  requireInUniqueKeys(m, key,
                      {"partition-key", "partitioned table '" + m.table + "'",
                       "partition key '" + key.name + "'",
                       "PostgreSQL enforces a key within each partition only", p.loc},
                      out);
}

void checkLists(const ir::Model& m, const ir::Column& key, Findings& out) {
  const ir::Partitioning& p = m.partitioning;
  if (p.lists.empty())
    out.push_back(error("partition-definition", p.loc,
                        "'" + m.name +
                            "' is partitioned by list but declares no partition; "
                            "add ormc:partition(name=..., values=\"a, b\")"));
  std::set<std::string> names, values;
  bool integer = ir::isInteger(key.type.kind) && key.type.enumerators.empty();
  for (const ir::Partitioning::ListPartition& list : p.lists) {
    if (!names.insert(list.name).second || list.name == "default")
      out.push_back(error("partition-definition", list.loc,
                          "partition name '" + list.name + "' of '" + m.name +
                              "' is already used (the default partition is '" + m.table +
                              "_default')"));
    if (m.table.size() + 1 + list.name.size() > kMaxIdentifier)
      out.push_back(error("partition-definition", list.loc,
                          "partition '" + m.table + "_" + list.name + "' is longer than " +
                              std::to_string(kMaxIdentifier) + " bytes"));
    for (const std::string& value : list.values) {
      std::string problem;
      if (value.empty())
        problem = "an empty value (two commas, or a comma at an end)";
      else if (integer && !integerLiteral(value))
        problem = "'" + value + "' is not an integer, as '" + key.member + "' is";
      else if (!key.type.enumerators.empty() &&
               std::find(key.type.enumerators.begin(), key.type.enumerators.end(), value) ==
                   key.type.enumerators.end())
        problem = "'" + value + "' is not an enumerator of '" + key.type.spelling + "'";
      else if (!values.insert(value).second)
        problem = "'" + value + "' is in another partition already";
      if (!problem.empty())
        out.push_back(error("partition-definition", list.loc,
                            "partition '" + list.name + "' of '" + m.name + "': " + problem));
    }
  }
}

} // namespace

void checkPartitioning(const ir::Model& m, Findings& out) {
  const ir::Partitioning& p = m.partitioning;
  if (p.method != Method::List)
    for (const ir::Partitioning::ListPartition& list : p.lists)
      out.push_back(error("partition-definition", list.loc,
                          "ormc:partition applies to a table partitioned by list; give '" + m.name +
                              "' partition_by=\"list(member)\""));
  if (p.method == Method::None) return;
  if (m.versioned)
    out.push_back(error("partition-definition", p.loc,
                        "versioned table '" + m.table +
                            "' cannot be partitioned: its history keeps one table of versions"));
  if (p.method == Method::Hash && (p.partitions < 2 || p.partitions > kMaxHashPartitions))
    out.push_back(error("partition-definition", p.loc,
                        "partition_by=\"hash(...)\" needs partitions=N, 2 to " +
                            std::to_string(kMaxHashPartitions)));
  if (p.method != Method::Hash && p.partitions)
    out.push_back(error("partition-definition", p.loc,
                        "partitions=N is the number of hash partitions; '" + m.name +
                            "' is partitioned by " + methodName(p.method)));
  if (p.method == Method::Range && p.interval != "day" && p.interval != "week" &&
      p.interval != "month" && p.interval != "year")
    out.push_back(error("partition-definition", p.loc,
                        "partition_interval=" + p.interval + ": write day, week, month or year"));
  if (p.method == Method::Range && (p.ahead < 0 || p.ahead > kMaxAhead))
    out.push_back(error("partition-definition", p.loc,
                        "partitions_ahead=" + std::to_string(p.ahead) + ": at most " +
                            std::to_string(kMaxAhead) +
                            " partitions past the current one; make later ones with "
                            "create_partitions()"));
  if (p.method != Method::Range && !p.interval.empty())
    out.push_back(error("partition-definition", p.loc,
                        "partition_interval applies to partitions by time (range); '" + m.name +
                            "' is partitioned by " + methodName(p.method)));
  // The longest name ormc gives a partition: <table>_p20261231, _default, _p1023.
  if (m.table.size() + 10 > kMaxIdentifier)
    out.push_back(error("partition-definition", p.loc,
                        "table name '" + m.table +
                            "' leaves no room for its partitions' names "
                            "(<table>_p20261231) within " +
                            std::to_string(kMaxIdentifier) + " bytes"));
  const ir::Column* key = m.column(p.member);
  if (!key) {
    out.push_back(
        error("unknown-member", p.loc,
              "partition_by: '" + p.member + "' is not a data member of '" + m.name + "'"));
    return;
  }
  checkKeyColumn(m, *key, out);
  if (p.method == Method::List) checkLists(m, *key, out);
}

} // namespace ormc::validate
