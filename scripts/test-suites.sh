#!/usr/bin/env bash
# The test suites, run by scripts/run-tests.sh inside scripts/with-postgres.sh: the tool's lit
# tests with ormc built against LLVM 19, the fuzzers for a bounded time, everything under the
# sanitizers, then everything (lit with LLVM 14, GoogleTest on both backends, docs examples, the
# example apps, the installed package, the benchmark smoke run) through ctest, whose summary
# closes the output.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
status=0
echo "== lit tests, ormc built against LLVM 14"
python3 /usr/lib/llvm-14/build/utils/lit/lit.py -s "$build-llvm14/test/lit" || status=1
echo "== the IR those tests wrote, against its published JSON Schema"
python3 "$root/scripts/check-ir-schema.py" "$build-llvm14/test/lit" "$root/test/lit/Inputs" ||
  status=1
echo "== the output does not depend on the LLVM ormc was built against"
bash "$root/scripts/compare-llvm-outputs.sh" "$build/bin/ormc" "$build-llvm14/bin/ormc" || status=1
echo "== fuzzers, ${ORMC_FUZZ_SECONDS:-30}s each"
bash "$root/scripts/run-fuzzers.sh" "$build-asan" "${ORMC_FUZZ_SECONDS:-30}" || status=1
echo "== ctest under AddressSanitizer and UndefinedBehaviorSanitizer"
(cd "$build-asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  LSAN_OPTIONS=suppressions=$root/test/sanitizers/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$(nproc)") ||
  status=1
# lit is not run again here: it ran above against LLVM 14 and, under the sanitizers, against the
# same LLVM 19 as this build (its llvm-version test checks which), and this build's ormc writes
# byte for byte what the LLVM 14 one does (compare-llvm-outputs.sh). Running it a third time
# cost about 5 of CI's minutes.
echo "== ctest (lit excepted: see above)"
(cd "$build" && ctest --output-on-failure -j "$(nproc)" -E '^(lit|ir[.]schema)$') || status=1
exit $status
