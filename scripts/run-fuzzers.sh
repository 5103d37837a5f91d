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
# One target per core at a time: each runs its full time, and the run takes less wall time.
fuzz() {
  local target=$1 scratch corpus="$root/test/fuzz/corpus/$1"
  scratch=$(mktemp -d /tmp/ormc-fuzz.XXXXXX)
  {
    echo "== fuzz $target for ${seconds}s (seeds: ${corpus#$root/})"
    if "$build/bin/ormc_fuzz_$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
      "$scratch" "$corpus" >"$scratch.log" 2>&1; then
      grep -E "^Done|stat::peak_rss_mb" "$scratch.log" | sed 's/^/   /'
    else
      tail -n 40 "$scratch.log"
      echo "FAIL: $target found a crash; input kept in $artifacts"
      touch "$artifacts/$target.failed"
    fi
  } >"$artifacts/$target.report"
  rm -rf "$scratch" "$scratch.log"
}
targets=(annotation_parser ir_reader emitters)
rm -f "$artifacts"/*.failed
running=0
for target in "${targets[@]}"; do
  fuzz "$target" &
  running=$((running + 1))
  if ((running >= $(nproc))); then
    wait -n
    running=$((running - 1))
  fi
done
wait
status=0
for target in "${targets[@]}"; do
  cat "$artifacts/$target.report"
  [[ ! -e "$artifacts/$target.failed" ]] || status=1
done
exit $status
