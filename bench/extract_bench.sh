#!/usr/bin/env bash
# Extractor benchmark: end-to-end `geokg extract` to JSONL on a generated
# corpus of >= 50 MB (the sample articles repeated with perturbations, in a
# temporary directory that is removed afterwards; never committed).
# Prints MB/s per core, the ratio to `wc -w` on the same corpus, and peak
# memory (maximum resident set size from /usr/bin/time -v).
#
#   bench/extract_bench.sh [GEOKG_BINARY] [CORPUS_MB] [THREADS]
#
# Defaults: build/src/cli/geokg, 60 MB, all cores (nproc).
# GEOKG_BENCH_KEEP=DIR keeps the corpus and the outputs in DIR (corpus.jsonl,
# out-t1.jsonl): an existing DIR/corpus.jsonl of the same CORPUS_MB is reused,
# so runs before and after a change can be compared byte for byte (cmp).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
geokg="${1:-$root/build/src/cli/geokg}"
mb="${2:-60}"
threads="${3:-$(nproc)}"
[[ -x "$geokg" ]] || { echo "extract_bench: no geokg binary at $geokg (build it first)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "extract_bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
keep="${GEOKG_BENCH_KEEP:-}"
corpus="$tmp/corpus.jsonl"
if [[ -n "$keep" ]]; then
  mkdir -p "$keep"
  corpus="$keep/corpus.jsonl"
  [[ -f "$keep/corpus.mb" && "$(cat "$keep/corpus.mb")" == "$mb" ]] || rm -f "$corpus"
fi

[[ -f "$corpus" ]] || python3 - "$root/data/sample/articles.jsonl" "$corpus" "$mb" <<'PY'
import json, random, sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(7)
articles = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
swaps = {"en": [("Ukraine", "Moldova"), ("North Korea", "Belarus"), ("Syria", "Iran"), ("Russia", "China"),
                 ("Saudi Arabia", "Qatar"), ("Israel", "Morocco"), ("Honduras", "Nicaragua")],
         "de": [("Ukraine", "Moldau"), ("Nordkorea", "Belarus"), ("Syrien", "Iran"), ("Russland", "China"),
                ("Saudi-Arabien", "Katar"), ("Israel", "Marokko"), ("Kosovo", "Serbien")]}
target = mb * 1000 * 1000
size, n = 0, 0
with open(dst, "w", encoding="utf-8") as out:
    while size < target:
        a = dict(random.choice(articles))
        text = a["text"]
        for x, y in random.sample(swaps[a["lang"]], 2):
            text = text.replace(x, y)
        a["text"] = text.replace(" 2022", " %d" % random.randint(2000, 2023))
        a["id"] = "bench-%d" % n
        y, m, d = 2015 + n % 9, 1 + n % 12, 1 + n % 28
        a["date"] = "%04d-%02d-%02d" % (y, m, d)
        line = json.dumps(a, ensure_ascii=False) + "\n"
        out.write(line)
        size += len(line.encode("utf-8"))
        n += 1
print("corpus: %d articles, %.1f MB" % (n, size / 1e6), file=sys.stderr)
PY
[[ -z "$keep" ]] || echo "$mb" > "$keep/corpus.mb"
bytes=$(stat -c %s "$corpus")

# Warm the page cache so both tools read from memory.
cat "$corpus" > /dev/null

secs() { # runs "$@" under /usr/bin/time; prints "elapsed_seconds max_rss_kib cpu_seconds"
  /usr/bin/time -v -o "$tmp/time.txt" "$@" > "$tmp/out" 2> "$tmp/err" || {
    echo "extract_bench: command failed: $*" >&2; tail -5 "$tmp/err" >&2; exit 1; }
  local e r c
  e=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time.txt" |
      awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
  c=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$tmp/time.txt")
  echo "$e $r $c"
}

read -r wc_s _ wc_cpu < <(secs wc -w "$corpus")
read -r one_s one_rss one_cpu < <(secs "$geokg" extract --threads 1 "$corpus")
triples=$(wc -l < "$tmp/out")
[[ -z "$keep" ]] || cp "$tmp/out" "$keep/out-t1.jsonl"
read -r all_s all_rss all_cpu < <(secs "$geokg" extract --threads "$threads" "$corpus")
# The stages before relation extraction alone (cleaning, language, segmentation).
read -r pre_s pre_rss pre_cpu < <(secs "$geokg" extract --sentences --threads 1 "$corpus")

python3 - "$bytes" "$wc_s" "$wc_cpu" "$one_s" "$one_rss" "$one_cpu" "$all_s" "$all_rss" "$all_cpu" \
  "$threads" "$triples" "$pre_s" "$pre_cpu" <<'PY'
import sys
a = sys.argv[1:]
b, wc, wc_cpu, one, one_rss, one_cpu, al, al_rss, al_cpu, th, triples, pre, pre_cpu = a
b, th = int(b), int(th)
wc, wc_cpu, one, one_cpu, al, al_cpu, pre, pre_cpu = map(float, (wc, wc_cpu, one, one_cpu, al, al_cpu, pre, pre_cpu))
mb = b / 1e6
def rate(s): return mb / s if s > 0 else float("inf")
print("extract_bench: corpus %.1f MB, %s triples (wall clock and CPU time; on a loaded machine the"
      % (mb, triples))
print("               CPU-time rate is the per-core figure)")
print("  wc -w                    %7.2f s wall %7.2f s cpu  %8.1f MB/s cpu" % (wc, wc_cpu, rate(wc_cpu)))
print("  geokg extract -t 1       %7.2f s wall %7.2f s cpu  %8.1f MB/s per core (cpu)  %6.1f MB/s wall"
      "  peak RSS %6.1f MiB  %5.1fx wc -w (cpu)"
      % (one, one_cpu, rate(one_cpu), rate(one), int(one_rss) / 1024, one_cpu / wc_cpu if wc_cpu > 0 else 0))
print("  geokg extract -t %-3d     %7.2f s wall %7.2f s cpu  %8.1f MB/s per core (cpu)  %6.1f MB/s wall"
      "  peak RSS %6.1f MiB"
      % (th, al, al_cpu, rate(al_cpu), rate(al), int(al_rss) / 1024))
print("  stages before relations  %7.2f s wall %7.2f s cpu  %8.1f MB/s per core (cpu)"
      % (pre, pre_cpu, rate(pre_cpu)))
PY
