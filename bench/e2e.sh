#!/usr/bin/env bash
# End-to-end throughput and peak memory of the `svodka` command on generated inputs.
#   bench/e2e.sh [build/svodka] [MB]
# * segment:  `svodka segment` on a plain-text file of ~MB megabytes of news text (files in,
#             JSON out), MB/s of input;
# * analyze:  `svodka analyze --jsonl` on JSONL streams of MB/4 and MB megabytes of wire stories
#             (the example, 2.7 KB a document), on one thread and on all cores: peak RSS must
#             stay flat as the stream grows (streaming, not slurping);
# * morph:    `svodka morph --words` on 2M+ words, words/s end to end.
# The news text is the bundled example, plus ../shared/data/factrueval-2016 texts when present.
set -euo pipefail
svodka=${1:-build/svodka}
mb=${2:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
src=$(dirname "$0")/..

seed="$dir/seed.txt"
cat "$src"/examples/*.txt > "$seed"
if [ -d "$src/../shared/data/factrueval-2016/devset" ]; then
  cat "$src"/../shared/data/factrueval-2016/devset/*.txt >> "$seed"
fi
text="$dir/news.txt"
: > "$text"
while [ "$(stat -c %s "$text")" -lt $((mb * 1000000)) ]; do cat "$seed" >> "$text"; done
bytes=$(stat -c %s "$text")

seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

t=$(seconds "$svodka" segment "$text")
printf 'segment   %6.1f MB in %6.2f s = %6.1f MB/s\n' "$(echo "$bytes/1000000" | bc -l)" "$t" \
  "$(echo "$bytes/1000000/$t" | bc -l)"
t=$(seconds "$svodka" segment --lines "$text")
printf 'segment --lines %6.2f s = %6.1f MB/s\n' "$t" "$(echo "$bytes/1000000/$t" | bc -l)"

# JSONL: one record per example paragraph block, id numbered.
make_jsonl() {  # make_jsonl OUT MB
  local out=$1 want=$(($2 * 1000000)) i=0
  local body
  body=$(jq -Rs . < "$src/examples/tass-2017-03-20-lavrov-kishida.txt")
  : > "$out"
  local chunk="$dir/chunk.jsonl"
  : > "$chunk"
  for i in $(seq 1 200); do printf '{"id":"d%d","text":%s}\n' "$i" "$body" >> "$chunk"; done
  while [ "$(stat -c %s "$out")" -lt "$want" ]; do cat "$chunk" >> "$out"; done
}
# One thread and all cores (-j 0): throughput, and peak RSS that must not grow with the stream.
cores=$(nproc)
for size in $((mb / 4)) "$mb"; do
  make_jsonl "$dir/s.jsonl" "$size"
  b=$(stat -c %s "$dir/s.jsonl")
  for j in 1 "$cores"; do
    /usr/bin/time -f '%e %M' -o "$dir/time" "$svodka" analyze --jsonl -j "$j" "$dir/s.jsonl" > /dev/null
    read -r secs kb < "$dir/time"
    printf 'analyze --jsonl -j %d %6.1f MB: %6.2f s, %6.1f MB/s, peak RSS %6.1f MB\n' "$j" \
      "$(echo "$b/1000000" | bc -l)" "$secs" "$(echo "$b/1000000/$secs" | bc -l)" \
      "$(echo "$kb/1024" | bc -l)"
  done
done

# `svodka morph --words`: one word per line in, word/lemma/UPOS/FEATS per line out. Words are
# the word forms of the UD dev sets when ../shared is present, else of the example, repeated
# to at least 2M lines.
words="$dir/words.txt"
ud="$src/../shared/data/ud"
if [ -d "$ud" ]; then
  cat "$ud"/UD_Russian-GSD/*.conllu "$ud"/GramEval2020/*Lenta-news-dev.conllu |
    awk -F'\t' 'NF == 10 && $1 ~ /^[0-9]+$/ { print $2 }' > "$dir/w1"
else
  tr -s ' \n' '\n' < "$seed" > "$dir/w1"
fi
: > "$words"
while [ "$(wc -l < "$words")" -lt 2000000 ]; do cat "$dir/w1" >> "$words"; done
n=$(wc -l < "$words")
t=$(seconds "$svodka" morph --words "$words")
printf 'morph --words %d words in %6.2f s = %6.2f M words/s\n' "$n" "$t" "$(echo "$n/$t/1000000" | bc -l)"
