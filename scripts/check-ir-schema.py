#!/usr/bin/env python3
"""Checks every ormc IR document under the given directories against the published contract,
docs/ir/ormc-ir.schema.json (JSON Schema 2020-12).

An IR document is a .json file whose top level has "ormc_ir_version". Documents of another
major version are counted and left alone (the schema is major 2's); files named *.invalid.json
are tests' deliberately broken inputs. Any other document that is not valid JSON or breaks the
schema fails the check, naming the file and the JSON path. Finding no document at all fails
too: a check that saw nothing has checked nothing.

    python3 scripts/check-ir-schema.py build/test/lit test/lit/Inputs
"""
import json
import os
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "docs", "ir", "ormc-ir.schema.json")


def documents(directories):
    for directory in directories:
        for parent, _, files in os.walk(directory):
            for name in sorted(files):
                if name.endswith(".json") and not name.endswith(".invalid.json"):
                    yield os.path.join(parent, name)


def main(directories):
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    major = schema["properties"]["ormc_ir_version"]["const"]
    checked, other_major, failures = 0, 0, []
    for path in documents(directories):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if '"ormc_ir_version"' not in text:
            continue
        try:
            document = json.loads(text)
        except ValueError as error:
            failures.append(f"{path}: not valid JSON: {error}")
            continue
        if not isinstance(document, dict) or "ormc_ir_version" not in document:
            continue
        if document["ormc_ir_version"] != major:
            other_major += 1
            continue
        checked += 1
        for error in sorted(validator.iter_errors(document), key=lambda e: e.json_path)[:5]:
            failures.append(f"{path}: {error.json_path}: {error.message}")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"check-ir-schema: {checked} IR {major} documents checked, {len(failures)} problems, "
          f"{other_major} of another major version left alone")
    if checked == 0:
        print("check-ir-schema: no IR document found; run the lit tests first", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
