#!/usr/bin/env bash
# run-cases.sh <sqlite|postgresql> <work dir> <ormc> <apply> <flags...>
#
# Every directory beside this script is one migration case, before/after:
#   before.hpp, after.hpp       the models of version 1 and version 2
#   expected.<dialect>.sql      migration 2 as ormc must write it (without its first line,
#                               which names the ormc version)
#   setup.<dialect>.sql         (optional) run on the new database before version 1
#   seed.sql                    rows written at version 1
#   check.sql, expected.rows    a query run after migrating, and its exact output ('|' between
#                               columns, as sqlite3 and psql -At print it); check.<dialect>.sql
#                               and expected.<dialect>.rows, where present, for that dialect
#   violate.sql (optional)      statements version 2's constraints must refuse
#   expect-failure[.<dialect>]  (optional) text the failed migration's error contains; the
#                               database must then still be at version 1 with its rows (check.sql)
#   resume.<dialect>.sql        (optional, with expect-failure) the failure is in an online step,
#                               after the migration committed: a second run fails the same way,
#                               and after resume.<dialect>.sql fixes the rows, a third finishes
#   flags (optional)            more ormc options for version 2, such as --allow-data-loss
#   expected.<dialect>.down.sql migration 2's down migration as ormc must write it; after
#                               migrating, migrate_down() to version 1 must leave exactly
#                               before.hpp's schema (ormc --check-db), and migrating up again
#                               the same rows (check.sql's SELECTs, run before it)
#   down-refused                instead: no down migration, ormc saying why (this text)
# PostgreSQL cases run in a database of their own on $ORMC_TEST_POSTGRES_URL's server.
# ORMC_UPDATE_FIXTURES=1 rewrites expected.*.sql and expected.rows from this run instead.
set -uo pipefail
dialect=$1 work=$2 ormc=$3 apply=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
failed=0
fail() {
  echo "FAIL $case: $*"
  failed=1 case_failed=1
}

run_sql() { # run_sql <database> <file>: the file's statements, output as 'a|b' lines
  if [ "$dialect" = sqlite ]; then
    sqlite3 -bail -batch "$1" < "$2"
  else
    psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -f "$2"
  fi
}

for dir in "$here"/*/; do
  case=$(basename "$dir") case_failed=0
  out="$work/$case"
  rm -rf "$out" && mkdir -p "$out"
  if [ "$dialect" = sqlite ]; then
    url="sqlite:$out/case.db" target="$out/case.db"
  else
    name="ormc_migration_case_$case"
    PGOPTIONS=--client-min-messages=warning psql -X -q -d "$ORMC_TEST_POSTGRES_URL" \
      -c "DROP DATABASE IF EXISTS \"$name\"" -c "CREATE DATABASE \"$name\"" ||
      { fail "cannot create database $name"; continue; }
    url="${ORMC_TEST_POSTGRES_URL%/*}/$name" target=$url
  fi
  cp "$dir/before.hpp" "$out/models.hpp"
  "$ormc" --migrations-dir "$out/db" --migration-name before "$out/models.hpp" -- "$@" > "$out/log" 2>&1 ||
    { fail "ormc on before.hpp: $(cat "$out/log")"; continue; }
  cp -r "$out/db" "$out/v1"
  cp "$dir/after.hpp" "$out/models.hpp"
  extra=()
  [ -f "$dir/flags" ] && read -r -a extra < "$dir/flags"
  "$ormc" --migrations-dir "$out/db" --migration-name change "${extra[@]}" "$out/models.hpp" -- "$@" > "$out/log" 2>&1 ||
    { fail "ormc on after.hpp: $(cat "$out/log")"; continue; }
  written="$out/db/0002_change.$dialect.sql"
  [ -f "$written" ] || { fail "no migration 2 written: $(cat "$out/log")"; continue; }
  tail -n +2 "$written" > "$out/migration.sql"
  if [ "${ORMC_UPDATE_FIXTURES:-}" = 1 ]; then
    cp "$out/migration.sql" "$dir/expected.$dialect.sql"
  elif ! diff -u "$dir/expected.$dialect.sql" "$out/migration.sql" > "$out/sql.diff"; then
    fail "migration 2 differs from expected.$dialect.sql:"; cat "$out/sql.diff"
  fi

  down="$out/db/0002_change.$dialect.down.sql"
  if [ -f "$dir/down-refused" ]; then
    [ -f "$down" ] && fail "a down migration was written; expected none: $(cat "$dir/down-refused")"
    grep -qF -- "no down migration: $(cat "$dir/down-refused")" "$out/log" ||
      fail "ormc did not say why there is no down migration: $(cat "$out/log")"
  elif [ ! -f "$down" ]; then
    fail "no down migration written: $(cat "$out/log")"
  else
    tail -n +2 "$down" > "$out/down.sql"
    if [ "${ORMC_UPDATE_FIXTURES:-}" = 1 ]; then
      cp "$out/down.sql" "$dir/expected.$dialect.down.sql"
    elif ! diff -u "$dir/expected.$dialect.down.sql" "$out/down.sql" > "$out/down.diff"; then
      fail "the down migration differs from expected.$dialect.down.sql:"; cat "$out/down.diff"
    fi
  fi

  check="$dir/check.$dialect.sql"
  [ -f "$check" ] || check="$dir/check.sql"
  rows="$dir/expected.$dialect.rows"
  [ -f "$rows" ] || rows="$dir/expected.rows"
  if [ -f "$dir/setup.$dialect.sql" ]; then
    run_sql "$target" "$dir/setup.$dialect.sql" > /dev/null || { fail "setup.$dialect.sql"; continue; }
  fi
  "$apply" "$url" "$out/v1" > "$out/apply1" || { fail "version 1: $(cat "$out/apply1")"; continue; }
  run_sql "$target" "$dir/seed.sql" > /dev/null || { fail "seed.sql"; continue; }
  "$apply" "$url" "$out/db" > "$out/apply2"
  status=$?
  failure="$dir/expect-failure.$dialect"
  [ -f "$failure" ] || failure="$dir/expect-failure"
  resume="$dir/resume.$dialect.sql"
  if [ -f "$failure" ]; then
    expected=$(cat "$failure")
    [ $status -ne 0 ] || fail "migration 2 applied; expected it to fail with: $expected"
    grep -qF -- "$expected" "$out/apply2" || fail "the error lacks '$expected': $(cat "$out/apply2")"
    if [ -f "$resume" ]; then
      "$apply" "$url" "$out/db" > "$out/apply3" && fail "the second run finished the online step"
      grep -qF -- "$expected" "$out/apply3" || fail "the second run: $(cat "$out/apply3")"
      run_sql "$target" "$resume" > /dev/null || fail "resume.$dialect.sql"
      "$apply" "$url" "$out/db" | grep -qx "version 2" || fail "the third run did not finish"
    else
      "$apply" "$url" "$out/v1" | grep -qx "version 1" || fail "the database is not at version 1"
    fi
  else
    [ $status -eq 0 ] || { fail "migration 2: $(cat "$out/apply2")"; continue; }
  fi
  if [ -f "$down" ] && [ ! -f "$failure" ]; then
    # Down to version 1: exactly version 1's schema; up again: the same rows, as check.sql's
    # queries read them (before its statements that write).
    grep -E '^SELECT' "$check" > "$out/selects.sql"
    run_sql "$target" "$out/selects.sql" > "$out/rows-before-down" 2>&1 || fail "selects"
    "$apply" "$url" "$out/db" 1 > "$out/down1" && grep -qx "version 1" "$out/down1" ||
      fail "migrate_down to version 1: $(cat "$out/down1")"
    "$ormc" --check-db "$url" "$dir/before.hpp" -- "$@" > "$out/drift" 2>&1 ||
      fail "after migrate_down the database is not before.hpp's: $(cat "$out/drift")"
    "$apply" "$url" "$out/db" | grep -qx "version 2" || fail "migrating up again failed"
    run_sql "$target" "$out/selects.sql" > "$out/rows-again" 2>&1 || fail "selects again"
    diff -u "$out/rows-before-down" "$out/rows-again" > "$out/rows-again.diff" ||
      { fail "rows after down and up again differ:"; cat "$out/rows-again.diff"; }
  fi
  run_sql "$target" "$check" > "$out/rows" 2>&1 || fail "$(basename "$check"): $(cat "$out/rows")"
  if [ "${ORMC_UPDATE_FIXTURES:-}" = 1 ] && { [ "$dialect" = sqlite ] || [ "$rows" != "$dir/expected.rows" ]; }; then
    cp "$out/rows" "$rows"
  elif ! diff -u "$rows" "$out/rows" > "$out/rows.diff"; then
    fail "rows after migrating differ from expected.rows:"; cat "$out/rows.diff"
  fi
  if [ -f "$dir/violate.sql" ]; then
    while IFS= read -r statement; do
      [ -n "$statement" ] || continue
      # sqlite3 enforces foreign keys only when asked, as ormc's runtime asks.
      [ "$dialect" = sqlite ] && statement="PRAGMA foreign_keys = ON; $statement"
      printf '%s\n' "$statement" > "$out/violation.sql"
      if run_sql "$target" "$out/violation.sql" > "$out/violation.out" 2>&1; then
        fail "version 2 accepted: $statement"
      fi
    done < "$dir/violate.sql"
  fi
  if [ "$dialect" = postgresql ]; then
    psql -X -q -d "$ORMC_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS \"$name\"" > /dev/null
  fi
  [ $case_failed = 1 ] || echo "ok $case"
done
exit $failed
