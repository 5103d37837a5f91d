// One misuse of a JSON column per CASE; each must fail to compile with ormc's message.
#include <ormc/ormc.hpp>

void misuse(docs::Models& m) {
#if CASE == 1
  m.notes.where(docs::Note_::attrs == nlohmann::json{{"a", 1}}); // whole values: use a path
#elif CASE == 2
  m.notes.where(docs::Note_::title.path<std::string>("a") == "x"); // not a JSON column
#elif CASE == 3
  m.notes.where(docs::Note_::attrs.path<std::int64_t>("age") == "ten"); // text for a number
#else
  m.notes.where(docs::Note_::attrs.path<std::int64_t>("owner", 0, "age") > 30);
#endif
}
