#!/usr/bin/python3
"""Generates data/entities/{states,breakaway,organisations,people}.json.

Usage: /usr/bin/python3 tools/gen_entities.py [--out data/entities]

Needs PyICU (Debian: apt-get install python3-icu) for the English and German display names
of every state. The curated tables live beside this script:
  entity_states.py  one line per state (short forms, inflected German forms, adjectives,
                    capitals and seats of power, demonyms, extra CAMEO codes)
  entity_others.py  breakaway entities and international organisations
  entity_people.py  heads of state and government, foreign ministers, heads of organisations
The output is deterministic (same input, same bytes), so regenerating shows real diffs only.
Sources: ICU/CLDR display names (Unicode license), Phoenix actor dictionaries
(MIT, (c) 2014 Open Event Data Alliance) for CAMEO codes and pre-2014 leader dates, and the
maintainers' knowledge for the rest. See docs/entities.md.
"""

import argparse
import json
import os
import re
import sys

import icu  # PyICU

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import entity_states  # noqa: E402
import entity_others  # noqa: E402
import entity_people  # noqa: E402

# German names that take no genitive -s: feminine and plural names, acronyms handled apart.
NO_GENITIVE = {
    "Ukraine", "Türkei", "Turkei", "Schweiz", "Slowakei", "Mongolei", "Elfenbeinküste",
    "Niederlande", "Niederlanden", "Philippinen", "Malediven", "Seychellen", "Komoren", "Salomonen",
    "Salomon-Inseln", "Salomoninseln", "Bahamas", "Marshallinseln", "Fidschi-Inseln", "Knesset",
    "Eidgenossenschaft", "Bundesrepublik", "Moldau", "Autonomiebehörde", "Palästinenserbehörde",
    "Vatikanstadt", "Kongo-Brazzaville", "Kongo-Kinshasa", "Timor-Leste", "Krim", "Moncloa",
    "Regierung", "Kommission", "Union", "Nato", "Opec", "Liga",
}


def german_genitive(name):
    """'Russland' -> 'Russlands'; None where German adds no -s (see NO_GENITIVE)."""
    if " " in name or name in NO_GENITIVE:
        return None
    if not name[:1].isupper() or name.isupper() or re.search(r"[A-Z]{2}", name):
        return None  # acronyms: USA, VAE, BRD
    if name[-1] in "sßxz" or name.endswith("sch"):
        return None
    return name + "s"


def uniq(items):
    seen, out = set(), []
    for x in items:
        x = x.strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def split(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def with_genitives(names):
    out = []
    for n in names:
        out.append(n)
        g = german_genitive(n)
        if g:
            out.append(g)
    return uniq(out)


def lang_lists(en, de):
    out = {}
    if en:
        out["en"] = uniq(en)
    if de:
        out["de"] = uniq(de)
    return out


def entity(id_, name, kind, names, adjectives=None, metonyms=None, demonyms=None, codes=None):
    e = {"id": id_, "name": name, "kind": kind, "names": names}
    if adjectives:
        e["adjectives"] = adjectives
    if metonyms:
        e["metonyms"] = metonyms
    if demonyms:
        e["demonyms"] = demonyms
    if codes:
        e["codes"] = uniq(codes)
    return e


def icu_name(alpha2, lang):
    name = icu.Locale("", alpha2).getDisplayCountry(icu.Locale(lang))
    return name.replace(" & ", " and " if lang == "en" else " und ").replace("’", "'")


def build_states():
    out = []
    for line in entity_states.STATES.strip().splitlines():
        f = [x.strip() for x in line.split("|")]
        if len(f) != 11:
            raise SystemExit(f"entity_states.py: want 11 fields, got {len(f)}: {line}")
        a2, canon, en, de, adj_en, adj_de, met_en, met_de, dem_en, dem_de, codes = f
        loc = icu.Locale("", a2)
        a3 = loc.getISO3Country()
        if not re.fullmatch(r"[A-Z]{3}", a3):
            raise SystemExit(f"no alpha-3 code for {a2}")
        en_icu, de_icu = icu_name(a2, "en"), icu_name(a2, "de")
        canon = canon or en_icu
        names = lang_lists([canon, en_icu] + split(en), with_genitives([de_icu] + split(de)))
        adjectives = lang_lists(split(adj_en), split(adj_de))
        metonyms = lang_lists(split(met_en), with_genitives(split(met_de)))
        demonyms = lang_lists(split(dem_en), split(dem_de))
        out.append(entity(a3, canon, "state", names, adjectives, metonyms, demonyms,
                          [a2] + split(codes)))
    out.sort(key=lambda e: e["id"])
    return out


def build_others(kind, table):
    out = []
    for r in table:
        names = lang_lists(r.get("en", []), with_genitives(r.get("de", [])) if r.get("de_gen", True)
                           else r.get("de", []))
        out.append(entity(r["id"], r["name"], kind, names,
                          lang_lists(r.get("adj_en", []), r.get("adj_de", [])),
                          lang_lists(r.get("met_en", []), r.get("met_de", [])),
                          lang_lists(r.get("dem_en", []), r.get("dem_de", [])),
                          r.get("codes", [])))
    return out


def build_people():
    out = []
    for p in entity_people.PEOPLE:
        name, en, de, roles = p
        rec = {"name": name, "names": lang_lists([name] + en, de), "roles": []}
        for r in roles:
            ent, role, frm, to = r
            rec["roles"].append({"entity": ent, "role": role, "from": frm, "to": to})
        out.append(rec)
    return out


def dump(path, source, entities=None, people=None):
    doc = {"format": "geokg-entities", "version": 1, "source": source}
    if entities is not None:
        doc["entities"] = entities
    if people is not None:
        doc["people"] = people
    # One entity or person per line keeps diffs readable and the files greppable.
    key = "entities" if entities is not None else "people"
    head = json.dumps({k: v for k, v in doc.items() if k != key}, ensure_ascii=False)
    lines = [head[:-1] + ', "' + key + '": [']
    items = doc[key]
    for i, item in enumerate(items):
        lines.append("  " + json.dumps(item, ensure_ascii=False) + ("," if i + 1 < len(items) else ""))
    lines.append("]}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


ICU_SOURCE = ("Display names: ICU " + icu.ICU_VERSION + " / Unicode CLDR (Unicode License v3). ")
PHOENIX_SOURCE = ("CAMEO codes and variants cross-checked with the Phoenix actor dictionaries, "
                  "MIT License, (c) 2014 Open Event Data Alliance. ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "entities"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    dump(os.path.join(args.out, "states.json"),
         ICU_SOURCE + PHOENIX_SOURCE + "Variants, German inflected forms, adjectives and "
         "metonyms curated for geokg (tools/entity_states.py).", entities=build_states())
    dump(os.path.join(args.out, "breakaway.json"),
         PHOENIX_SOURCE + "Curated for geokg (tools/entity_others.py); ids in docs/entities.md.",
         entities=build_others("breakaway", entity_others.BREAKAWAY))
    dump(os.path.join(args.out, "organisations.json"),
         PHOENIX_SOURCE + "Curated for geokg (tools/entity_others.py); ids in docs/entities.md.",
         entities=build_others("organisation", entity_others.ORGANISATIONS))
    dump(os.path.join(args.out, "people.json"),
         "Offices and dates curated for geokg (tools/entity_people.py); pre-2014 dates "
         "cross-checked with the Phoenix actor dictionaries, MIT License, (c) 2014 Open Event "
         "Data Alliance.", people=build_people())


if __name__ == "__main__":
    main()
