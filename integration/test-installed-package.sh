#!/usr/bin/env bash
# Installs ormc from a build tree into a fresh prefix and builds integration/examples/installed
# against it with Ninja and with Make, as a user would. Then checks the pre-build step is
# incremental: nothing reruns ormc but a change to what the model headers include.
#   integration/test-installed-package.sh <ormc build dir>
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/ormc-package.XXXXXX)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
cmake --install "$build" --prefix "$work/prefix" >/dev/null
for file in bin/ormc include/ormc/ormc.hpp include/ormc/annotations.hpp \
  lib/cmake/ormc/ormcConfig.cmake lib/cmake/ormc/OrmcGenerate.cmake; do
  [ -e "$work/prefix/$file" ] || fail "the install has no $file"
done

for generator in Ninja "Unix Makefiles"; do
  echo "== $generator"
  src="$work/src-${generator// /-}"
  bin="$work/build-${generator// /-}"
  cp -r "$root/integration/examples/installed" "$src"
  cmake -S "$src" -B "$bin" -G "$generator" -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCMAKE_BUILD_TYPE=Release >/dev/null
  build_log() {
    cmake --build "$bin" -j 2 >"$work/log" 2>&1 || { cat "$work/log"; fail "$generator build failed"; }
  }

  build_log
  grep -q "isbn" "$bin/catalog_ormc/books.ormc.hpp" || fail "ormc did not see the target's definitions"
  out=$("$bin/library" "sqlite:$bin/library.db")
  echo "$out"
  grep -q "loan #1: book #1 to ada, deposit 599 cents" <<<"$out" || fail "unexpected output"

  build_log
  ! grep -q "ormc:" "$work/log" || fail "a no-op build reran ormc"

  touch "$src/main.cpp" "$src/shelf.hpp"
  build_log
  ! grep -q "ormc:" "$work/log" || fail "editing main.cpp or shelf.hpp reran ormc"
  grep -q "main.cpp" "$work/log" || fail "editing main.cpp did not recompile it"

  # money.hpp is included by the model headers only through other headers: the depfile knows.
  echo "// edited" >>"$src/models/money.hpp"
  build_log
  grep -q "ormc: generating persistence code for catalog" "$work/log" ||
    fail "editing a header the models include did not rerun ormc"

  # A new column: regenerated, recompiled, and the program sees it.
  sed -i 's/  Cents price = 0;/  Cents price = 0;\n  std::string shelf;/' "$src/models/books.hpp"
  build_log
  grep -q "shelf" "$bin/catalog_ormc/books.ormc.hpp" || fail "the new column was not generated"
  "$bin/library" "sqlite:$bin/fresh.db" >/dev/null || fail "the rebuilt program failed"
  echo "ok: $generator"
done
