#!/bin/bash
# The Debian packages: dpkg-buildpackage builds rapport and rapport-dev from
# the release's sources, lintian finds no error or warning, and the program
# unpacked from the package builds, checks, verifies and extracts the bundled
# report with what the packages installed (plugins, fonts list, man page,
# schemas, completion, plugin header and .pc).
. "${top_srcdir:-.}/tests/e2e/lib.sh"
for tool in dpkg-buildpackage dh lintian dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed" >&2; exit 77; }
done
# the packages are built without sanitizers: nothing more to learn under them
[ -z "${ASAN_OPTIONS:-}" ] || { echo "SKIP: not under the sanitizers" >&2; exit 77; }

env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} -C "$top_builddir" distdir \
  distdir="$TMP/rapport-src" >"$TMP/dist.log" 2>&1
expect "make distdir succeeds" test $? -eq 0
(cd "$TMP/rapport-src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
  dpkg-buildpackage -us -uc -b) >"$TMP/build.log" 2>&1
expect "dpkg-buildpackage -us -uc -b succeeds ($(tail -5 "$TMP/build.log"))" test $? -eq 0
deb=$(ls "$TMP"/rapport_*_*.deb 2>/dev/null | head -1)
dev=$(ls "$TMP"/rapport-dev_*_*.deb 2>/dev/null | head -1)
expect "it makes rapport and rapport-dev" test -n "$deb" -a -n "$dev"
[ -n "$deb" ] && [ -n "$dev" ] || { finish; exit; }

lintian --tag-display-limit 0 "$TMP"/rapport_*.changes >"$TMP/lintian.log" 2>&1
expect "lintian: no error, no warning ($(grep -E '^[EW]:' "$TMP/lintian.log" | head -5))" \
  not grep -qE '^[EW]:' "$TMP/lintian.log"

expect "rapport depends on libqpdf (loaded with dlopen)" \
  sh -c "dpkg-deb -f '$deb' Depends | grep -q 'libqpdf'"
expect "rapport depends on the fonts and hyphenation patterns" \
  sh -c "dpkg-deb -f '$deb' Depends | grep -q 'fonts-liberation2.*hyphen-sv'"
ROOT="$TMP/root"
dpkg-deb -x "$deb" "$ROOT" && dpkg-deb -x "$dev" "$ROOT"
plugins=$(dirname "$(find "$ROOT/usr/lib" -name census.so | head -1)")
for f in usr/bin/rapport usr/share/man/man1/rapport.1.gz usr/share/rapport/fonts.list \
  usr/share/rapport/schema/year.schema.json usr/share/bash-completion/completions/rapport \
  usr/share/doc/rapport/copyright usr/share/doc/rapport/data-format.md.gz usr/include/rapport/plugin.h; do
  expect "the packages install /$f" test -e "$ROOT/$f"
done
expect "rapport-dev installs rapport-plugin.pc" test -n "$(find "$ROOT/usr/lib" -name rapport-plugin.pc)"
expect "no .la file is packaged" test -z "$(find "$ROOT" -name '*.la')"

R="$ROOT/usr/bin/rapport"
P="--plugin-dir $plugins --fonts $ROOT/usr/share/rapport/fonts.list"
cp "$ROOT"/usr/share/rapport/*.json "$TMP/" 2>/dev/null
"$R" check "$TMP/slutrapport-2016-2020.json" $P >"$TMP/out" 2>&1
expect "the packaged rapport checks the bundled report ($(tail -1 "$TMP/out"))" test $? -eq 0
"$R" build "$TMP/slutrapport-2016-2020.json" $P -o "$TMP/r.pdf" -q
expect "the packaged rapport builds the bundled report" test $? -eq 0 -a -s "$TMP/r.pdf"
expect "whose text has the title" sh -c "pdftotext '$TMP/r.pdf' - | grep -q 'Slutrapport'"
"$R" verify "$TMP/r.pdf" $P >"$TMP/out" 2>&1
expect "and verifies it ($(tail -1 "$TMP/out"))" test $? -eq 0
"$R" extract "$TMP/r.pdf" -o "$TMP/x" >/dev/null 2>&1
expect "and extracts its inputs" cmp -s "$TMP/x/2018.json" "$TMP/2018.json"
"$RAPPORT" build "$REPORT" -o "$TMP/tree.pdf" -q
expect "the packaged build makes the same PDF as the build tree's" cmp -s "$TMP/r.pdf" "$TMP/tree.pdf"
finish
