#!/bin/sh
# bench/run.sh - the benchmark behind `make bench`.
#
# Builds the bundled final report and generated reports of about 100, 1000
# and 2000 pages (bench/gen.c: the real plugins, many years, municipalities,
# milestones, long census tables), each RUNS times after a warm-up, and a
# batch of eight ~100-page reports with -j 1 and -j NPROC.  Prints a table
# (median and fastest wall time of the whole process, pages per second, peak
# RSS, output size) and writes it into OUT_MD between the bench markers, with
# the machine and the date.
#
# Environment (make bench sets them): RAPPORT, GEN, TIMEIT (the programs),
# REPORT (the bundled report definition), OUT_MD (docs/performance.md),
# WORK (a scratch directory), RUNS (default 7), RUNS_BIG (default 5, for the
# 1000- and 2000-page reports and the batches).
set -eu

: "${RAPPORT:=./rapport}" "${GEN:=./bench/rapport-bench-gen}"
: "${TIMEIT:=./bench/rapport-bench-time}" "${REPORT:=data/slutrapport-2016-2020.json}"
: "${OUT_MD:=docs/performance.md}" "${WORK:=bench-work}" "${RUNS:=7}" "${RUNS_BIG:=5}"

NPROC=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
MILESTONES=40 # per year: about 6.5 pages per generated year

rm -rf "$WORK"
mkdir -p "$WORK/batch"
TABLE="$WORK/table.md"

echo "generating data in $WORK ..."
"$GEN" "$WORK/p100" 14 $MILESTONES
"$GEN" "$WORK/p1000" 150 $MILESTONES
"$GEN" "$WORK/p2000" 300 $MILESTONES
i=1
while [ $i -le 8 ]; do
	"$GEN" "$WORK/batch/r$i" 14 $MILESTONES $i
	i=$((i + 1))
done

# pages in the summary lines ("out.pdf: 18 pages, 205 KB, 0.031 s") of a run
pages_of() {
	awk '/: [0-9]+ pages, / { for (i = 1; i < NF; i++) if ($(i + 1) == "pages,") n += $i }
	     END { print n + 0 }'
}

# row NAME RUNS OUTPUTS COMMAND... : runs the command once for its page count,
# times it, and adds a table row; OUTPUTS is a glob of the files it writes
row() {
	name=$1 runs=$2 outputs=$3
	shift 3
	pages=$("$@" | pages_of)
	res=$("$TIMEIT" "$runs" "$@") || exit 1
	size=0
	for f in $outputs; do
		size=$((size + $(wc -c <"$f")))
	done
	echo "$res" | awk -v n="$name" -v p="$pages" -v s="$size" '{
		printf "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.0f | %.1f MB | %.0f KB | %.1f KB |\n",
			n, p, $1 * 1000, $2 * 1000, $4 * 1000, p / $1, $3 / 1024, s / 1024, s / 1024 / p
	}' >>"$TABLE"
	echo "$res" | awk '{ print $1 }' >"$WORK/median.$name"
	echo "$res" | awk '{ print $4 }' >"$WORK/cpu.$name"
	tail -n 1 "$TABLE"
}

cat >"$TABLE" <<EOF
| build | pages | median wall | fastest | median CPU | pages/s | peak RSS | output | per page |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
EOF

J1="batch 8 × ~100, -j 1"
JN="batch 8 × ~100, -j $NPROC"
row bundled "$RUNS" "$WORK/bundled.pdf" "$RAPPORT" build "$REPORT" -o "$WORK/bundled.pdf"
row gen-100 "$RUNS" "$WORK/p100.pdf" "$RAPPORT" build "$WORK/p100/report.json" -o "$WORK/p100.pdf"
row gen-1000 "$RUNS_BIG" "$WORK/p1000.pdf" \
	"$RAPPORT" build "$WORK/p1000/report.json" -o "$WORK/p1000.pdf"
row gen-2000 "$RUNS_BIG" "$WORK/p2000.pdf" \
	"$RAPPORT" build "$WORK/p2000/report.json" -o "$WORK/p2000.pdf"
row "$J1" "$RUNS_BIG" "$WORK/out-j1/*.pdf" "$RAPPORT" build "$WORK/batch" -o "$WORK/out-j1" -j 1
row "$JN" "$RUNS_BIG" "$WORK/out-jn/*.pdf" \
	"$RAPPORT" build "$WORK/batch" -o "$WORK/out-jn" -j "$NPROC"

RATIO=$(awk -v a="$(cat "$WORK/median.gen-1000")" -v b="$(cat "$WORK/median.gen-2000")" \
	'BEGIN { printf "%.2f", b / a }')
CPU_RATIO=$(awk -v a="$(cat "$WORK/cpu.gen-1000")" -v b="$(cat "$WORK/cpu.gen-2000")" \
	'BEGIN { printf "%.2f", b / a }')
SPEEDUP=$(awk -v a="$(cat "$WORK/median.$J1")" -v b="$(cat "$WORK/median.$JN")" \
	'BEGIN { printf "%.2f", a / b }')

# Linearity again from pairs run one after the other (1000 pages, then 2000):
# the machine's speed drifts over minutes, and two series run a minute apart
# pick the drift up; the median of the pairs' ratios does not.
PAIRS=""
i=1
while [ $i -le "$RUNS" ]; do
	a=$("$TIMEIT" 1 "$RAPPORT" build "$WORK/p1000/report.json" -o "$WORK/pair1.pdf") || exit 1
	b=$("$TIMEIT" 1 "$RAPPORT" build "$WORK/p2000/report.json" -o "$WORK/pair2.pdf") || exit 1
	PAIRS="$PAIRS $(echo "$a $b" | awk '{ printf "%.4f", $5 / $1 }')"
	i=$((i + 1))
done
PAIR_RATIO=$(echo $PAIRS | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }')

BLOCK="$WORK/block.md"
{
	echo "<!-- bench:begin (written by make bench; edits here are overwritten) -->"
	echo "Measured $DATE on $NPROC CPUs ($CPU), $(uname -sr)."
	echo "Whole process from start to the file closed; median and fastest of $RUNS runs"
	echo "($RUNS_BIG for the large builds and the batches) after a warm-up; peak RSS is"
	echo "the largest single process (getrusage RUSAGE_CHILDREN); CPU is user + system"
	echo "time of all processes of the build; pages/s is pages over the median wall time."
	echo
	cat "$TABLE"
	echo
	echo "2000 pages take ${RATIO}× the wall time and ${CPU_RATIO}× the CPU time of 1000"
	echo "pages in the table; run in $RUNS pairs, one after the other, ${PAIR_RATIO}× (median"
	echo "of the pairs' ratios); the batch with -j $NPROC is ${SPEEDUP}× as fast (wall) as"
	echo "with -j 1."
	echo "Load average when it finished: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)."
	echo "<!-- bench:end -->"
} >"$BLOCK"

if [ -f "$OUT_MD" ] && grep -q '^<!-- bench:begin' "$OUT_MD"; then
	awk -v block="$BLOCK" '
		/^<!-- bench:begin/ { while ((getline l < block) > 0) print l; skip = 1; next }
		/^<!-- bench:end/ { skip = 0; next }
		!skip { print }' "$OUT_MD" >"$WORK/performance.md"
	cat "$WORK/performance.md" >"$OUT_MD"
else
	cat "$BLOCK" >>"$OUT_MD"
fi
echo
cat "$BLOCK"
echo "written to $OUT_MD"
