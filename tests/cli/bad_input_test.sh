#!/usr/bin/env bash
# The bad-input contract of `svodka analyze` and `svodka segment`: empty, binary, invalid
# UTF-8, missing, directory and huge inputs each get a clear message naming the input; the
# good files in the same run are still processed; the exit status says something failed;
# nothing crashes or hangs.
set -u
svodka=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}

printf 'Заголовок статьи\nМОСКВА, 1 мая. /ТАСС/. Текст статьи.\n' > "$dir/good.txt"
: > "$dir/empty.txt"
head -c 4096 /dev/urandom > "$dir/binary.txt"
printf 'Первая строка\nбитый \xD0 байт и \xFF ещё\n' > "$dir/badutf8.txt"
# 100 MB of valid UTF-8 on a single line: over analyze's default per-document limit of 64 MB
# (refused with a message); `segment` streams it in pieces and must finish.
yes 'слово' | tr '\n' ' ' | head -c 100000000 > "$dir/huge.txt"
mkdir "$dir/adir"

for cmd in "analyze --no-morph" "segment"; do
  $svodka $cmd "$dir/empty.txt" "$dir/binary.txt" "$dir/missing.txt" "$dir/adir" \
      "$dir/badutf8.txt" "$dir/huge.txt" "$dir/good.txt" > "$dir/out" 2> "$dir/err"
  rc=$?
  check "$cmd: exit status 1 when some input failed (got $rc)" test $rc -eq 1
  check "$cmd: names the missing file" grep -q "missing.txt" "$dir/err"
  check "$cmd: names the directory" grep -q "adir" "$dir/err"
  check "$cmd: names the empty file" grep -q "empty.txt" "$dir/err"
  check "$cmd: names the binary file" grep -q "binary.txt.*binary" "$dir/err"
  if [ "$cmd" = segment ]; then
    check "$cmd: segments the huge file" grep -q '"huge"' "$dir/out"
  else
    check "$cmd: names the huge file" grep -q "huge.txt.*limit" "$dir/err"
  fi
  check "$cmd: warns on invalid UTF-8 with the byte offset" \
      grep -Eq "badutf8.txt: byte [0-9]+" "$dir/err"
  check "$cmd: the good file is still processed" grep -q '"good"' "$dir/out"
  check "$cmd: the repaired file is still processed" grep -q '"badutf8"' "$dir/out"
done

$svodka analyze --no-morph "$dir/good.txt" > /dev/null 2>&1
check "analyze: exit status 0 on good input" test $? -eq 0

exit $fail
