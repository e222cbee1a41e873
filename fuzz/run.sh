#!/bin/sh
# Run fuzz targets for SECONDS each, one after another, on their corpus
# (fuzz/corpus/TARGET, seeded read-only from fuzz/corpus/text or cells).
# Prints one TAP line per target with libFuzzer's final stats, so that CI
# counts them; a crash input is left in fuzz/crashes/.  Exits 1 if any
# target found something.
#
# Usage: fuzz/run.sh SECONDS TARGET...
set -u
cd "$(dirname "$0")/.."
secs=$1
shift
n=0 bad=0
mkdir -p fuzz/crashes fuzz/logs
echo "1..$#"
for t; do
	n=$((n + 1))
	seeds=fuzz/corpus/text
	[ "$t" = cells ] && seeds=fuzz/corpus/cells
	log=fuzz/logs/$t.log
	mkdir -p "fuzz/corpus/$t"
	# -close_fd_mask=3: the programs' warnings would drown the log;
	# libFuzzer keeps its own copy of stderr for reports.
	fuzz/bin/"$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -close_fd_mask=3 -print_final_stats=1 \
	    -artifact_prefix="fuzz/crashes/$t-" \
	    "fuzz/corpus/$t" "$seeds" >"$log" 2>&1
	status=$?
	stats=$(awk '/stat::number_of_executed_units/ { e += $2 }
	    /^#[0-9]+.*DONE/ { cov = $0 }
	    END { sub(/^.*DONE */, "", cov); printf "%d execs, %s", e, cov }' \
	    "$log")
	if [ "$status" = 0 ]; then
		echo "ok $n - fuzz $t ${secs}s: $stats"
	else
		bad=1
		echo "not ok $n - fuzz $t ${secs}s: status $status, see $log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" |
		    sed 's/^/# /' | head -5
	fi
done
exit "$bad"
