#!/bin/bash
# tests/bad/output.sh - faults on the output side: a directory that does not
# exist or cannot be written, a read-only existing file, a full disk and an
# interrupted run.  Each must give a clear error and exit 5 (or die of the
# signal), keep the previous file byte for byte and leave no temporary file.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

prev() { # prev FILE: an existing "previous report" and a copy to compare with
  printf 'previous report\n\001\002\377\n' >"$1"
  cp "$1" "$TMP/before"
}
kept() { cmp -s "$TMP/before" "$1"; }
no_temp() { test -z "$(find "$1" -maxdepth 1 -name '.*.pdf.*')"; }

# run WANT WHAT ARGS...: runs rapport build, checks the exit code
run() {
  local want=$1 what=$2
  shift 2
  "$RAPPORT" build "$REPORT" "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  expect "$what: exit $want (got $got: $(head -c 400 "$TMP/err"))" test "$got" -eq "$want"
}

# a directory that does not exist
run 5 "missing directory" -o "$TMP/no/such/dir/r.pdf"
expect "missing directory is named" contains "$TMP/err" "directory $TMP/no/such/dir does not exist"

# the output is a directory
mkdir -p "$TMP/isdir.pdf"
run 5 "output is a directory" -o "$TMP/isdir.pdf"
expect "directory output is refused" contains "$TMP/err" "it is a directory"

# a read-only existing file: refused, kept
mkdir -p "$TMP/ro"
prev "$TMP/ro/r.pdf"
chmod 444 "$TMP/ro/r.pdf"
run 5 "read-only file" -o "$TMP/ro/r.pdf"
expect "read-only file: message" contains "$TMP/err" "the file is read-only"
expect "read-only file: kept" kept "$TMP/ro/r.pdf"
expect "read-only file: no temporary" no_temp "$TMP/ro"

# a directory that cannot be written: as a user, chmod; as root (who may
# write anyway), a read-only tmpfs if mounting is allowed
mkdir -p "$TMP/locked"
prev "$TMP/locked/r.pdf"
locked=""
if [ "$(id -u)" -ne 0 ]; then
  chmod 555 "$TMP/locked" && locked=chmod
elif mount -t tmpfs -o size=1m tmpfs "$TMP/locked" 2>/dev/null; then
  prev "$TMP/locked/r.pdf"
  mount -o remount,ro "$TMP/locked" && locked=mount
fi
if [ -n "$locked" ]; then
  run 5 "unwritable directory" -o "$TMP/locked/r.pdf"
  expect "unwritable directory: message" grep -qE "is not writable|Read-only file system" "$TMP/err"
  expect "unwritable directory: kept" kept "$TMP/locked/r.pdf"
  expect "unwritable directory: no temporary" no_temp "$TMP/locked"
  if [ "$locked" = mount ]; then umount "$TMP/locked"; else chmod 755 "$TMP/locked"; fi
else
  echo "SKIP (one case): cannot make an unwritable directory here (root without mount)"
fi

# a full disk: a 64 KiB tmpfs holding the previous file; the new PDF does
# not fit (needs root and mount; /dev/full cannot hold a directory)
mkdir -p "$TMP/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$TMP/full" 2>/dev/null; then
  prev "$TMP/full/r.pdf"
  run 5 "full disk" -o "$TMP/full/r.pdf"
  expect "full disk: message" contains "$TMP/err" "No space left on device"
  expect "full disk: kept" kept "$TMP/full/r.pdf"
  expect "full disk: no temporary" no_temp "$TMP/full"
  umount "$TMP/full"
else
  echo "SKIP (one case): no small tmpfs for a full disk (needs root and mount)"
fi

# an interrupted run: the test hook RAPPORT_TEST_COMMIT_DELAY holds the build
# between writing the temporary file and renaming it; SIGTERM and SIGINT
# there must remove the temporary file and keep the old one
for sig in TERM INT; do
  mkdir -p "$TMP/sig"
  prev "$TMP/sig/r.pdf"
  RAPPORT_TEST_COMMIT_DELAY=20 "$RAPPORT" build "$REPORT" -o "$TMP/sig/r.pdf" \
    >"$TMP/out" 2>"$TMP/err" &
  pid=$!
  for i in $(seq 100); do # until the temporary file is there (at most 10 s)
    [ -n "$(find "$TMP/sig" -maxdepth 1 -name '.r.pdf.*' -size +1k)" ] && break
    sleep 0.1
  done
  expect "SIG$sig: the build got to its temporary file" \
    test -n "$(find "$TMP/sig" -maxdepth 1 -name '.r.pdf.*')"
  kill -"$sig" "$pid"
  wait "$pid"
  got=$?
  expect "SIG$sig: died of the signal (got $got)" test "$got" -gt 128
  expect "SIG$sig: says so" contains "$TMP/err" "interrupted; the output file was not changed"
  expect "SIG$sig: kept" kept "$TMP/sig/r.pdf"
  expect "SIG$sig: no temporary" no_temp "$TMP/sig"
done

finish
