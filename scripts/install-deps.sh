#!/usr/bin/env bash
# Installs the Debian 12 packages ormc needs to build and test. Idempotent: packages already
# present are skipped, so a second run costs one dpkg query and nothing else.
set -euo pipefail

packages=(
  cmake ninja-build make g++ clang-14 llvm-14-dev libclang-14-dev libclang-cpp14-dev
  libsqlite3-dev sqlite3 libpqxx-dev libpq-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 python3
  # scripts/check-ir-schema.py: the IR's published JSON Schema (docs/ir.md)
  python3-jsonschema
  # The Python target's PostgreSQL driver (psycopg 3), for its end-to-end tests (docs/python.md)
  python3-psycopg
  # ormc --template: Debian's Mustache library (docs/templates.md)
  libmstch-dev
  # test/lit/templates.test compiles the sample protobuf template's output and reads the
  # OpenAPI one as YAML
  protobuf-compiler python3-yaml
  # The tool builds against LLVM 19 by default and against 14 (see tool/lib/compat/ClangCompat.h);
  # the tests cover both.
  # ClangConfig.cmake for 19 needs the clang-19 package (its targets name clang-19's binaries).
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
