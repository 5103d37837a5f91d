// A unit that uses app::Task the way an application does.
#include <ormc/ormc.hpp>

std::size_t use_tasks(ormc::Database& db) {
  app::Models m(db);
  app::Task t;
  t.title = "x";
  m.tasks.insert(t);
  std::optional<app::Task> same = m.tasks.get(t.id);
  std::vector<app::Task> open = m.tasks.where(app::Task_::done == false).all();
  t.done = true;
  m.tasks.update(t);
  return open.size() + (same ? 1 : 0);
}
