# lit configuration for ormc's tool tests. Run through ctest, or directly:
#   python3 /usr/lib/llvm-14/build/utils/lit/lit.py -sv build/test/lit
import os
import lit.formats

config.name = "ormc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".hpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)

# Options every test passes after `--`: C++20 and the annotation macros.
flags = "-std=c++20 -I" + config.annotations_include
config.substitutions.append(("%ormc", config.ormc))
config.substitutions.append(("%flags", flags))
config.substitutions.append(("%{llvm_major}", config.llvm_major_requested))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%sqlite3", config.sqlite3))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%protoc", config.protoc))
config.substitutions.append(("%{annotations}", config.annotations_include))
# The runtime's public headers (ormc/decimal.hpp, ormc/json.hpp), for models that use its types.
config.substitutions.append(("%{runtime-include}", config.runtime_include))
# Generated code must compile warning-free with both compilers.
strict = "-std=c++20 -Wall -Wextra -Werror -fsyntax-only -I" + config.annotations_include + \
    " -I" + config.runtime_include + " -I" + config.sql_include
# Precompiled headers of generated code, for tests that compile it many times: the same flags,
# building rather than checking. GCC finds <header>.gch beside an -include'd header; Clang takes
# -include-pch <file>. -Winvalid-pch (an error with -Werror) says when one would not be used.
pch = strict.replace("-fsyntax-only", "-Winvalid-pch -x c++-header")
config.substitutions.append(("%cxx-pch", config.cxx + " " + pch))
config.substitutions.append(("%clangxx-pch", config.clangxx + " " + pch))
config.substitutions.append(("%cxx-strict", config.cxx + " " + strict))
config.substitutions.append(("%clangxx-strict", config.clangxx + " " + strict))
# Programs that run: the same warnings; %{runtime-libs} goes after the sources.
build = strict.replace("-fsyntax-only", "") + " " + config.sanitizer_flags
config.substitutions.append(("%{cxx-link}", config.cxx + " " + build))
config.substitutions.append(("%{clangxx-link}", config.clangxx + " " + build))
config.substitutions.append(("%{runtime-libs}", config.runtime_link))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("not ", config.not_tool + " "))
config.environment["NO_COLOR"] = "1"
# Under the sanitizers, no leak check at exit: ormc is a one-shot Clang program that leaves its
# memory to the exit as Clang does, and the check took a third of lit's time. The runtime's
# tests, which run in long-lived programs, keep it.
if config.sanitizer_flags:
    config.environment["ASAN_OPTIONS"] = os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0"

# Tests that load DDL into a real PostgreSQL server need its URL. scripts/run-tests.sh starts a
# throwaway server and sets it; in CI its absence is an error, never a skip.
postgres_url = os.environ.get("ORMC_TEST_POSTGRES_URL")
if postgres_url:
    config.available_features.add("postgres")
    config.environment["ORMC_TEST_POSTGRES_URL"] = postgres_url
    config.substitutions.append(("%{postgres_url}", postgres_url))
    config.substitutions.append(("%psql", "psql -X -q -v ON_ERROR_STOP=1 -d " + postgres_url))
elif os.environ.get("CI"):
    lit_config.fatal("ORMC_TEST_POSTGRES_URL is not set; CI must run the PostgreSQL tests")
else:
    lit_config.warning("ORMC_TEST_POSTGRES_URL is not set: PostgreSQL tests are skipped")
