#!/bin/bash
# Two builds of the same release in two directories (as a user's and
# Debian's buildd would make them): the plugins are the same bytes, the
# bundled report is the same PDF, and each build verifies the other's PDF.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
for tool in make cc cmp; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed" >&2; exit 77; }
done
# built without sanitizers: nothing more to learn under them
[ -z "${ASAN_OPTIONS:-}" ] || { echo "SKIP: not under the sanitizers" >&2; exit 77; }
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} "$@"; }

# the release's sources, twice, under names of different lengths
mk -C "$top_builddir" distdir distdir="$TMP/src" >"$TMP/dist.log" 2>&1
expect "make distdir succeeds ($(tail -3 "$TMP/dist.log"))" test $? -eq 0
mkdir -p "$TMP/one" "$TMP/a/much/longer/path"
cp -a "$TMP/src" "$TMP/one/rapport-x"
cp -a "$TMP/src" "$TMP/a/much/longer/path/rapport-y"
PROGRAMS="rapport outreach.la placements.la census.la analysis.la"
for d in "$TMP/one/rapport-x" "$TMP/a/much/longer/path/rapport-y"; do
  (cd "$d" && ./configure -q >"$d.log" 2>&1 && mk -j2 $PROGRAMS >>"$d.log" 2>&1)
  expect "a build in $d succeeds ($(tail -3 "$d.log"))" test $? -eq 0
done
A="$TMP/one/rapport-x" B="$TMP/a/much/longer/path/rapport-y"
[ -x "$A/rapport" ] && [ -x "$B/rapport" ] || { finish; exit; }

for p in outreach placements census analysis; do
  expect "plugin $p.so is the same bytes from both directories" cmp -s "$A/.libs/$p.so" "$B/.libs/$p.so"
  expect "plugin $p.so names no build directory" not grep -q "$TMP" "$A/.libs/$p.so"
done
"$A/rapport" build "$A/data/slutrapport-2016-2020.json" -o "$TMP/a.pdf" -q
expect "the first build makes the report" test $? -eq 0
"$B/rapport" build "$B/data/slutrapport-2016-2020.json" -o "$TMP/b.pdf" -q
expect "the second build makes the report" test $? -eq 0
expect "both builds make the same PDF" cmp -s "$TMP/a.pdf" "$TMP/b.pdf"
"$B/rapport" verify "$TMP/a.pdf" >"$TMP/out" 2>&1
expect "the second build verifies the first build's PDF ($(head -3 "$TMP/out"))" test $? -eq 0
"$A/rapport" verify "$TMP/b.pdf" >"$TMP/out" 2>&1
expect "and the first the second's ($(head -3 "$TMP/out"))" test $? -eq 0

# reconfigured with another --prefix, the next make compiles the new plugin
# directory in (the objects depend on paths.stamp), without a make clean
(cd "$A" && ./configure -q --prefix=/opt/elsewhere >>"$A.log" 2>&1 && mk -j2 rapport >>"$A.log" 2>&1)
expect "a reconfigured build succeeds ($(tail -3 "$A.log"))" test $? -eq 0
expect "it has the new plugin directory compiled in" grep -q /opt/elsewhere/lib/rapport "$A/rapport"
expect "and not the old one" not grep -q /usr/local/lib/rapport "$A/rapport"
finish
