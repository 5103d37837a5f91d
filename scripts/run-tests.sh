#!/usr/bin/env bash
# Every test: installs dependencies, builds (ormc against LLVM 14, and again against LLVM 19),
# starts a throwaway PostgreSQL, and runs the suites in scripts/test-suites.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
cmake -S "$root" -B "$build-llvm19" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DORMC_LLVM_HINT=/usr/lib/llvm-19/lib/cmake/clang -DORMC_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build-llvm19" -j "$(nproc)" --target ormc_lit_deps
bash "$root/scripts/with-postgres.sh" bash "$root/scripts/test-suites.sh"
