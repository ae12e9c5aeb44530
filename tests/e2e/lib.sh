# lib.sh - helpers for the end-to-end tests (sourced).
set -u
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
RAPPORT="$top_builddir/rapport"
DATA="$top_srcdir/data"
REPORT="$DATA/slutrapport-2016-2020.json"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rapport-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

ok() {
  checks=$((checks + 1))
}

# expect DESCRIPTION CONDITION...: runs the condition, counts a failure if false.
expect() {
  local what=$1
  shift
  if "$@"; then ok; else fail "$what"; fi
}

# not COMMAND...: succeeds when the command fails.
not() { ! "$@"; }

# contains FILE TEXT: the file holds the text (fixed string).
contains() {
  grep -qF -- "$2" "$1"
}

finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}

for tool in pdftotext pdfinfo qpdf jq; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed" >&2; exit 77; }
done
