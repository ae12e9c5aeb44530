#!/bin/sh
# check-layers.sh - every file under core/ includes only headers of its own
# layer or of the layers below it (docs/architecture.md), by the order of
# LAYERS below; <rapport/plugin.h> and config.h may be included anywhere.
# Exit 1 with a line per upward include.
set -eu
src=${top_srcdir:-.}/core
LAYERS="base data blocks plugin sections text page layout pdf archive pipeline cmd"

rank() {
	i=0
	for l in $LAYERS; do
		[ "$l" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo -1
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
bad=0
n=0
for f in $(cd "$src" && find . -name '*.[ch]' | sed 's|^\./||' | sort); do
	layer=${f%%/*}
	[ "$layer" = "$f" ] && { echo "check-layers: core/$f is in no layer"; bad=1; continue; }
	me=$(rank "$layer")
	[ "$me" -ge 0 ] || { echo "check-layers: core/$f: unknown layer $layer"; bad=1; continue; }
	n=$((n + 1))
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$src/$f" | while IFS= read -r line; do
		inc=$(printf '%s\n' "$line" | sed 's/.*"\(.*\)".*/\1/')
		case $inc in config.h | rapport/*) continue ;; esac
		il=${inc%%/*}
		if [ "$il" = "$inc" ]; then
			echo "core/$f:${line%%:*}: includes \"$inc\": name headers by their layer (\"$layer/$inc\")"
			echo x >>"$tmp"
			continue
		fi
		r=$(rank "$il")
		if [ "$r" -lt 0 ] || [ "$r" -gt "$me" ]; then
			echo "core/$f:${line%%:*}: $layer/ includes \"$inc\", a layer above it"
			echo x >>"$tmp"
		fi
	done
done
[ -s "$tmp" ] && bad=1
if [ "$bad" -ne 0 ]; then
	echo "check-layers: FAIL (layers, lowest first: $LAYERS)"
	exit 1
fi
echo "check-layers: $n files, every include goes to its own layer or one below"
