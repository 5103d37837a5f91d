#!/usr/bin/env bash
# Every test: installs dependencies, builds, and runs the lit tests of the tool, the runtime's
# GoogleTest suite and the example, through ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
cd "$build"
bash "$root/scripts/with-postgres.sh" ctest --output-on-failure -j "$(nproc)"
