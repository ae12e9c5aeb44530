#!/bin/bash
# `make install` into a staging directory, then the tutorial's plugin built
# out of tree against the installed header and rapport-plugin.pc with the
# documented one-line command, loaded with --plugin-dir by the installed
# rapport, and rendered.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
for tool in make cc pkg-config; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed" >&2; exit 77; }
done

STAGE="$TMP/stage"
# a make of its own: not the jobserver of the `make check` that runs us
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} -C "$top_builddir" install \
  DESTDIR="$STAGE" >"$TMP/install.log" 2>&1
expect "make install DESTDIR=... succeeds ($(tail -5 "$TMP/install.log"))" test $? -eq 0

find_one() { find "$STAGE" -path "$1" -print -quit; }
pc=$(find_one '*/pkgconfig/rapport-plugin.pc')
header=$(find_one '*/include/rapport/plugin.h')
bin=$(find_one '*/bin/rapport')
fonts=$(find_one '*/share/rapport/fonts.list')
expect "rapport-plugin.pc is installed" test -n "$pc"
expect "<rapport/plugin.h> is installed" test -n "$header"
expect "the man page is installed" test -n "$(find_one '*/man1/rapport.1')"
expect "the four plugins are installed" test "$(find "$STAGE" -path '*/lib/rapport/*.so' | wc -l)" -eq 4
expect "rapport is installed" test -n "$bin"
expect "no libtool .la file is installed" test -z "$(find "$STAGE" -name '*.la')"
for d in README.md architecture.md archiving.md data-format.md writing-plugins.md; do
  expect "the documentation $d is installed" test -n "$(find_one "*/share/doc/rapport/$d")"
done
expect "the JSON Schemas are installed" test -n "$(find_one '*/share/rapport/schema/year.schema.json')"
expect "the bash completion is installed where bash-completion looks" \
  test -n "$(find_one '*/share/bash-completion/completions/rapport')"
[ -n "$pc" ] && [ -n "$bin" ] || { finish; exit; }

export PKG_CONFIG_PATH="${pc%/*}" PKG_CONFIG_SYSROOT_DIR="$STAGE"
expect "the .pc names ABI 1" test "$(pkg-config --variable=abi rapport-plugin)" = 1
api=$(sed -n 's/^#define RAPPORT_API_LEVEL \([0-9]*\)$/\1/p' "$header")
expect "the .pc's API level is the header's" test "$(pkg-config --variable=apilevel rapport-plugin)" = "$api"
expect "the .pc has the version" test "$(pkg-config --variable=version rapport-plugin)" = "$(pkg-config --modversion rapport-plugin)"
expect "the .pc names the plugin directory" \
  sh -c "pkg-config --variable=plugindir rapport-plugin | grep -q '/lib/rapport\$'"

fh=$(pkg-config --variable=fakehostdir rapport-plugin)
case $fh in "$STAGE"/*) ;; *) fh="$STAGE$fh" ;; esac # pkgconf adds the sysroot itself
expect "the fake host is installed where the .pc says ($fh)" test -f "$fh/fakehost.c" -a -f "$fh/fakehost.h"

# the out-of-tree build, exactly as documented
mkdir -m 700 "$TMP/plugins"
cp "$top_srcdir/tests/tutorial/budget.c" "$TMP/my.c"
(cd "$TMP" && cc -shared -fPIC $(pkg-config --cflags rapport-plugin) my.c -o plugins/my.so) \
  >"$TMP/cc.log" 2>&1
expect "the tutorial plugin builds out of tree ($(head -5 "$TMP/cc.log"))" test -f "$TMP/plugins/my.so"
expect "... against the installed header" sh -c "pkg-config --cflags rapport-plugin | grep -qF -- '-I$STAGE'"

"$bin" build "$top_srcdir/tests/tutorial/report.json" -o "$TMP/out.pdf" \
  --plugin-dir "$TMP/plugins" --fonts "$fonts" >"$TMP/out" 2>"$TMP/err"
expect "the installed rapport renders with it ($(cat "$TMP/err"))" test $? -eq 0
pdftotext "$TMP/out.pdf" "$TMP/out.txt" 2>/dev/null
expect "the section is there" contains "$TMP/out.txt" "Budget och utfall 2023 (tkr)"
RAPPORT_PLUGIN_PATH="$TMP/plugins" "$bin" plugins >"$TMP/out" 2>"$TMP/err"
expect "RAPPORT_PLUGIN_PATH finds it and plugins names its file" \
  grep -qE "^budget +1\.0\.0 .*$TMP/plugins/my.so" "$TMP/out"

finish
