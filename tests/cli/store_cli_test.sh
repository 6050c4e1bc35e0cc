#!/bin/sh
# End-to-end tests of the store commands (load, merge, stats, entities,
# evidence, timeline). Usage: store_cli_test.sh GEOKG SOURCE_DIR CASE
. "$(dirname "$0")/lib.sh"
SAMPLE=$SRC/data/sample/triples.jsonl
DB=$TMP/g.db
triple() {  # doc date subject relation object
  printf '{"doc":{"id":"%s","date":"%s"},"subject":"%s","relation":"%s","object":"%s"}\n' "$1" "$2" "$3" "$4" "$5"
}

case $CASE in
load_good)
  run 0 load --db "$DB" "$SAMPLE"
  out_has "triples; documents: 35 new, 0 changed, 0 unchanged"
  run 0 load --db "$DB" "$SAMPLE"
  out_has "documents: 0 new, 0 changed, 35 unchanged; 0 evidence rows added, 0 edges written"
  ;;
load_malformed)
  { triple d1 2022-01-01 AAA meets BBB; echo; echo '{"doc":{"id":"d2"},"subject":"AAA",'; triple d3 2022 AAA meets CCC; } > "$TMP/bad.jsonl"
  run 1 load --db "$DB" "$TMP/bad.jsonl"
  err_has "$TMP/bad.jsonl:3: invalid JSON"
  run 0 stats --db "$DB" --format json
  out_has '"documents":0,'
  out_has '"evidence":0,'
  triple d4 2022 AAA befriends BBB > "$TMP/rel.jsonl"
  run 1 load --db "$DB" "$TMP/rel.jsonl"
  err_has "$TMP/rel.jsonl:1: unknown relation \"befriends\""
  ;;
load_skip_bad)
  { triple d1 2022-01-01 AAA meets BBB; echo 'not json'; triple d3 2022 AAA meets CCC; triple d4 2022 AAA befriends CCC; } > "$TMP/bad.jsonl"
  run 0 load --db "$DB" --skip-bad "$TMP/bad.jsonl"
  err_has "$TMP/bad.jsonl:2: invalid JSON"
  err_has "$TMP/bad.jsonl:4: unknown relation \"befriends\""
  err_has "skipped 2 bad lines of $TMP/bad.jsonl"
  out_has "2 triples"
  run 0 stats --db "$DB" --format json
  out_has '"evidence":2,'
  ;;
load_stdin)
  triple d1 2022-01-01 AAA meets BBB | "$GEOKG" load --db "$DB" --data "$DATA" - >"$TMP/out" 2>"$TMP/err" || fail "load - failed"
  out_has "-: 1 triples"
  ;;
stats)
  run 0 load --db "$DB" "$SAMPLE"
  run 0 stats --db "$DB"
  out_has "documents  35"
  out_has "recognises"
  run 0 stats --db "$DB" --format json
  out_has '"schema_version":3'
  out_has '"documents":35'
  run 1 stats --db "$TMP/none.db"
  err_has "does not exist"
  run 2 stats --db "$DB" --format xml
  ;;
entities)
  run 0 load --db "$DB" "$SAMPLE"
  run 0 entities --db "$DB" --match korea
  out_has "PRK"
  out_has "North Korea"
  run 0 entities --db "$DB" --match "Pjöngjang" --format json
  out_has '"id":"PRK"'
  run 0 entities --db "$DB" --match volksrepublik
  out_has "DPR"
  out_has "LPR"
  ;;
evidence)
  run 0 load --db "$DB" "$SAMPLE"
  run 0 evidence --db "$DB" Russland recognises "Donetsk People's Republic"
  out_has "RUS recognises DPR"
  out_has "Russland hat die selbsternannten Volksrepubliken"
  out_has "President Vladimir Putin signed decrees"
  out_has "2 evidence rows"
  run 0 evidence --db "$DB" --format json DEU recognises DPR
  out_has '"polarity":"negative"'
  run 1 evidence --db "$DB" RUS befriends DPR
  err_has "unknown relation \"befriends\""
  run 2 evidence --db "$DB" RUS recognises
  ;;
timeline)
  run 0 load --db "$DB" "$SAMPLE"
  run 0 timeline --db "$DB" "Saudi Arabia" Iran
  out_has "2016-01-03  2023-03-10  ended"
  out_has "IRN cuts_ties SAU"
  out_has "IRN restores_ties SAU"
  # date order: the cut comes before the restoration
  cut=$(grep -n "cuts_ties" "$TMP/out" | head -1 | cut -d: -f1)
  restore=$(grep -n "restores_ties" "$TMP/out" | head -1 | cut -d: -f1)
  [ "$cut" -lt "$restore" ] || fail "timeline not in date order"
  run 0 timeline --db "$DB" --format json UKR PRK
  out_has '"relation":"cuts_ties"'
  ;;
unknown_name)
  run 0 load --db "$DB" "$SAMPLE"
  run 1 timeline --db "$DB" Rusia Ukraine
  err_has "no entity named \"Rusia\""
  err_has "did you mean: Russia (RUS)"
  ;;
merge)
  # English articles in one shard, German ones (and one English duplicate) in the other.
  grep -F '"doc":{"id":"en-' "$SAMPLE" > "$TMP/a.jsonl"
  grep -F -e '"doc":{"id":"de-' -e '"doc":{"id":"en-2022-02-21' "$SAMPLE" > "$TMP/b.jsonl"
  run 0 load --db "$TMP/a.db" "$TMP/a.jsonl"
  run 0 load --db "$TMP/b.db" "$TMP/b.jsonl"
  run 0 merge --db "$DB" "$TMP/a.db" "$TMP/b.db"
  run 0 load --db "$TMP/one.db" "$SAMPLE"
  run 0 stats --db "$TMP/one.db" --format json
  sed 's/"store":"[^"]*",//; s/"file_bytes":[0-9]*,//' "$TMP/out" > "$TMP/want"
  run 0 stats --db "$DB" --format json
  sed 's/"store":"[^"]*",//; s/"file_bytes":[0-9]*,//' "$TMP/out" > "$TMP/got"
  cmp -s "$TMP/want" "$TMP/got" || { diff "$TMP/want" "$TMP/got" >&2; fail "merged stats differ from one load"; }
  run 0 merge --db "$DB" "$TMP/b.db"
  out_has "0 new, 0 changed"
  run 1 merge --db "$DB" "$TMP/missing.db"
  err_has "does not exist"
  ;;
help)
  for c in load merge stats entities evidence timeline; do
    run 0 "$c" --help
    out_has "usage: geokg $c"
    out_has "examples:"
  done
  run 2 load --db "$DB"
  err_has "expected FILE"
  run 2 load --db "$DB" --bogus x
  ;;
*)
  fail "unknown case"
  ;;
esac
exit 0
