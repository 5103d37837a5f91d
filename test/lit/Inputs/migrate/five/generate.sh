#!/usr/bin/env bash
# generate.sh <dir> <ormc> <flags...>: writes the five versions' migrations into <dir>/db, copies
# the directory as ormc left it after each version into <dir>/after<N>, and version 5's code
# into <dir>/gen.
set -euo pipefail
dir=$1 ormc=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
names=(books pages_and_notes authors rename_title rating_no_notes)
rm -rf "$dir" && mkdir -p "$dir"
for v in 1 2 3 4 5; do
  cp "$here/v$v.hpp" "$dir/models.hpp"
  extra=()
  [ "$v" = 5 ] && extra=(--allow-data-loss --output-dir "$dir/gen")
  "$ormc" --migrations-dir "$dir/db" --migration-name "${names[$((v - 1))]}" "${extra[@]}" \
    "$dir/models.hpp" -- "$@"
  cp -r "$dir/db" "$dir/after$v"
done
