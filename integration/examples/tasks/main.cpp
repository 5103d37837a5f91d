// The ormc example: a to-do list kept in an embedded SQLite file.
//   tasks_example [database URL]      (default: sqlite:tasks.db)
#include "schema.ormc.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <ormc/ormc.hpp>
#include <string>

namespace {

const char* priority_name(todo::Priority p) {
  switch (p) {
  case todo::Priority::low:
    return "low";
  case todo::Priority::normal:
    return "normal";
  case todo::Priority::high:
    return "high";
  }
  return "?";
}

void print_tasks(todo::Models& m) {
  for (const todo::Task& t : m.tasks.all())
    std::printf("  #%lld [%c] %-28s %-6s %s\n", static_cast<long long>(t.id), t.done ? 'x' : ' ',
                t.title.c_str(), priority_name(t.priority), t.note ? t.note->c_str() : "");
}

int run(const std::string& url) {
  auto db = ormc::open(url);
  todo::Models m(db);
  m.create_schema();
  std::printf("opened %s; %lld task(s) already stored\n", url.c_str(),
              static_cast<long long>(m.tasks.count()));

  using namespace std::chrono;
  auto now = system_clock::now();
  todo::Task write;
  write.title = "write the quick start";
  write.note = "two commands, no more";
  todo::Task review;
  review.title = "review the \"order\" table";
  review.priority = todo::Priority::high;
  review.due = now + hours(24);
  todo::Task release;
  release.title = "tag a release";
  release.priority = todo::Priority::low;
  {
    ormc::Transaction tx(db); // all three or none
    m.tasks.insert(write);
    m.tasks.insert(review);
    m.tasks.insert(release);
    tx.commit();
  }
  std::printf("inserted tasks #%lld, #%lld and #%lld\n", static_cast<long long>(write.id),
              static_cast<long long>(review.id), static_cast<long long>(release.id));

  write.done = true;
  m.tasks.update(write);
  std::printf("marked #%lld done\n", static_cast<long long>(write.id));

  m.tasks.remove(release);
  std::printf("removed #%lld\n", static_cast<long long>(release.id));

  auto again = m.tasks.get(review.id);
  std::printf("read back #%lld: \"%s\", due in %lld h\n", static_cast<long long>(again->id),
              again->title.c_str(), static_cast<long long>(round<hours>(again->due - now).count()));

  todo::User ada;
  ada.email = "ada@example.com";
  ada.name = "Ada";
  if (m.users.count() == 0) m.users.insert(ada);
  todo::User copy = ada;
  copy.name = "Ada again";
  try {
    m.users.insert(copy);
  } catch (const ormc::UniqueViolation& e) {
    std::printf("a second user with the same email is refused: %s (SQLSTATE %s)\n", e.what(),
                e.sqlstate().c_str());
  }

  std::printf("%lld task(s) now stored:\n", static_cast<long long>(m.tasks.count()));
  print_tasks(m);

  // Typed queries: built here, run when read; the compiler checks every column and value.
  using todo::Task_;
  auto open = m.tasks.where(Task_::done == false &&
                            Task_::priority.in({todo::Priority::normal, todo::Priority::high}));
  std::printf("open tasks, latest due first (%lld):\n", static_cast<long long>(open.count()));
  for (const todo::Task& t : open.order_by(Task_::due.desc()).limit(5))
    std::printf("  #%lld %s\n", static_cast<long long>(t.id), t.title.c_str());
  std::int64_t archived = m.tasks.where(Task_::done == true).update(Task_::note.set("archived"));
  std::printf("archived %lld done task(s)\n", static_cast<long long>(archived));
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc > 1 ? argv[1] : "sqlite:tasks.db");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tasks_example: %s\n", e.what());
    return 1;
  }
}
