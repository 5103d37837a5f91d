// mergeModules() (--merge) on fragments built by hand: what each module contributed, identical
// structs merged silently, conflicts naming both modules, and --keep-going leaving out the
// modules that fail, including those that fail only because they need a module left out.
#include "diff_fixtures.hpp"
#include "driver/ModuleMerge.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ormc::driver {
namespace {
using migrate::fixtures::column;

/// A model with a key and `extra`, declared in `file`.
ir::Model model(const std::string& name, const std::string& table, const std::string& file,
                ir::Column extra) {
  ir::Model m;
  m.name = m.qualifiedName = name;
  m.table = table;
  m.accessor = table + "s";
  m.loc.file = file;
  m.loc.line = 1;
  m.inputFile = file;
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = true;
  id.loc.file = file;
  extra.loc.file = file;
  if (extra.references) extra.references->loc.file = file;
  m.columns = {id, std::move(extra)};
  return m;
}

ModuleInput module(const std::string& name, std::vector<ir::Model> models) {
  ir::Schema s;
  for (const ir::Model& m : models)
    s.inputFiles.push_back(m.inputFile);
  s.models = std::move(models);
  return {name, std::move(s), ""};
}

/// A column referencing `target`'s key, with the helper names the front end would derive.
ir::Column reference(const std::string& name, const std::string& target,
                     const std::string& inverse) {
  ir::Column c = column(name, ir::TypeKind::Int64);
  c.references = ir::ForeignKey{};
  c.references->target = target;
  c.references->name = name.substr(0, name.size() - 3); // invoice_id: invoice
  c.references->inverse = inverse;
  return c;
}

std::vector<std::string> tables(const MergeResult& r) {
  std::vector<std::string> out;
  for (const ir::Model& m : r.schema.models)
    out.push_back(m.table);
  return out;
}

TEST(ModuleMerge, EachModulesTablesAreListedAndIdenticalStructsMergeSilently) {
  ir::Model ledger = model("Ledger", "ledger", "ledger.hpp", column("cents", ir::TypeKind::Int64));
  MergeResult r = mergeModules(
      {module("orders",
              {ledger, model("Order", "order", "orders.hpp", column("ref", ir::TypeKind::String))}),
       module("customers", {ledger, model("Customer", "customer", "customers.hpp",
                                          column("name", ir::TypeKind::String))})},
      TableConflict::Error, false);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_FALSE(r.failed());
  EXPECT_EQ(tables(r), (std::vector<std::string>{"ledger", "order", "customer"}));
  ASSERT_EQ(r.modules.size(), 2u);
  ASSERT_EQ(r.modules[0].tables.size(), 2u);
  EXPECT_EQ(r.modules[0].tables[0].columns, (std::vector<std::string>{"id", "cents"}));
  ASSERT_EQ(r.modules[1].tables.size(), 1u);
  EXPECT_EQ(r.modules[1].shared,
            (std::vector<std::pair<std::string, std::string>>{{"Ledger", "orders"}}));
  nlohmann::json summary = nlohmann::json::parse(mergeSummaryJson(r));
  EXPECT_EQ(summary["tables"], 3);
  EXPECT_EQ(summary["modules"][1]["tables"][0]["table"], "customer");
  EXPECT_EQ(summary["modules"][1]["shared"][0]["from"], "orders");
}

TEST(ModuleMerge, ATableClaimedTwiceIsAnErrorOrWithKeepFirstAWarning) {
  auto modules = [] {
    return std::vector<ModuleInput>{
        module("a", {model("a::User", "user", "a.hpp", column("name", ir::TypeKind::String))}),
        module("b", {model("b::User", "user", "b.hpp", column("mail", ir::TypeKind::String))})};
  };
  MergeResult error = mergeModules(modules(), TableConflict::Error, false);
  ASSERT_EQ(error.findings.size(), 1u);
  EXPECT_EQ(error.findings[0].id, "table-conflict");
  EXPECT_EQ(error.findings[0].severity, Severity::Error);
  EXPECT_EQ(error.findings[0].loc.file, "b.hpp");
  EXPECT_NE(
      error.findings[0].message.find("'a::User' of module 'a' and by 'b::User' of module 'b'"),
      std::string::npos);

  MergeResult kept = mergeModules(modules(), TableConflict::KeepFirst, false);
  ASSERT_EQ(kept.findings.size(), 1u);
  EXPECT_EQ(kept.findings[0].severity, Severity::Warning);
  EXPECT_EQ(tables(kept), std::vector<std::string>{"user"});
  EXPECT_EQ(kept.schema.models[0].qualifiedName, "a::User");
  EXPECT_EQ(kept.modules[1].leftOut,
            (std::vector<std::pair<std::string, std::string>>{{"b::User", "a"}}));
}

TEST(ModuleMerge, KeepGoingLeavesOutFailedModulesAndThoseThatNeedThem) {
  std::vector<ModuleInput> modules = {
      module("core",
             {model("Account", "account", "core.hpp", column("owner", ir::TypeKind::String))}),
      // Its Account is another: billing fails, and reports, which needs billing's Invoice, too.
      module("billing",
             {model("Account", "account", "billing.hpp", column("cents", ir::TypeKind::Int64)),
              model("Invoice", "invoice", "billing.hpp", column("total", ir::TypeKind::Int64))}),
      module("reports", {model("Report", "report", "reports.hpp",
                               reference("invoice_id", "Invoice", "reports"))}),
      {"broken", std::nullopt, "'broken.json' is not an ormc IR fragment: not valid JSON"},
      module("audit",
             {model("Event", "event", "audit.hpp", reference("account_id", "Account", "events"))}),
  };
  MergeResult whole = mergeModules(modules, TableConflict::Error, false);
  EXPECT_TRUE(hasErrors(whole.findings));

  MergeResult r = mergeModules(modules, TableConflict::Error, true);
  EXPECT_FALSE(hasErrors(r.findings));
  EXPECT_TRUE(r.failed());
  EXPECT_EQ(tables(r), (std::vector<std::string>{"account", "event"}));
  std::vector<std::string> failed;
  for (const ModuleSummary& m : r.modules)
    if (m.failed) failed.push_back(m.name);
  EXPECT_EQ(failed, (std::vector<std::string>{"billing", "reports", "broken"}));
  ASSERT_FALSE(r.modules[2].errors.empty());
  EXPECT_NE(r.modules[2].errors[0].find("Invoice"), std::string::npos) << r.modules[2].errors[0];
  EXPECT_EQ(r.leftOut.size(), 3u); // the unreadable one, the conflict, the missing reference
  nlohmann::json summary = nlohmann::json::parse(mergeSummaryJson(r));
  EXPECT_EQ(summary["failed"], nlohmann::json({"billing", "reports", "broken"}));
  EXPECT_EQ(summary["modules"][4]["status"], "merged");
}

} // namespace
} // namespace ormc::driver
