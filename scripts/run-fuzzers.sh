#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time, starting from the committed seed corpus
# (test/fuzz/corpus/<target>/, which also keeps every crash ever found as a regression input).
# New interesting inputs go to a temporary directory; a crash fails the run and is left in
# build dir/fuzz-artifacts/ to be fixed and then added to the corpus.
#   scripts/run-fuzzers.sh <build dir with -DORMC_BUILD_FUZZERS=ON> [seconds per target]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
seconds=${2:-60}
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
status=0
for target in annotation_parser ir_reader emitters; do
  corpus="$root/test/fuzz/corpus/$target"
  scratch=$(mktemp -d /tmp/ormc-fuzz.XXXXXX)
  echo "== fuzz $target for ${seconds}s (seeds: ${corpus#$root/})"
  if "$build/bin/ormc_fuzz_$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
    "$scratch" "$corpus" >"$scratch.log" 2>&1; then
    grep -E "^Done|stat::peak_rss_mb" "$scratch.log" | sed 's/^/   /'
  else
    tail -n 40 "$scratch.log"
    echo "FAIL: $target found a crash; input kept in $artifacts" >&2
    status=1
  fi
  rm -rf "$scratch" "$scratch.log"
done
exit $status
