#!/usr/bin/env bash
# Runs every quality evaluation listed in tests/eval/floors.tsv on ../shared/data and prints
# each figure against its floor; with --check, fails when one falls below its floor. The
# floors live only in that table (the tests read it too). Skips, with a message, when the data
# is absent.
#   tools/eval-all.sh [build/svodka] [--check]
set -uo pipefail
svodka=${1:-build/svodka}
check=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
data=${SVODKA_SHARED_DATA:-$root/../shared/data}
floors="$root/tests/eval/floors.tsv"
if [ ! -d "$data" ]; then
  echo "eval: $data absent; evaluations skipped"
  exit 0
fi
failed=0
declare -A results  # "eval|corpus|flags" -> the JSON of `svodka eval ... --json`

# The jq expression of a metric in the JSON of `svodka eval ... --json`: a name for the
# segment and morph figures, or a jq path (".per_token.PER.f1") for the others.
metric_jq() {
  case $1 in
    .*) echo "$1" ;;  # a jq path into the command's JSON, as written in the table
    token_errors) echo '.tokens.errors_per_1000' ;;
    sentence_errors) echo '.sentences.errors_per_1000' ;;
    lemma|upos|case|number|gender) echo ".$1.accuracy * 100" ;;
    *) echo "eval: unknown metric '$1' in $floors" >&2; return 1 ;;
  esac
}

last=""
while IFS=$'\t' read -r eval corpus flags metric op limit; do
  case $eval in ''|'#'*) continue ;; esac
  key="$eval|$corpus|$flags"
  if [ -z "${results[$key]+x}" ]; then
    [ "$key" != "$last" ] && echo "== $eval $corpus ${flags#-}"
    args=()
    [ "$flags" != "-" ] && read -r -a args <<< "$flags"
    if ! results[$key]=$("$svodka" eval "$eval" --json "$data/$corpus" "${args[@]}"); then
      echo "  FAIL  svodka eval $eval $corpus failed (data, dictionary or model missing?)"
      failed=1
      results[$key]="{}"
    fi
  fi
  last=$key
  expr=$(metric_jq "$metric") || { failed=1; continue; }
  value=$(jq "$expr" <<< "${results[$key]}")
  ok=$(echo "$value $op $limit" | bc -l 2>/dev/null)
  if [ "$ok" = 1 ]; then
    printf '  ok    %-18s %8.3f %s %s\n' "$metric" "$value" "$op" "$limit"
  else
    printf '  FAIL  %-18s %8s %s %s\n' "$metric" "$value" "$op" "$limit"
    [ "$check" = --check ] && failed=1
  fi
done < "$floors"

if [ "$failed" -ne 0 ]; then
  echo "eval: some figures fell below their floors"
  exit 1
fi
echo "eval: all floors met"
