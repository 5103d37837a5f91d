#!/usr/bin/env bash
# The test suites, run by scripts/run-tests.sh inside scripts/with-postgres.sh: that the two
# builds' ormc (LLVM 19, and LLVM 14 under the sanitizers) write the same output, the fuzzers for
# a bounded time, everything under the sanitizers (lit with LLVM 14 among it), then everything
# through ctest in the release build (lit with LLVM 19, GoogleTest on both backends, docs
# examples, the example apps, the installed package, the benchmark smoke run), whose summary
# closes the output.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
status=0
echo "== the output does not depend on the LLVM ormc was built against"
ASAN_OPTIONS=detect_leaks=0 bash "$root/scripts/compare-llvm-outputs.sh" "$build/bin/ormc" \
  "$build-asan/bin/ormc" || status=1
echo "== fuzzers, ${ORMC_FUZZ_SECONDS:-30}s each"
bash "$root/scripts/run-fuzzers.sh" "$build-asan" "${ORMC_FUZZ_SECONDS:-30}" || status=1
echo "== ctest under AddressSanitizer and UndefinedBehaviorSanitizer (lit: ormc with LLVM 14)"
(cd "$build-asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  LSAN_OPTIONS=suppressions=$root/test/sanitizers/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$(nproc)") ||
  status=1
echo "== ctest (lit: ormc with LLVM 19)"
(cd "$build" && ctest --output-on-failure -j "$(nproc)") || status=1
exit $status
