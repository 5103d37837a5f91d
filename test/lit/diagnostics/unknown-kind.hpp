// A misspelled kind is an error at the kind, with the nearest kind as a fix-it.
// Nothing is written when there is any error.
// RUN: rm -rf %t && not %ormc --output-dir %t %s -- %flags 2>&1 | FileCheck %s --strict-whitespace
// RUN: not ls %t
#pragma once

// CHECK: unknown-kind.hpp:[[@LINE+5]]:32: error: unknown annotation kind 'colum'; did you mean 'column'? [unknown-kind]
// Clang 17 and later put a line-number gutter before the snippet, as the compiler itself does.
// CHECK-NEXT: {{^( +[0-9]+ \| )?}}struct {{\[\[}}clang::annotate("ormc:colum")]] A { int x; };
// CHECK-NEXT: {{^( +\| )?}}                               ^~~~~
// CHECK-NEXT: {{^( +\| )?}}                               column
struct [[clang::annotate("ormc:colum")]] A { int x; };

// CHECK: unknown-kind.hpp:[[@LINE+1]]:32: error: unknown annotation kind 'frobnicate'; expected one of table, mixin, index, unique, many_to_many, id, column, ignore, belongs_to, references, partition, created_at, updated_at, soft_delete, version, tenant, vector, hook, schema [unknown-kind]
struct [[clang::annotate("ormc:frobnicate")]] B { int x; };
