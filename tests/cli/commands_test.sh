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

# --- all cores: the same output, in input order, as one thread -------------------------------
example="$src/examples/tass-2017-03-20-lavrov-kishida.txt"
python3 - "$example" "$dir" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
d = sys.argv[2]
with open(d + '/many.jsonl', 'w') as f:
    for i in range(300):  # documents of different sizes, so workers finish out of order
        f.write(json.dumps({'id': 'd%d' % i, 'text': text[: 200 + (i * 997) % len(text)]},
                           ensure_ascii=False) + '\n')
with open(d + '/lines.txt', 'w') as f:
    for i in range(3000):  # several batches of lines
        f.write(text.split('\n')[i % 8] + '\n')
PY
for args in "analyze --jsonl --tokens $dir/many.jsonl" "analyze --summary $dir/many.jsonl" \
            "segment --lines $dir/lines.txt" "segment $example $dir/lines.txt"; do
  $svodka $args -j 1 > "$dir/j1" 2>&1
  $svodka $args -j 4 > "$dir/j4" 2>&1
  check "'$args': -j 4 gives the -j 1 output" cmp -s "$dir/j1" "$dir/j4"
done
$svodka segment --lines -j 2 "$dir/lines.txt" > "$dir/lines.out"
check "segment --lines: 3000 lines, 3000 documents" test "$(wc -l < "$dir/lines.out")" -eq 3000
check "segment --lines: ids follow the lines across batches" \
    grep -q '^{"id": "lines:2500", ' <(sed -n 2500p "$dir/lines.out")

exit $fail
