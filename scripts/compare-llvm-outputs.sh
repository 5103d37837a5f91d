#!/usr/bin/env bash
# Runs two ormc binaries (built against different LLVM versions) on the same model headers and
# fails unless every output — schema.json, the DDL, the generated C++ — is byte for byte the
# same: a fragment or snapshot must not depend on the LLVM a build used.
#   scripts/compare-llvm-outputs.sh <ormc A> <ormc B>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/ormc-llvm-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$1" --version | sed -n 2p
"$2" --version | sed -n 2p
headers=("$root"/test/unit/models/*.hpp)
flags=(-std=c++20 -I"$root/annotations" -I"$root/runtime/include" -I"$root/sql/include")
for i in 1 2; do
  tool=${!i}
  "$tool" --output-dir "$work/out$i" "${headers[@]}" -- "${flags[@]}"
  "$tool" --fragment "$work/out$i.fragment.json" "${headers[@]}" -- "${flags[@]}"
done
diff -r "$work/out1" "$work/out2"
diff "$work/out1.fragment.json" "$work/out2.fragment.json"
echo "same output from both (${#headers[@]} model headers)"
