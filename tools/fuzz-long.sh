#!/usr/bin/env bash
# Long fuzzing runs: every libFuzzer target of the fuzz build for MINUTES minutes each (JOBS at
# a time), with the committed seeds, dictionaries and input size of the CTest runs, keeping the
# grown corpus in BUILD/fuzz-corpus/. Prints one line per target with its runs, coverage
# (libFuzzer's cov: edges, ft: features), corpus size and the crashes it found.
#   tools/fuzz-long.sh [MINUTES=30] [BUILD=build-fuzz] [JOBS=1]
#   tools/fuzz-long.sh report [BUILD]     the table of the last run's logs only
set -euo pipefail
minutes=${1:-30}
build=${2:-build-fuzz}
jobs=${3:-1}
src=$(cd "$(dirname "$0")/.." && pwd)
max_len=$(sed -n 's/^SVODKA_FUZZ_MAX_LEN:STRING=//p' "$build/CMakeCache.txt")
logs="$build/fuzz-long"
mkdir -p "$logs"
targets=()
for f in "$src"/tests/fuzz/*_fuzz.cc; do targets+=("$(basename "$f" .cc)"); done

run_one() {
  local name=$1
  local dict=()
  [ -f "$src/tests/fuzz/$name.dict" ] && dict=("-dict=$src/tests/fuzz/$name.dict")
  mkdir -p "$build/fuzz-corpus/$name"
  LSAN_OPTIONS="suppressions=$src/tests/fuzz/lsan.supp" \
    "$build/$name" -max_total_time=$((minutes * 60)) -max_len="${max_len:-65536}" "${dict[@]}" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$logs/$name-" "$build/fuzz-corpus/$name" "$src/tests/fuzz/corpus/$name" \
    > "$logs/$name.log" 2>&1 || true
}

if [ "$minutes" != report ]; then
  echo "fuzz-long: ${#targets[@]} targets, $minutes min each, $jobs at a time; logs in $logs"
  running=0
  for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
  done
  wait
fi

printf '%-20s %10s %8s %8s %8s %8s %8s\n' target runs exec/s cov ft corpus crashes
status=0
for t in "${targets[@]}"; do
  log="$logs/$t.log"
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<< "$last")
  # (ls fails when there is no artifact: the count is then 0, not an error of the script)
  crashes=$( (ls "$logs/$t-"crash-* "$logs/$t-"leak-* "$logs/$t-"timeout-* "$logs/$t-"oom-* 2>/dev/null || true) | wc -l)
  [ "$crashes" -eq 0 ] || status=1
  printf '%-20s %10s %8s %8s %8s %8s %8s\n' "$t" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes"
done
exit $status
