#!/usr/bin/env bash
# Runs every quality evaluation on ../shared/data and prints the figures; with --check, also
# enforces the floors below (set a little below the measured figures, so a regression fails
# CI while noise does not). Skips, with a message, when the data or the models are absent.
#   tools/eval-all.sh [build/svodka] [--check]
set -uo pipefail
svodka=${1:-build/svodka}
check=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
data=${SVODKA_SHARED_DATA:-$root/../shared/data}
if [ ! -d "$data" ]; then
  echo "eval: $data absent; evaluations skipped"
  exit 0
fi
failed=0

# floor NAME VALUE OP LIMIT — OP is "<=" (errors) or ">=" (accuracy).
floor() {
  local name=$1 value=$2 op=$3 limit=$4 ok
  ok=$(echo "$value $op $limit" | bc -l)
  if [ "$ok" = 1 ]; then
    printf '  ok    %-48s %8.3f %s %s\n' "$name" "$value" "$op" "$limit"
  else
    printf '  FAIL  %-48s %8.3f %s %s\n' "$name" "$value" "$op" "$limit"
    [ "$check" = --check ] && failed=1
  fi
}

echo "== segmentation (errors per 1000 gold tokens / sentences; lower is better)"
seg() {  # seg PATH [flags] → JSON
  "$svodka" eval segment --json "$@"
}
j=$(seg "$data/factrueval-2016/devset") || failed=1
floor "factRuEval devset: token errors/1000" "$(jq .tokens.errors_per_1000 <<<"$j")" "<=" 3.5
floor "factRuEval devset: sentence errors/1000" "$(jq .sentences.errors_per_1000 <<<"$j")" "<=" 95
j=$(seg "$data/razdel/tokens.txt" --scheme razdel) || failed=1
floor "razdel tokens.txt (razdel scheme): errors/1000" "$(jq .tokens.errors_per_1000 <<<"$j")" "<=" 1.5
j=$(seg "$data/razdel/tokens.txt") || failed=1
floor "razdel tokens.txt (news scheme): errors/1000" "$(jq .tokens.errors_per_1000 <<<"$j")" "<=" 18
j=$(seg "$data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu") || failed=1
floor "UD GSD dev: token errors/1000" "$(jq .tokens.errors_per_1000 <<<"$j")" "<=" 40
floor "UD GSD dev: sentence errors/1000" "$(jq .sentences.errors_per_1000 <<<"$j")" "<=" 85

echo "== morphology in context (accuracy on word tokens; higher is better)"
morph() {  # morph NAME FILE LEMMA UPOS CASE NUMBER GENDER — floors in percent
  local name=$1 file=$2 j
  if ! j=$("$svodka" eval morph --json "$file"); then
    echo "  FAIL  $name: svodka eval morph failed (dictionary or model missing?)"
    failed=1
    return
  fi
  local k i=3
  for k in lemma upos case number gender; do
    floor "$name: $k %" "$(jq ".$k.accuracy * 100" <<<"$j")" ">=" "${!i}"
    i=$((i + 1))
  done
}
#          name          file                                                            lemma upos case num  gender
morph "UD GSD dev"   "$data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu"                      96.5  95.4 89.9 96.7 94.0
morph "Lenta dev"    "$data/ud/GramEval2020/GramEval2020-RuEval2017-Lenta-news-dev.conllu" 98.5 97.0 97.4 99.0 97.5
morph "SynTagRus dev" "$data/ud/GramEval2020/GramEval2020-SynTagRus-dev.conllu"           95.0  93.7 93.8 93.3 93.0

if [ "$failed" -ne 0 ]; then
  echo "eval: some figures fell below their floors"
  exit 1
fi
echo "eval: all floors met"
