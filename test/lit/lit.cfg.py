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
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%sqlite3", config.sqlite3))
config.substitutions.append(("%{annotations}", config.annotations_include))
# Generated code must compile warning-free with both compilers.
strict = "-std=c++20 -Wall -Wextra -Werror -fsyntax-only -I" + config.annotations_include + \
    " -I" + config.runtime_include
config.substitutions.append(("%cxx-strict", config.cxx + " " + strict))
config.substitutions.append(("%clangxx-strict", config.clangxx + " " + strict))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("not ", config.not_tool + " "))
config.environment["NO_COLOR"] = "1"
