#!/usr/bin/env bash
# Every command answers --help; JSONL and JSON inputs flow through analyze; --jsonl gives one
# object per line.
set -u
svodka=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
check() {
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
for c in "" "analyze" "segment" "eval" "eval segment" "morph" "eval morph" "train morph"; do
  $svodka $c --help > "$dir/help" 2>&1
  check "'svodka $c --help' exits 0" test $? -eq 0
done
printf '{"id":"a","title":"Заголовок","text":"МОСКВА, 1 мая. /ТАСС/. Текст. Ещё текст."}\n{"id":"b","text":"Второй документ."}\n' > "$dir/in.jsonl"
$svodka analyze --no-morph --jsonl "$dir/in.jsonl" > "$dir/out" 2> "$dir/err"
check "analyze --jsonl exits 0" test $? -eq 0
check "analyze --jsonl writes one line per document" test "$(wc -l < "$dir/out")" -eq 2
$svodka analyze --no-morph --summary "$src/examples/tass-2017-03-20-lavrov-kishida.txt" > "$dir/sum"
check "analyze --summary shows the dateline" grep -q "Токио" "$dir/sum"
exit $fail
