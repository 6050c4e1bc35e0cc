#!/bin/sh
# End-to-end tests of the extractor commands (extract, ingest, eval).
# Usage: extract_cli_test.sh GEOKG SOURCE_DIR CASE
. "$(dirname "$0")/lib.sh"
SEED=$SRC/data/sample/articles/000_feed063c7223cddc.txt

case $CASE in
extract_seed)
  run 0 extract --date 2022-08-15 "$SEED"
  out_has '"subject":{"id":"PRK"'
  out_has '"relation":"recognises","object":{"id":"DPR"'
  out_has '"relation":"cuts_ties"'
  out_has '"date":"2022-07","date_precision":"month"'
  for junk in Registrieren Reuters Hongkong Jamaikas Gaza Bierfan; do out_lacks "$junk"; done
  ;;
extract_bad_input)
  mkdir -p "$TMP/in"
  printf 'Die Ukraine brach die Beziehungen zu Syrien ab.\n' > "$TMP/in/good.txt"
  : > "$TMP/in/empty.txt"
  printf '\177ELF\002\001\001\000\000\000' > "$TMP/in/prog.bin"
  printf 'Die T\374rkei erkennt Kosovo an.\n' > "$TMP/in/latin1.txt"
  printf 'La Russie a reconnu les deux r\303\251publiques, a dit le Kremlin.\n' > "$TMP/in/fr.txt"
  printf '{"id":"a","text":"Russia recognised Kosovo."}\n{broken\n' > "$TMP/c.jsonl"
  run 0 extract "$TMP/in" "$TMP/c.jsonl" "$TMP/missing.txt"
  err_has "$TMP/in/empty.txt: empty document"
  err_has "$TMP/in/prog.bin: binary data"
  err_has "$TMP/in/latin1.txt: invalid UTF-8 at byte 5"
  err_has "$TMP/in/fr.txt: language not recognised"
  err_has "$TMP/c.jsonl:2: not valid JSON"
  err_has "$TMP/missing.txt: no such file or directory"
  out_has '"relation":"cuts_ties"'
  run 1 extract "$TMP/in/empty.txt"
  run 2 extract --date 15.08.2022 "$SEED"
  run 2 extract --lang
  ;;
extract_order)
  "$GEOKG" extract --data "$DATA" --threads 1 --date 2022-08-15 "$SRC/data/sample/articles" > "$TMP/one" || fail "threads 1"
  "$GEOKG" extract --data "$DATA" --threads 3 --date 2022-08-15 "$SRC/data/sample/articles" > "$TMP/three" || fail "threads 3"
  cmp -s "$TMP/one" "$TMP/three" || fail "output differs between 1 and 3 threads"
  [ -s "$TMP/one" ] || fail "no triples from the sample articles"
  ;;
extract_stdin)
  "$GEOKG" extract --data "$DATA" - < "$SRC/data/sample/articles.jsonl" > "$TMP/out" 2> "$TMP/err" || fail "stdin JSONL"
  out_has '"doc":{"id":"sample-001"'
  [ ! -s "$TMP/err" ] || { cat "$TMP/err" >&2; fail "stderr not empty"; }
  "$GEOKG" extract --data "$DATA" --date 2022-08-15 - < "$SEED" > "$TMP/out" || fail "stdin text"
  out_has '"doc":{"id":"stdin"'
  ;;
ingest)
  run 0 ingest --db "$TMP/g.db" "$SRC/data/sample/articles.jsonl"
  err_has "ingest: 11 documents (0 skipped)"
  run 0 ingest --db "$TMP/g.db" "$SRC/data/sample/articles.jsonl"
  err_has " 0 evidence rows added"
  run 0 stats --db "$TMP/g.db"
  run 2 ingest --db "$TMP/g.db"
  ;;
eval_geokg)
  cat > "$TMP/gold.jsonl" <<'GOLD'
{"id":"g1","lang":"en","text":"Iran and Saudi Arabia agreed to restore diplomatic relations.","triples":[{"subject":"Saudi Arabia","relation":"restores_ties","object":"Iran"}]}
{"id":"g2","lang":"de","text":"Die Ukraine brach die Beziehungen zu Nordkorea ab.","triples":[{"subject":"UKR","relation":"cuts_ties","object":"Nordkorea"},{"subject":"UKR","relation":"recognises","object":"XKX"}]}
GOLD
  run 0 eval --gold "$TMP/gold.jsonl"
  out_has "restores_ties          P 1.000  R 1.000"
  out_has "misses (1):"
  out_has "g2 [de] UKR recognises XKX"
  out_has "by language:"
  run 2 eval
  ;;
eval_plover)
  gold="$SRC/../shared/eval/dev/plover_gsr_dev_de.jsonl"
  if [ ! -f "$gold" ]; then  # the shared dev set lies beside the checkout; else a two-line stand-in
    gold="$TMP/plover.jsonl"
    printf '%s\n' '{"id":"p1","lang":"de","text":"Die Ukraine brach die Beziehungen zu Nordkorea ab.","gold":[{"source":"UKRGOV","target":"PRK","plover":"SANCTION"}]}' \
      '{"id":"p2","lang":"de","text":"Russland kritisierte die Sanktionen.","gold":[{"source":"RUSGOV","target":"","plover":"DISAPPROVE"}]}' > "$gold"
  fi
  run 0 eval --gold-format plover --gold "$gold"
  out_has "by PLOVER type:"
  out_has "by language:"
  out_has "false alarms ("
  ;;
eval_plover_symmetric)
  # One symmetric prediction ("Jordan and Britain agreed") matches the gold event
  # coded in each direction; its unmatched mirror is no false alarm.
  printf '%s\n' '{"id":"p1","lang":"en","text":"Jordan and Britain agreed on a new trade pact.","gold":[{"source":"JORGOV","target":"","plover":"AGREE"},{"source":"GBRGOV","target":"","plover":"AGREE"}]}' \
    '{"id":"p2","lang":"en","text":"Israel and Lebanon renewed negotiations.","gold":[{"source":"ISRGOV","target":"LBNGOV","plover":"CONSULT"}]}' > "$TMP/sym.jsonl"
  run 0 eval --gold-format plover --gold "$TMP/sym.jsonl"
  out_has "all                    P 1.000  R 1.000  F1 1.000   (tp 3, fp 0, fn 0; 2 predictions correct)"
  out_has "false alarms (0):"
  ;;
help)
  for c in extract ingest eval; do
    "$GEOKG" $c --help > "$TMP/out" || fail "$c --help"
    out_has "usage: geokg $c"
    out_has "Examples:"
  done
  ;;
*) fail "unknown case" ;;
esac
exit 0
