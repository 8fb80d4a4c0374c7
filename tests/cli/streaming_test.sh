#!/usr/bin/env bash
# svodka as a streaming filter (`svodka analyze --jsonl -`, docs/scale-out.md): each result is
# written as soon as it is ready, in input order, with the whole pipeline on all threads; memory
# does not grow with the length of the stream.
#   tests/cli/streaming_test.sh build/svodka
set -u
svodka=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}

# --- the first result comes before the input ends (latency per document) --------------------
mkfifo "$dir/fifo"
( printf '{"id":"first","text":"Сергей Лавров прибыл в Токио."}\n'
  printf '{"id":"second","text":"Фумио Кисида встретил его."}\n'
  sleep 30
  printf '{"id":"third","text":"Переговоры продолжатся."}\n' ) > "$dir/fifo" &
writer=$!
exec 3< <($svodka analyze --jsonl --format jsonl -j 2 - < "$dir/fifo")
first="" second=""
read -t 20 -r first <&3
read -t 20 -r second <&3
check "the first result is written before the input ends" grep -q '"id":"first"' <<< "$first"
check "with its entities" grep -q '"name":"Сергей Лавров"' <<< "$first"
check "results keep the input order" grep -q '"id":"second"' <<< "$second"
pkill -P "$writer" sleep 2> /dev/null
kill "$writer" 2> /dev/null
exec 3<&-
wait 2> /dev/null

# --- memory is flat on a long stream ---------------------------------------------------------
stream() {  # stream N: N short JSONL records on stdout
  python3 -c "
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({'id': str(i), 'text': 'Министр Сергей Лавров %d раз встретил Фумио Кисиду в Токио.' % i}, ensure_ascii=False))
" "$1"
}
rss() {  # rss N: peak RSS in KB of analysing a stream of N records on 2 threads
  stream "$1" | /usr/bin/time -f %M -o "$dir/rss" "$svodka" analyze --jsonl --format jsonl -j 2 - \
      > "$dir/out.$1" 2> /dev/null
  echo "$(cat "$dir/rss")"
}
small=$(rss 2000)
large=$(rss 20000)
check "every record of the long stream is written ($(wc -l < "$dir/out.20000") of 20000)" \
    test "$(wc -l < "$dir/out.20000")" -eq 20000
check "peak memory flat: ${small} KB for 2,000 records, ${large} KB for 20,000" \
    test "$large" -lt $((small + small / 4 + 4096))

exit $fail
