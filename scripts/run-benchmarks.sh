#!/usr/bin/env bash
# Builds and runs the benchmarks (bench/) against a throwaway PostgreSQL server, and writes each
# run's JSON and text to bench/results/. Ratios to the hand-written baselines of the same run are
# printed at the end of each; bench/RESULTS.md records them with the machine.
#   scripts/run-benchmarks.sh   (sizes: ORMC_BENCH_SQLITE_ROWS, ORMC_BENCH_POSTGRES_ROWS, ...)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
mkdir -p "$root/bench/results"
run() {
  local name=$1
  shift
  "$@" --benchmark_color=false --benchmark_out="$root/bench/results/$name.json" \
    --benchmark_out_format=json | tee "$root/bench/results/$name.txt"
}
export -f run
export root
bash "$root/scripts/with-postgres.sh" bash -c \
  "run persistence '$build/bench/ormc_persistence_bench' && run vector '$build/bench/ormc_vector_bench' && run history '$build/bench/ormc_history_bench' && run row_tenant '$build/bench/ormc_row_tenant_bench' && run partition '$build/bench/ormc_partition_bench' && run tool '$build/bench/ormc_tool_bench'"
# The replica benchmark needs a primary and its streaming standby.
bash "$root/scripts/with-postgres.sh" --standby bash -c "run replica '$build/bench/ormc_replica_bench'"
"$build/bench/ormc_sqlite_contention_bench" | tee "$root/bench/results/sqlite_contention.txt"
