#!/usr/bin/env bash
# Regression tests for the hostile inputs of issue 12: each gives a result or a clear message
# naming the input, in bounded time and memory, and the other inputs of the run are still
# written. Limits here are generous guards against a return of the quadratic or unbounded
# behaviour (minutes, gigabytes), not benchmarks.
#   tests/cli/hostile_input_test.sh build/svodka SOURCE_DIR
set -u
svodka=$1
src=$2
example="$src/examples/tass-2017-03-20-lavrov-kishida.txt"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
# run LIMIT_SECONDS LIMIT_MB COMMAND... : under a time and an address-space limit; the exit
# status of the command, 124 on timeout.
run() {
  local secs=$1 mb=$2; shift 2
  ( ulimit -v $((mb * 1024)); exec timeout "$secs" "$@" )
}

# --- HTML shapes that broke the HTML5 parser used before ------------------------------------
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
open(d + '/svg.html', 'w').write('<svg>' + '<td>' * 280000)
open(d + '/svg-text.html', 'w').write('<p>Текст до svg.</p><svg>' + '<td>' * 280000)
open(d + '/fmt.html', 'w').write('<html><body><p>' + ''.join('<b id=%d>' % k for k in range(4000)) + '</p>' + '<p>x</p>' * 5000)
open(d + '/q.html', 'w').write('<p>Начало.' + ('<table><tr><td><p>' + 'Слово ' * 170) * 4900)
open(d + '/endli.html', 'w').write('<p>Текст.</p>' + '<div>' * 250 + '</li>' * 1000000)
open(d + '/dl.html', 'w').write('<p>Текст.</p><dl>' + '<dt>x<dd>y' * 1000000)
PY
$svodka analyze --no-morph --jsonl "$example" "$dir/svg.html" "$dir/svg-text.html" > "$dir/out" 2> "$dir/err"
rc=$?
check "svg nesting: no crash (exit status 1, got $rc)" test $rc -eq 1
check "svg nesting: the good file before it is written" grep -q '"id":"tass-2017-03-20-lavrov-kishida"' "$dir/out"
check "svg nesting: the page is named" grep -q "svg.html: no title or text" "$dir/err"
check "svg nesting: text before the deep part is kept" grep -q '"id":"svg-text","text":"Текст до svg."' "$dir/out"
for f in fmt q endli dl; do
  run 60 3000 "$svodka" analyze --no-morph --jsonl "$dir/$f.html" > "$dir/out" 2> "$dir/err"
  rc=$?
  check "$f.html: finishes in bounded time and memory (exit status $rc)" test $rc -le 1
  check "$f.html: a result or a message naming the file" \
      bash -c "grep -q '\"id\":\"$f\"' '$dir/out' || grep -q '$f.html' '$dir/err'"
done

# --- write errors -----------------------------------------------------------------------------
if [ -w /dev/full ]; then
  for cmd in "analyze --no-morph --jsonl" "analyze --no-morph" "analyze --no-morph --summary" \
             "segment" "segment --lines"; do
    $svodka $cmd "$example" > /dev/full 2> "$dir/err"
    rc=$?
    check "$cmd > /dev/full: exit status 1 (got $rc)" test $rc -eq 1
    check "$cmd > /dev/full: says so" grep -q "error writing standard output" "$dir/err"
  done
  printf 'мама\nмыла\n' > "$dir/words.txt"
  if $svodka morph мама > /dev/null 2>&1; then
    for cmd in "morph мама" "morph --words $dir/words.txt" "morph --inflect plur мама"; do
      $svodka $cmd > /dev/full 2> "$dir/err"
      rc=$?
      check "$cmd > /dev/full: exit status 1 (got $rc)" test $rc -eq 1
      check "$cmd > /dev/full: says so" grep -q "error writing standard output" "$dir/err"
    done
  fi
fi

# --- unbounded reads: binary data is refused after its first chunk ------------------------------
for cmd in "segment" "analyze" "morph --words" "morph --conllu" "eval morph" \
           "eval segment --format conllu"; do
  run 10 1500 $svodka $cmd /dev/zero > /dev/null 2> "$dir/err"
  rc=$?
  check "$cmd /dev/zero: refused at once (exit status 1, got $rc)" test $rc -eq 1
  check "$cmd /dev/zero: names the input" grep -q "/dev/zero" "$dir/err"
done

# --- memory: a small multiple of the document ---------------------------------------------------
python3 - "$dir" "$example" <<'PY'
import sys
d, ex = sys.argv[1], sys.argv[2]
body = '\n'.join(open(ex).read().split('\n')[2:])
with open(d + '/big.txt', 'w') as f:
    f.write('Заголовок\n')
    n = 0
    while n < 20_000_000:
        f.write(body); n += len(body.encode())
PY
size_kb=$(( $(stat -c %s "$dir/big.txt") / 1024 ))
/usr/bin/time -f '%M' -o "$dir/rss" $svodka analyze --no-morph --jsonl --tokens "$dir/big.txt" > /dev/null
rss_kb=$(cat "$dir/rss")
check "20 MB document with --tokens: peak RSS ${rss_kb} KB under 8x the document (${size_kb} KB)" \
    test "$rss_kb" -lt $((size_kb * 8))

# --- segment does not cut long sentences or tokens ----------------------------------------------
python3 -c "import sys; sys.stdout.write(' '.join(['слово'] * 500000) + '.')" > "$dir/longsent.txt"
$svodka segment "$dir/longsent.txt" > "$dir/out"
check "segment: a 3 MB sentence stays one sentence" \
    python3 -c "import json,sys; d=json.load(open('$dir/out')); sys.exit(len(d['sentences']) != 1 or len(d['tokens']) != 500001)"

# --- a live stream is answered line by line -----------------------------------------------------
mkfifo "$dir/fifo"
( printf '{"id":"first","text":"Первый."}\n'; sleep 30; printf '{"id":"second","text":"Второй."}\n' ) > "$dir/fifo" &
writer=$!
exec 3< <($svodka analyze --no-morph --jsonl --format jsonl - < "$dir/fifo")
line=""
read -t 15 -r line <&3
check "live stream: the first document is written before the input ends" \
    grep -q '"id":"first"' <<< "$line"
pkill -P "$writer" sleep 2> /dev/null
kill "$writer" 2> /dev/null
exec 3<&-
wait 2> /dev/null

# --- --summary strips terminal control sequences ------------------------------------------------
printf 'Заголовок \033[31mкрасный\033[0m\nМОСКВА, 1 мая. /ТАСС/. Текст \033]0;title\007 статьи.\n' > "$dir/esc.txt"
$svodka analyze --no-morph --summary "$dir/esc.txt" > "$dir/out"
check "--summary: no ESC or BEL reaches the terminal" bash -c "! grep -q \$'[\\x1b\\x07]' '$dir/out'"

exit $fail
