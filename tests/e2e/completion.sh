#!/bin/bash
# The bash completion (completion/rapport) under bash-completion: commands,
# options of a command, section types from `rapport plugins`, languages.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
BC=/usr/share/bash-completion/bash_completion
SRC=$(cd "$top_srcdir" && pwd) BUILD=$(cd "$top_builddir" && pwd)
[ -r "$BC" ] || { echo "SKIP: bash-completion not installed" >&2; exit 77; }

# complete LINE: what bash would offer at the end of LINE, one per line
complete_line() {
  bash -c '
    . "$1"; . "$2"
    PATH="$3:$PATH"
    read -ra COMP_WORDS <<<"$4"
    [[ $4 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$4 COMP_POINT=${#4}
    _rapport rapport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$BC" "$SRC/completion/rapport" "$BUILD" "$1"
}

expect "commands after rapport" test "$(complete_line 'rapport ' | sort | tr '\n' ' ')" = \
  "--help --version build check describe extract new-plugin plugins verify "
expect "a command from its first letters" test "$(complete_line 'rapport ver')" = verify
out=$(complete_line 'rapport build --st')
expect "build --st completes to --stats (got '$out')" test "$out" = --stats
out=$(complete_line 'rapport build --lang ' | sort | tr '\n' ' ')
expect "--lang offers sv and en (got '$out')" test "$out" = "en sv "
out=$(complete_line 'rapport describe ' | sort | tr '\n' ' ')
expect "describe offers every section type rapport plugins lists (got '$out')" \
  test "$out" = "$("$RAPPORT" plugins | awk 'NR > 1 { print $1 }' | sort | tr '\n' ' ')"
expect "describe offers census" sh -c "printf '%s' '$out' | grep -qw census"
mkdir "$TMP/d" && touch "$TMP/d/r.json" "$TMP/d/r.pdf" "$TMP/d/notes.txt"
out=$(cd "$TMP/d" && complete_line 'rapport check ')
expect "check offers JSON files, not others (got '$out')" test "$out" = r.json
out=$(cd "$TMP/d" && complete_line 'rapport verify ')
expect "verify offers PDF files (got '$out')" test "$out" = r.pdf
finish
