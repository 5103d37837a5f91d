#!/usr/bin/env bash
# Every test: installs dependencies, builds (ormc against LLVM 19, and everything once more with
# sanitizers against LLVM 14), starts a throwaway PostgreSQL, and runs the suites in
# scripts/test-suites.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
# Everything again with AddressSanitizer and UndefinedBehaviorSanitizer (Clang 14, -O1 to keep
# the build short), plus the libFuzzer targets, with ormc built against LLVM 14: so that each
# LLVM ormc supports is built and runs the lit tests once (19 above, 14 here), without a third
# build. Not the example app (integration/examples/tasks) nor the docs examples, which the
# release build runs (the same runtime paths as the unit tests).
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE=-O1 -DCMAKE_C_FLAGS_RELEASE=-O1 -DORMC_SANITIZE=address,undefined \
  -DORMC_LLVM_VERSION=14 -DORMC_BUILD_FUZZERS=ON -DORMC_BUILD_BENCHMARKS=OFF \
  -DORMC_BUILD_EXAMPLES=OFF -DORMC_BUILD_DOCS_EXAMPLES=OFF >/dev/null
cmake --build "$build-asan" -j "$(nproc)"
bash "$root/scripts/with-postgres.sh" bash "$root/scripts/test-suites.sh"
