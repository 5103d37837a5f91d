#!/usr/bin/env bash
# Configures and builds ormc into build/ (or $ORMC_BUILD_DIR). Used by the other scripts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"
