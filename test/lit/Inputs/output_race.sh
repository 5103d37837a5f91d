#!/usr/bin/env bash
# Runs ormc twice at once, on two different model headers, into one output directory, five
# times; fails unless every time the files left there all come from the same run.
#   output_race.sh <ormc> <header A> <header B> <output dir> -- <flags...>
set -euo pipefail
ormc=$1 a=$2 b=$3 out=$4
shift 5
for i in 1 2 3 4 5; do
  "$ormc" --output-dir "$out" --schema-name=s "$a" -- "$@" &
  "$ormc" --output-dir "$out" --schema-name=s "$b" -- "$@"
  wait
  # A's table is "chore", B's is "task": the snapshot and the DDL must agree on which won.
  in_json=$(grep -c '"chore"' "$out/s.json" || true)
  in_sql=$(grep -c 'TABLE IF NOT EXISTS "chore"' "$out/s.sqlite.sql" || true)
  if [[ "$in_json" != "$in_sql" ]]; then
    echo "round $i: schema.json and the SQLite DDL come from different runs" >&2
    exit 1
  fi
done
echo "consistent"
