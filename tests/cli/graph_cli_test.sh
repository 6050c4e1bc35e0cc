#!/bin/sh
# End-to-end tests of the graph commands (path, neighbors, ego, rank, blocs,
# balance) on data/sample/triples.jsonl. Usage: graph_cli_test.sh GEOKG SOURCE_DIR CASE
. "$(dirname "$0")/lib.sh"
SAMPLE=$SRC/data/sample/triples.jsonl
DB=$TMP/g.db
first_line() { head -n 1 "$TMP/out"; }

"$GEOKG" load --db "$DB" --data "$DATA" "$SAMPLE" >/dev/null 2>"$TMP/err" || { cat "$TMP/err" >&2; fail "load failed"; }

case $CASE in
path_names)
  # German name, English alias and German capital metonym all resolve to PRK.
  run 0 path --db "$DB" Nordkorea Ukraine
  out_has "North Korea (PRK) <-[cuts_ties]-> Ukraine (UKR)"
  out_has "seen 2022-07-13..2022-07-13, valid 2022-07-13.."
  run 0 path --db "$DB" DPRK "Pjöngjang"
  out_has "0 hops"
  run 0 path --db "$DB" "North Korea" Deutschland --format csv
  [ "$(first_line)" = "path,step,from,from_name,direction,relation,to,to_name,first_seen,last_seen,valid_from,valid_to,status,evidence,confidence,goldstein,cost" ] || fail "csv header: $(first_line)"
  out_has ",DEU,Germany,"
  ;;
path_all_k)
  run 0 path --db "$DB" Nordkorea Iran --all --directed --format json
  out_has '"from": "PRK", "to": "IRN"'
  out_has '"relation": "signs_agreement"'
  [ "$(grep -o '"cost": 2' "$TMP/out" | wc -l)" -ge 2 ] || fail "expected several 2-hop paths"
  run 0 path --db "$DB" Nordkorea Deutschland --k 3
  out_has "path 3 of 3"
  run 1 path --db "$DB" Nordkorea Russland --relations recognises --max-hops 1
  err_has "no path from PRK to RUS within 1 hop(s)"
  ;;
path_filters)
  # cuts_ties PRK-UKR is valid from 2022-07-13: not yet on 2022-01-01.
  run 1 path --db "$DB" Nordkorea Ukraine --as-of 2022-01-01
  err_has "has no relations that pass the snapshot filters"
  run 0 path --db "$DB" Nordkorea Ukraine --relations condemns,sanctions,supports,meets
  out_lacks "cuts_ties"
  ;;
path_errors)
  run 1 path --db "$DB" Nordkorea Atlantis
  err_has "did you mean"
  run 2 path --db "$DB" Nordkorea Ukraine --weight miles
  err_has "--weight expects hops, evidence, goldstein or conflict"
  run 2 path --db "$DB" Nordkorea Ukraine --max-hops -1
  run 2 path --db "$DB" Nordkorea Ukraine --as-of 2022-13
  run 2 path --db "$DB" Nordkorea Ukraine --format xml
  run 2 path --db "$DB" Nordkorea Ukraine --relations befriends
  err_has "unknown relation \"befriends\""
  run 2 path --db "$DB" Nordkorea
  ;;
neighbors)
  run 0 neighbors --db "$DB" Nordkorea --depth 1 --format csv
  [ "$(first_line)" = "hops,id,name,kind,via" ] || fail "csv header: $(first_line)"
  out_has "0,PRK,North Korea,state,"
  out_has "1,DPR,Donetsk People's Republic,breakaway,recognises <- PRK"
  out_lacks "2,"
  run 0 neighbors --db "$DB" Nordkorea --depth 2
  out_has "CHN"
  run 2 neighbors --db "$DB" Nordkorea --depth x
  ;;
ego)
  run 0 ego --db "$DB" "Pjöngjang" --radius 1 --format json
  out_has '"center": "PRK"'
  out_has '"relation": "recognises"'
  run 0 ego --db "$DB" Nordkorea --radius 1
  out_has "ego graph of North Korea (PRK), radius 1: 7 entities"
  ;;
rank)
  run 0 rank --db "$DB" --by pagerank --top 1 --format csv
  out_has "1,RUS,Russia,"
  run 0 rank --db "$DB" --by degree --top 3
  out_has "Russia"
  run 0 rank --db "$DB" --by betweenness --top 2 --format json
  out_has '"id": "RUS"'
  run 2 rank --db "$DB" --by closeness
  ;;
blocs)
  run 0 blocs --db "$DB" --method communities --cooperative
  out_has "North Korea (PRK)"
  run 0 blocs --db "$DB" --format json
  out_has '"bloc": 1'
  run 2 blocs --db "$DB" --method kmeans
  ;;
balance)
  run 0 balance --db "$DB"
  out_has "balance ratio"
  out_has "enemy of my enemy"
  run 0 balance --db "$DB" --format json
  out_has '"balance_ratio": '
  ;;
help)
  for c in path neighbors ego rank blocs balance; do
    run 0 "$c" --help
    out_has "usage: geokg $c"
    out_has "--as-of DATE"
    out_has "examples:"
  done
  ;;
*)
  fail "unknown case"
  ;;
esac
exit 0
