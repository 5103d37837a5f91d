#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what ormc needs, build it, and run the
# example application on an embedded SQLite file (build/tasks.db), printing what it does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ORMC_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
cd "$build"
./integration/examples/tasks/tasks_example "sqlite:$build/tasks.db"
