#pragma once
#include <cstdint>
#include <string>
#if SHARD != 2
#error "audit.hpp is compiled with -DSHARD=2 in compile_commands.json"
#endif
struct [[clang::annotate("ormc:table")]] AuditEvent {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  std::string what;
};
