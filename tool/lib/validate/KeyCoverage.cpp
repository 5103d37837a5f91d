#include "validate/KeyCoverage.h"

#include "validate/FindingBuilders.h"

#include <algorithm>

namespace ormc::validate {

void requireInUniqueKeys(const ir::Model& m, const ir::Column& column, const KeyCoverage& rule,
                         Findings& out) {
  std::vector<const ir::Column*> key = m.keyColumns();
  if (!key.empty() && std::find(key.begin(), key.end(), &column) == key.end()) {
    Finding f =
        error(rule.id, rule.loc,
              "the primary key of " + rule.table + " must include its " + rule.column + ": " +
                  rule.why + "; mark '" + column.member + "' ormc:id too (a composite key)");
    f.notes.push_back(note(key.front()->loc, "the key is here"));
    out.push_back(std::move(f));
  }
  for (const ir::Column& c : m.columns)
    if (c.unique && !c.primaryKey && &c != &column)
      out.push_back(error(rule.id, c.loc,
                          "unique column '" + c.name + "' of " + rule.table + " must include its " +
                              rule.column + ": declare ormc:unique(" + column.member + ", " +
                              c.member + ") on the struct instead"));
  for (const ir::Index& index : m.indexes)
    if (index.unique &&
        std::find(index.columns.begin(), index.columns.end(), column.name) == index.columns.end())
      out.push_back(error(rule.id, index.loc,
                          "unique constraint '" + index.name + "' of " + rule.table +
                              " must include its " + rule.column));
}

} // namespace ormc::validate
