#!/usr/bin/env bash
# The test suites, run by scripts/run-tests.sh inside scripts/with-postgres.sh: the tool's lit
# tests with ormc built against LLVM 19, then everything (lit with LLVM 14, GoogleTest on both
# backends, docs examples, the example app) through ctest, whose summary closes the output.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
status=0
echo "== lit tests, ormc built against LLVM 19"
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -s "$build-llvm19/test/lit" || status=1
echo "== ctest"
(cd "$build" && ctest --output-on-failure -j "$(nproc)") || status=1
exit $status
