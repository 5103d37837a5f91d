// The example of docs/annotations.md ("ormc:column"); annotation-reference.test keeps them in step.
#include <cstdint>
#include <string>
struct [[clang::annotate("ormc:table(name=\"user\", comment=\"accounts\")")]] User {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  [[clang::annotate("ormc:column(unique, max_length=320)")]] std::string email;
  [[clang::annotate("ormc:column(default=\"it's new\")")]] std::string status;
  [[clang::annotate("ormc:column(index, comment=\"shown in lists\")")]] std::string display_name;
  [[clang::annotate("ormc:ignore")]] int cache = 0;
};
