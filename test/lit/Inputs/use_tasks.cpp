// Instantiates every generated function for app::Task, so the compiler checks all of it.
#include <ormc/ormc.hpp>

template class ormc::Table<app::Task>;

int main() {
  ormc::Database db("sqlite::memory:");
  app::Models m(db);
  m.create_schema();
  app::Task t;
  t.title = "x";
  m.tasks.insert(t);
  return m.tasks.get(t.id) ? 0 : 1;
}
