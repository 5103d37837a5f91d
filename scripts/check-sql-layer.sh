#!/usr/bin/env bash
# Checks that SQL text is made in the SQL layer (sql/) only, and that code outside it asks which
# dialect it runs on only in the files docs/architecture.md lists for adding a dialect. Fails,
# naming each line, when either is broken. Run by ctest (sql_layer_boundary).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
status=0

# Code outside the layer: the tool, the runtime's shared code, the public headers. Each
# backend's folder (runtime/src/sqlite/, runtime/src/postgres/) binds and reads its own way.
files=$(git ls-files tool/lib tool/driver runtime/include runtime/src |
  grep -E '\.(cpp|hpp|h)$' | grep -vE '^runtime/src/(sqlite|postgres)/' || true)
# More files to check, for the script's own test (test/sql-layer/violations.cpp must fail).
files="$files ${CHECK_SQL_LAYER_ALSO:-}"

# 1. Statement text: a string literal holding a keyword that starts or shapes a statement.
keywords='SELECT|INSERT INTO|UPDATE [^"]* SET|DELETE FROM|CREATE (TABLE|INDEX|SCHEMA)|ALTER TABLE|DROP (TABLE|CONSTRAINT)|WHERE|ORDER BY|LIMIT|OFFSET|ON CONFLICT|RETURNING|COPY|PRAGMA|SAVEPOINT|RELEASE|ROLLBACK TO|EXCLUDED|json_each|ANY\('
# 2. Placeholders and quoting: "?1", "$1", "$" + n, a quote character appended by hand.
syntax='"[^"]*[?$][0-9]|"\$" *\+|\+= *'"'(\"|\\\\'')'"
for f in $files; do
  # Lines that are comments, or the tool's generated C++ text (it prints code, not SQL), pass.
  if hits=$(grep -nE "\"[^\"]*\\b($keywords)\\b|$syntax" "$f" |
    grep -vE '^[0-9]+:\s*(//|/?\*)' || true) && [ -n "$hits" ]; then
    while IFS= read -r line; do
      echo "$f:$line: SQL text outside the SQL layer (sql/)" >&2
    done <<<"$hits"
    status=1
  fi
done

# 3. Dialect branches: only these files may name a dialect's enumerator (docs/architecture.md,
# "Adding a dialect").
allowed='^(runtime/src/database\.cpp|runtime/include/ormc/database\.hpp|runtime/src/database_url\.cpp|runtime/src/error\.cpp|runtime/src/pool\.cpp|runtime/include/ormc/(sqlite|postgres)/connection\.hpp|runtime/src/table_ops\.cpp|runtime/include/ormc/related\.hpp|tool/lib/driver/Pipeline\.cpp|tool/lib/live/LiveDatabase\.cpp)$'
for f in $files; do
  [[ $f =~ $allowed ]] && continue
  if hits=$(grep -nE 'Dialect::(sqlite|postgresql)' "$f" | grep -vE '^[0-9]+:\s*//' || true) &&
    [ -n "$hits" ]; then
    while IFS= read -r line; do
      echo "$f:$line: a dialect branch outside the files a new dialect touches" >&2
    done <<<"$hits"
    status=1
  fi
done

[ $status -eq 0 ] && echo "SQL layer boundary: ok ($(wc -w <<<"$files") files checked)"
exit $status
