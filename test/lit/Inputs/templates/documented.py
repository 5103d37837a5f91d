"""Checks that docs/templates.md documents every field of the template data, and no field the
data does not have. Reads `ormc --emit=template-data` on stdin.

usage: ormc --emit=template-data ... | documented.py docs/templates.md
"""
import json
import re
import sys


KINDS = ("bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float double string bytes "
         "timestamp uuid date duration decimal json vector").split()


def documented_as(path):
    """The name docs/templates.md gives a field: lists without [], a key's fields as columns',
    each list's positions once (*.first), and one row for the flags of each IR kind."""
    path = path.replace("[]", "")
    if path.startswith("models.key."):
        path = "models.columns." + path[len("models.key."):]
    field = path.rsplit(".", 1)[-1]
    if "." in path and field in ("first", "last", "index", "number"):
        return "*." + field
    if field in ("is_" + kind for kind in KINDS):
        return path.rsplit(".", 1)[0] + ".is_<kind>"
    return path


def paths(value, prefix, out):
    for name, item in value.items():
        path = f"{prefix}.{name}" if prefix else name
        out.add(documented_as(path))
        if isinstance(item, list):
            for element in item:
                paths(element, path + "[]", out)


data_fields = set()
paths(json.load(sys.stdin), "", data_fields)
with open(sys.argv[1]) as f:
    documented = set(re.findall(r"^\| `([a-z_*<>.]+)` \|", f.read(), re.MULTILINE))
for field in sorted(data_fields - documented):
    print("not documented:", field)
for field in sorted(documented - data_fields):
    print("documented but not in the data:", field)
print(f"{len(data_fields)} fields, {len(documented)} documented")
