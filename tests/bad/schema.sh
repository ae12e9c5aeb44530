#!/bin/bash
# tests/bad/schema.sh - the machine-readable JSON Schemas in data/schema/
# agree with what rapport accepts: the bundled data is valid against them,
# and definitions rapport refuses for their shape (tests/bad/cases/) are refused
# by them too.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
python3 -c 'import jsonschema' 2>/dev/null || { echo "SKIP: python3-jsonschema missing"; exit 77; }

# check SCHEMA FILE: prints "valid" or the first problem
check() {
  python3 - "$1" "$2" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
v = jsonschema.Draft202012Validator(schema)
v.check_schema(schema)
errors = sorted(v.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
print("valid" if not errors else "invalid: %s" % errors[0].message)
PY
}

S="$top_srcdir/data/schema"
expect "the definition is valid" test "$(check "$S/report.schema.json" "$REPORT")" = valid
for y in "$DATA"/20*.json; do
  expect "$(basename "$y") is valid" test "$(check "$S/year.schema.json" "$y")" = valid
done

# cases of tests/bad whose own definition has a shape error
for c in missing-title wrong-kind period-first-string years-empty years-number sections-empty \
  section-missing-title section-level-3 block-two-kinds text-without-content list-item-number \
  heading-empty null-title; do
  r=$(check "$S/report.schema.json" "$top_srcdir/tests/bad/cases/$c/report.json")
  expect "the schema refuses tests/bad/$c too ($r)" test "${r%%:*}" = invalid
done
finish
