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

# --- analyze: options and models ------------------------------------------------------------
# A --dict the user named that cannot be loaded: the run goes on without morphology, but the
# exit status says something failed (it used to be 0 with lemmas silently missing).
head -c 40 /dev/urandom > "$dir/bad.dict"
$svodka analyze --dict "$dir/bad.dict" "$dir/good.txt" > "$dir/out" 2> "$dir/err"
check "analyze: corrupt --dict gives exit status 1 (got $?)" test $? -eq 1
check "analyze: corrupt --dict is named" grep -q "bad.dict" "$dir/err"
check "analyze: corrupt --dict, the file is still analysed" grep -q '"good"' "$dir/out"
# --max-doc-mb -1 wrapped around to an arbitrary limit.
$svodka analyze --no-morph --max-doc-mb -1 "$dir/good.txt" > /dev/null 2>&1
check "analyze: --max-doc-mb -1 is bad usage (got $?)" test $? -eq 2

# A file of nothing but whitespace is as empty as an empty one, for both commands.
printf '  \n\t\r\n\n' > "$dir/blank.txt"
for cmd in "analyze --no-morph" "segment"; do
  $svodka $cmd "$dir/blank.txt" > "$dir/out" 2> "$dir/err"
  check "$cmd: whitespace-only file is an error (got $?)" test $? -eq 1
  check "$cmd: whitespace-only file named as empty" grep -q "blank.txt: empty" "$dir/err"
done
if [ -n "$($svodka morph кот 2>/dev/null)" ]; then
  printf '' > "$dir/none.conllu"
  $svodka train morph --train "$dir/none.conllu" --out "$dir/m.bin" \
      > /dev/null 2> "$dir/err"
  check "train morph: no training sentences is an error (got $?)" test $? -eq 1
  check "train morph: says there is nothing to train on" grep -q "none.conllu: no sentences" "$dir/err"
  check "train morph: no model written from nothing" test ! -e "$dir/m.bin"
fi

# --- eval segment -----------------------------------------------------------------------------
mkdir "$dir/fre"
printf 'Кот.' > "$dir/fre/a.txt"
printf '1 0 3 Кот\n2 18446744073709551615 1 x\n' > "$dir/fre/a.tokens"
printf '# only a comment\n\n' > "$dir/empty.conllu"
printf '1\tКот\tкот\tNOUN\t_\t_\t0\troot\t_\t_\n\n' > "$dir/good.conllu"
$svodka eval segment "$dir/fre" "$dir/empty.conllu" "$dir/good.conllu" > "$dir/out" 2> "$dir/err"
rc=$?
check "eval segment: exit status 1 (got $rc)" test $rc -eq 1
check "eval segment: huge factRuEval offset reported with its line" \
    grep -q "a.tokens: line 2: token beyond the end" "$dir/err"
check "eval segment: empty gold file reported" grep -q "empty.conllu: no gold documents" "$dir/err"
check "eval segment: the good file is still scored" grep -q "good.conllu: 1 documents" "$dir/out"
# Issue 12: files that are not gold data were scored as razdel partitions: an executable, a
# page of prose, a CoNLL-U file without token text. Each is refused, named; others are scored.
cp "$svodka" "$dir/program"
printf 'Это просто текст, а не разметка.\nВторая строка.\n' > "$dir/prose.txt"
printf '1\t\t_\t_\t_\t_\t0\troot\t_\t_\n\n' > "$dir/noform.conllu"
$svodka eval segment "$dir/program" "$dir/binary.txt" "$dir/prose.txt" "$dir/noform.conllu" \
    "$dir/good.conllu" > "$dir/out" 2> "$dir/err"
rc=$?
check "eval segment: not-gold inputs give exit status 1 (got $rc)" test $rc -eq 1
check "eval segment: an executable is refused as binary" grep -q "program: .*binary" "$dir/err"
check "eval segment: random bytes are refused" grep -q "binary.txt: " "$dir/err"
check "eval segment: prose is refused" grep -q "prose.txt: line 1: .*not razdel token gold" "$dir/err"
check "eval segment: a CoNLL-U word without text is refused" \
    grep -q "noform.conllu: line 1: .*empty FORM" "$dir/err"
check "eval segment: nothing not-gold is scored" \
    bash -c "! grep -Eq 'program|binary|prose|noform' '$dir/out'"
check "eval segment: the good file is still scored among them" \
    grep -q "good.conllu: 1 documents" "$dir/out"

# --- morph (needs the compiled dictionary; skipped without it) ----------------------------------
if $svodka morph кот > /dev/null 2>&1; then
  printf '\xef\xbb\xbfкот\r\nмыла\r\n' > "$dir/bom.words"
  $svodka morph --words "$dir/bom.words" > "$dir/out" 2> "$dir/err"
  check "morph --words: a BOM does not make the first word unknown" \
      grep -q "^кот	кот	NOUN" "$dir/out"
  for f in empty.txt binary.txt; do
    $svodka morph --words "$dir/$f" > /dev/null 2> "$dir/err"
    check "morph --words $f: exit status 1 (got $?)" test $? -eq 1
    check "morph --words $f: named" grep -q "$f" "$dir/err"
  done
  $svodka morph --words "$dir/badutf8.txt" > /dev/null 2> "$dir/err"
  check "morph --words: invalid UTF-8 warned with the byte offset" \
      grep -Eq "badutf8.txt: byte [0-9]+: invalid UTF-8" "$dir/err"
  # Issue 12: a TAB (or other control character) inside a line broke the 4-column TSV.
  printf 'кот\tмыла\nстали\r\n\nа\rб\n\t\nx\xc2\x85y\n' > "$dir/tabs.words"
  $svodka morph --words "$dir/tabs.words" > "$dir/out" 2> "$dir/err"
  check "morph --words: TABs inside lines, exit status 0 (got $?)" test $? -eq 0
  check "morph --words: one output line per input line" \
      test "$(wc -l < "$dir/out")" -eq "$(wc -l < "$dir/tabs.words")"
  check "morph --words: every non-blank line has 4 fields" \
      awk -F'\t' 'NF != 0 && NF != 4 { bad = 1 } END { exit bad }' "$dir/out"
  check "morph --words: the TAB is echoed as a space" grep -q "^кот мыла	" "$dir/out"
  check "morph --words: no control characters in the output" \
      test "$(LC_ALL=C tr -d '\t\n\040-\176\200-\377' < "$dir/out" | wc -c)" -eq 0
  check "morph --words: a C1 control (U+0085) is echoed as a space" grep -q "^x y	" "$dir/out"
  # Issue 12: "Фумио" + plur was "Фумиовичи" (a patronymic paradigm applied to a name);
  # "Иван" + femn was "Ивановна".
  out=$($svodka morph --inflect plur Фумио 2>/dev/null)
  check "morph --inflect plur Фумио: no patronymic (got '$out')" \
      bash -c "! printf '%s' '$out' | grep -q 'ович'"
  $svodka morph --inflect femn Иван > "$dir/out" 2> "$dir/err"
  check "morph --inflect femn Иван: refused with exit status 1 (got $?)" test $? -eq 1
  check "morph --inflect femn Иван: says it has no form" grep -q "'Иван' has no form with femn" "$dir/err"
  check "morph --inflect femn Иван: keeps the word" grep -q "^Иван	Иван$" "$dir/out"
  # Issue 12: "п-р-и-в-е-т" was lemmatized "п-р-и-в-е-том" ("т" read as the abbreviation of
  # "том"); a word spelled out letter by letter is its own lemma.
  check "morph п-р-и-в-е-т: its own lemma" \
      bash -c "$svodka morph п-р-и-в-е-т | cut -f2 | sort -u | grep -qx 'п-р-и-в-е-т'"
  check "morph п-р-и-в-е-т: no other lemma" \
      test "$($svodka morph п-р-и-в-е-т | cut -f2 | sort -u | wc -l)" -eq 1
  echo 'Он сказал п-р-и-в-е-т.' | $svodka analyze --tokens - > "$dir/out" 2> "$dir/err"
  check "analyze: п-р-и-в-е-т in context is its own lemma" \
      grep -q '"lemma": "п-р-и-в-е-т"' "$dir/out"
  # Issue 12: training on gold without usable annotations wrote a model of nothing, exit 0.
  printf '1\tКот\t_\t_\t_\t_\t0\troot\t_\t_\n2\tApple\t_\t_\t_\t_\t1\tnmod\t_\t_\n\n' \
      > "$dir/bare.conllu"
  $svodka train morph --train "$dir/bare.conllu" --out "$dir/bare.bin" --epochs 1 \
      --hash-bits 10 > /dev/null 2> "$dir/err"
  check "train morph: unannotated gold gives exit status 1 (got $?)" test $? -eq 1
  check "train morph: unannotated gold is named" \
      grep -q "bare.conllu: nothing to learn from" "$dir/err"
  check "train morph: no model written from unannotated gold" test ! -e "$dir/bare.bin"
  for g in "" ",,," "sing,plur" "bogus"; do
    $svodka morph --inflect "$g" кот > /dev/null 2>&1
    check "morph --inflect '$g': bad usage (got $?)" test $? -eq 2
  done
  $svodka morph --inflect nomn > /dev/null 2>&1
  check "morph --inflect without words: bad usage (got $?)" test $? -eq 2
  printf 'x\tКот\tкот\tNOUN\t_\t_\t0\troot\t_\t_\n\n' > "$dir/badid.conllu"
  $svodka morph --conllu "$dir/badid.conllu" > "$dir/out" 2> "$dir/err"
  check "morph --conllu: a non-integer ID is an error (got $?)" test $? -eq 1
  check "morph --conllu: bad ID named with its line" grep -q "badid.conllu: line 1: ID 'x'" "$dir/err"
  $svodka morph --conllu "$dir/empty.conllu" > /dev/null 2> "$dir/err"
  check "morph --conllu: an empty file is reported (got $?)" test $? -eq 1
  # Training writes --out at the end: a bad --out is refused before training starts, and a
  # failed write leaves no "<out>.tmp" behind.
  mkdir "$dir/outdir"
  $svodka train morph --train "$dir/good.conllu" --out "$dir/outdir" --epochs 1 --hash-bits 10 \
      > /dev/null 2> "$dir/err"
  check "train morph: --out a directory gives exit status 1 (got $?)" test $? -eq 1
  check "train morph: --out a directory is named" grep -q "outdir: is a directory" "$dir/err"
  check "train morph: refused before training" bash -c "! grep -q epoch '$dir/err'"
  check "train morph: no orphaned temporary" test ! -e "$dir/outdir.tmp"
  $svodka train morph --train "$dir/good.conllu" --out "$dir/m.bin" --epochs 0 > /dev/null 2>&1
  check "train morph: --epochs 0 is bad usage (got $?)" test $? -eq 2
else
  echo "skip morph checks: no dictionary"
fi

exit $fail
