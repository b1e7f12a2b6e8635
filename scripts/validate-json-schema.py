#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema: journeys against schema/journey.schema.json
(draft 2020-12), SARIF reports against the SARIF 2.1.0 schema (draft 04). The draft is
taken from the schema's "$schema"; draft 2020-12 when it names none.

Usage: python3 scripts/validate-json-schema.py SCHEMA FILE...

Prints "PATH: ok" for every valid file and "PATH: JSON-PATH: message" for
every schema error. Exit status: 0 when every file is valid, 1 when a file is
invalid or cannot be read, 2 on a usage error or an invalid schema, 3 when the
`jsonschema` package is not installed (pip install jsonschema).
"""

import json
import sys


def json_path(parts):
    """Render an error's absolute path as a JSONPath such as $.stages[0].id."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return out


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import jsonschema
        from jsonschema import Draft202012Validator
    except ImportError:
        print("error: the Python package 'jsonschema' is not installed; "
              "install it with 'python3 -m pip install jsonschema' "
              "or 'apt-get install python3-jsonschema'", file=sys.stderr)
        return 3

    schema_path, files = argv[1], argv[2:]
    try:
        schema = load_json(schema_path)
        validator_class = jsonschema.validators.validator_for(schema, default=Draft202012Validator)
        validator_class.check_schema(schema)
    except (OSError, ValueError) as e:
        print(f"{schema_path}: cannot read the schema: {e}", file=sys.stderr)
        return 2
    except jsonschema.exceptions.SchemaError as e:
        print(f"{schema_path}: invalid schema at {json_path(e.absolute_path)}: {e.message}",
              file=sys.stderr)
        return 2

    validator = validator_class(schema)
    all_valid = True
    for path in files:
        try:
            instance = load_json(path)
        except (OSError, ValueError) as e:
            print(f"{path}: cannot read JSON: {e}")
            all_valid = False
            continue
        errors = sorted(validator.iter_errors(instance),
                        key=lambda e: ([(0, p) if isinstance(p, int) else (1, p)
                                        for p in e.absolute_path], e.message))
        if not errors:
            print(f"{path}: ok")
            continue
        all_valid = False
        for error in errors:
            print(f"{path}: {json_path(error.absolute_path)}: {error.message}")
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
