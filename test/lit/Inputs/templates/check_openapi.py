"""Reads the OpenAPI document docs/templates/openapi.yaml.mustache wrote for library.hpp and
holds rows to its Book schema (OpenAPI 3.1's schemas are JSON Schema 2020-12), printing what
each row gives, for FileCheck.

usage: check_openapi.py <openapi.yaml>
"""
import sys

import jsonschema
import yaml

with open(sys.argv[1]) as f:
    document = yaml.safe_load(f)
print("openapi", document["openapi"], "schemas", sorted(document["components"]["schemas"]))
book = document["components"]["schemas"]["Book"]
jsonschema.Draft202012Validator.check_schema(book)
validator = jsonschema.Draft202012Validator(book, format_checker=jsonschema.FormatChecker())

good = {
    "id": 1, "title": "Dune", "shelf_id": "3f1c1a4e-8a63-4d5c-9b7e-0c1d2e3f4a5b",
    "condition": "null", "last_condition": None, "price": "12.50", "cover": None,
    "added": "2024-02-29T12:00:00Z", "loan_period": 1209600, "available": True, "rating": 4.5,
    "details": {"isbn": "978-0441013593"}, "embedding": [0.1, 0.2, 0.3],
}
rows = {
    "good": good,
    "a missing member": {k: v for k, v in good.items() if k != "title"},
    "an unknown member": {**good, "pages": 412},
    "a condition that is no enumerator": {**good, "condition": "torn"},
    "NULL in a member that is not optional": {**good, "title": None},
    "three fraction digits in a decimal(8, 2)": {**good, "price": "12.505"},
    "an embedding of 2 values": {**good, "embedding": [0.1, 0.2]},
    "a text in an integer": {**good, "loan_period": "14 days"},
}
for name, row in rows.items():
    errors = sorted(e.message for e in validator.iter_errors(row))
    print(f"{name}: {'valid' if not errors else 'invalid: ' + errors[0]}")
