// ormc:table(variants): Create takes what a client supplies (no database-assigned key, no
// column ormc fills in) with the model's defaults; Update has every other column optional;
// Search a filter per scalar column. The functions are declared in the header and defined in
// the source, which alone includes nlohmann's whole header; a model without variants gets none.
// (Plain, a key alone, also checks that every ModelStatements member is named: GCC's
// -Wmissing-field-initializers.)
// RUN: rm -rf %t && %ormc --output-dir %t %s -- %flags
// RUN: FileCheck %s --input-file %t/variants.ormc.hpp
// RUN: FileCheck %s --check-prefix=SOURCE --input-file %t/variants.ormc.cpp
// RUN: FileCheck %s --check-prefix=IR --input-file %t/schema.json
// RUN: %clangxx-strict -fsyntax-only -I%t %t/variants.ormc.cpp
// RUN: %cxx-strict -Wno-attributes -fsyntax-only -I%t %t/variants.ormc.cpp
#pragma once
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace app {
struct [[clang::annotate("ormc:table(variants)")]] Task {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  std::string title;
  std::optional<std::int32_t> priority;
  bool done = false;
  std::vector<std::byte> attachment;
  [[clang::annotate("ormc:column(json)")]] nlohmann::json tags;
  [[clang::annotate("ormc:updated_at")]] std::chrono::system_clock::time_point touched;
  [[clang::annotate("ormc:version")]] std::int32_t version = 0;
};
struct [[clang::annotate("ormc:table")]] Plain {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};
} // namespace app

// CHECK:      #include <ormc/variants.hpp>
// CHECK:      #include <nlohmann/json_fwd.hpp>
// CHECK:      struct Task_Create {
// CHECK-NEXT:   decltype(::app::Task::title) title = ::app::Task{}.title;
// CHECK-NEXT:   decltype(::app::Task::priority) priority = ::app::Task{}.priority;
// CHECK-NEXT:   decltype(::app::Task::done) done = ::app::Task{}.done;
// CHECK-NEXT:   decltype(::app::Task::attachment) attachment = ::app::Task{}.attachment;
// CHECK-NEXT:   decltype(::app::Task::tags) tags = ::app::Task{}.tags;
// CHECK-NEXT: };
// CHECK:      struct Task_Update {
// CHECK-NEXT:   std::optional<decltype(::app::Task::title)> title{};
// CHECK-NEXT:   std::optional<decltype(::app::Task::priority)> priority{};
// CHECK-NEXT:   std::optional<decltype(::app::Task::done)> done{};
// CHECK-NEXT:   std::optional<decltype(::app::Task::attachment)> attachment{};
// CHECK-NEXT:   std::optional<decltype(::app::Task::tags)> tags{};
// CHECK-NEXT: };
// CHECK:      struct Task_Search {
// CHECK-NEXT:   ormc::Filter<decltype(::app::Task::id)> id{};
// CHECK-NEXT:   ormc::Filter<decltype(::app::Task::title)> title{};
// CHECK-NEXT:   ormc::Filter<decltype(::app::Task::priority)> priority{};
// CHECK-NEXT:   ormc::Filter<decltype(::app::Task::done)> done{};
// CHECK-NEXT:   ormc::Filter<decltype(::app::Task::touched)> touched{};
// CHECK-NEXT:   ormc::Filter<decltype(::app::Task::version)> version{};
// CHECK-NEXT: };
// CHECK-NOT:  Plain_Create
// CHECK:      struct ModelVariants<::app::Task> {
// CHECK:        static search_type search_from_json(const nlohmann::json& object);
// CHECK-NOT:  ModelVariants<::app::Plain>

// SOURCE:      #include <ormc/variants_json.hpp>
// SOURCE:      void ormc::ModelVariants<::app::Task>::apply(const update_type& changes, ::app::Task& row,
// SOURCE-NEXT:     std::vector<std::string_view>& columns) {
// SOURCE-NEXT:   if (changes.title) {
// SOURCE-NEXT:     row.title = *changes.title;
// SOURCE-NEXT:     columns.push_back(::app::Task_columns::title_::sql);
// SOURCE-NEXT:   }
// SOURCE:        query = ormc::detail::apply_filter(query, ::app::Task_::touched, search.touched, "touched");
// SOURCE:          ormc::detail::throw_unknown_search_field(name, key, {"id", "title", "priority", "done", "touched", "version"});
// SOURCE-NOT:  Plain

// IR: "accessor": "tasks",
// IR-NEXT: "variants": true,
