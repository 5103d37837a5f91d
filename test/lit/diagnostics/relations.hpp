// Relations, mixin roles, validation rules, indexes and hooks that cannot work.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

struct [[clang::annotate("ormc:table")]] User {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};

struct [[clang::annotate("ormc:table")]] Post {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:27: error: no table named 'Usr' in this schema; did you mean 'User'? [unknown-model]
  [[clang::annotate("ormc:belongs_to(Usr)")]] std::int64_t writer_id;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:61: error: 'Post::author_id' has type 'std::int32_t' but references 'User::id' of type 'std::int64_t'; a foreign key has the type of the key it references [reference-type]
  [[clang::annotate("ormc:belongs_to(User)")]] std::int32_t author_id;
  // CHECK-DAG: relations.hpp:[[@LINE+2]]:27: error: 'User' already has a relation named 'posts' (inverse of Post::author_id); name this one with inverse= [relation-name]
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:27: error: on_delete=set_null needs a nullable member; make 'editor_id' std::optional [reference-action]
  [[clang::annotate("ormc:belongs_to(User, on_delete=set_null)")]] std::int64_t editor_id;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:27: error: relation helper 'count' on 'Post' would hide ormc::Table::count; choose another name [relation-name]
  [[clang::annotate("ormc:belongs_to(User, name=count, inverse=counted)")]] std::int64_t c_id;
};

struct [[clang::annotate("ormc:table")]] Comment {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  [[clang::annotate("ormc:belongs_to(User)")]] std::int64_t author_id;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:27: error: 'User' already has a relation named 'comments' (inverse of Comment::author_id); name this one with inverse= [relation-name]
  [[clang::annotate("ormc:belongs_to(User)")]] std::int64_t editor_id;
};

// CHECK-DAG: relations.hpp:[[@LINE+1]]:66: error: a hash index covers one column; idx_indexed_a_b lists 2 [index-definition]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:index(a, b, method=hash)")]]
// CHECK-DAG: relations.hpp:[[@LINE+1]]:25: error: gin has no default operator class for ormc's column types; name one, e.g. opclass=gin_trgm_ops (pg_trgm) [index-definition]
[[clang::annotate("ormc:index(a, method=gin)")]] Indexed {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  std::string a, b;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:57: error: min and max apply to numbers, not to 'name' of type 'std::string' [validation-type]
  [[clang::annotate("ormc:column(min=1)")]] std::string name;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:66: error: min=10 is greater than max=1 for 'n'; no value could be stored [validation-type]
  [[clang::annotate("ormc:column(min=10, max=1)")]] std::int32_t n;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:62: error: not_empty applies to std::string and byte vectors, not to 'k' of type 'std::int32_t' [validation-type]
  [[clang::annotate("ormc:column(not_empty)")]] std::int32_t k;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:81: error: ormc:soft_delete needs a std::optional<time_point> member that is not the key; 'gone' has type 'std::chrono::system_clock::time_point' [role-type]
  [[clang::annotate("ormc:soft_delete")]] std::chrono::system_clock::time_point gone;
  // CHECK-DAG: relations.hpp:[[@LINE+1]]:54: error: ormc:created_at needs a time_point member that is not the key; 'made' has type 'std::string' [role-type]
  [[clang::annotate("ormc:created_at")]] std::string made;
};
