#!/usr/bin/env bash
# The main job on a fresh Debian machine: installs what geokg needs, builds it,
# extracts relations from the bundled sample articles into the default store
# geokg.db, prints what the store holds, and writes the sample collection's map
# (SVG) and HTML report under output/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build --parallel "$(nproc)" --target geokg

geokg=build/src/cli/geokg
db=geokg.db
mkdir -p output

echo "== ingest: bundled sample articles (German and English) -> $db"
"$geokg" ingest --db "$db" data/sample/articles.jsonl data/sample/articles/011_reuters_en_biden_saudi.html
echo "== load: bundled sample triples -> $db"
"$geokg" load --db "$db" data/sample/triples.jsonl
echo "== stats"
"$geokg" stats --db "$db"
echo "== who recognised the Donetsk People's Republic?"
"$geokg" query --db "$db" -f queries/recognised_by.cypher --param entity=DPR || true
echo "== map and report"
"$geokg" export svg --db "$db" -o output/sample_map.svg
"$geokg" export html --db "$db" -o output/sample_report.html
"$geokg" export svg --db "$db" --query queries/breakaway_recognition_map.cypher \
  -o output/recognition_map.svg
echo "wrote output/sample_map.svg, output/sample_report.html and output/recognition_map.svg"
