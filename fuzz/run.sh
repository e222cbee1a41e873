#!/bin/sh
# Run fuzz targets for SECONDS each on their corpus (fuzz/corpus/TARGET,
# seeded from fuzz/corpus/seeds-text, seeds-render (doctext, with
# seeds-text), seeds-cells, seeds-docx or seeds-pdf by fuzz/seeds.sh),
# FUZZ_PARALLEL of them at a time (default 1), inputs up to FUZZ_MAXLEN
# bytes (default: 8192 for the text targets, a report's three tables;
# 4096 for cells, a report's cells), the text targets with the
# dictionary of the template's labels (fuzz/labels.dict).  Prints one TAP line per target with libFuzzer's
# final stats, so that CI counts them; a crash input is left in
# fuzz/crashes/, the log in fuzz/logs/TARGET.log.  Inputs that once
# crashed a target are kept in fuzz/regress/TARGET/ and read with its
# seeds, so every run goes through them first.
# Exits 1 if any target found something.
#
# Usage: fuzz/run.sh SECONDS TARGET...
set -u
cd "$(dirname "$0")/.."
secs=$1
shift
parallel=${FUZZ_PARALLEL:-1}
mkdir -p fuzz/crashes fuzz/logs

# One target; its exit status goes to fuzz/logs/TARGET.status.
fuzz_one() {
	seeds=fuzz/corpus/seeds-text maxlen=8192 dict=-dict=fuzz/labels.dict
	if [ "$1" = cells ]; then
		seeds=fuzz/corpus/seeds-cells maxlen=4096 dict=
	elif [ "$1" = doctext ]; then
		# converters' renderings, and the plain text seeds
		seeds="fuzz/corpus/seeds-render fuzz/corpus/seeds-text"
	elif [ "$1" = docx ] || [ "$1" = pdf ]; then
		# A Word file is a zip, a PDF compressed streams: 64 KiB
		# holds a small one whole.
		seeds=fuzz/corpus/seeds-$1 maxlen=65536 dict=
	fi
	mkdir -p "fuzz/corpus/$1"
	regress=
	[ -d "fuzz/regress/$1" ] && regress=fuzz/regress/$1
	# what crashed tables crashed the program: doctext reads it too
	[ "$1" = doctext ] && regress="$regress fuzz/regress/tables"
	# -close_fd_mask=3: the programs' warnings would drown the log;
	# libFuzzer keeps its own copy of stderr for its reports.
	fuzz/bin/"$1" -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=2048 -max_len="${FUZZ_MAXLEN:-$maxlen}" $dict \
	    -close_fd_mask=3 -print_final_stats=1 \
	    -artifact_prefix="fuzz/crashes/$1-" \
	    "fuzz/corpus/$1" $seeds $regress >"fuzz/logs/$1.log" 2>&1
	echo $? >"fuzz/logs/$1.status"
}

running=0
for t; do
	fuzz_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$parallel" ]; then
		wait
		running=0
	fi
done
wait

echo "1..$#"
n=0 bad=0
for t; do
	n=$((n + 1))
	log=fuzz/logs/$t.log
	stats=$(awk '/stat::number_of_executed_units/ { e = $2 }
	    /^#[0-9]+.*cov:/ { cov = $0 }
	    END { sub(/^.*cov:/, "cov:", cov); sub(/ exec\/s.*/, "", cov)
	    printf "%d execs, %s", e, cov }' "$log")
	if [ "$(cat "fuzz/logs/$t.status")" = 0 ]; then
		echo "ok $n - fuzz $t ${secs}s: $stats"
	else
		bad=1
		echo "not ok $n - fuzz $t ${secs}s: see $log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" |
		    sed 's/^/# /' | head -5
	fi
done
exit "$bad"
