#!/usr/bin/env python3
"""Build data/gazetteer/*.json from the shared sources and our hand files; same input, same bytes.

Sources (read-only, ``--shared``, default ``../shared/data`` beside the repository):
    countries/countries.json           mledoze/countries (ODbL 1.0)
    organizations/general_list.json    confirmordeny/supraverden (CC BY-SA 4.0)
    leaders/current.json               open-data-archive/world-leaders-current (CC BY-SA 4.0)
plus the installed ``countrynames`` package (MIT) and, in ``data/gazetteer/``: overrides.yaml, metonyms.yaml,
groups.yaml, people.csv, data/lexicon/offices.yaml (ours).

    python scripts/build_gazetteer.py [--shared DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script from anywhere: import the package of this checkout

from graphkit.gazetteer import normalize_key, read_offices  # noqa: E402

log = logging.getLogger("build_gazetteer")

HAND = REPO / "data" / "gazetteer"
SOURCES = {
    "countries": ("mledoze/countries", "5e9f370050f83ad2ba4cb885f75d66114badf72c"),
    "organizations": ("confirmordeny/supraverden", "59ab4fa0f92f3c75bb45e230908e612f15e8dbdf"),
    "leaders": ("open-data-archive/world-leaders-current", "b06a1440a6eda040a90166cb3f84d9634d1779b2"),
}
LICENCES = {
    "countries": "ODbL 1.0 (derived from mledoze/countries, ODbL 1.0; name variants from countrynames, MIT; "
    "hand additions from overrides.yaml). See data/gazetteer/LICENSES.",
    "metonyms": "MIT (graphkit's own hand file metonyms.yaml). See data/gazetteer/LICENSES.",
    "organizations": "CC BY-SA 4.0 (derived from confirmordeny/supraverden, CC BY-SA 4.0; QIDs from "
    "Wikidata, CC0; hand additions from groups.yaml). See data/gazetteer/LICENSES.",
    "people": "CC BY-SA 4.0 (derived from open-data-archive/world-leaders-current, CC BY-SA 4.0, data from "
    "Wikidata and Wikipedia; hand table people.csv). See data/gazetteer/LICENSES.",
}
QID = re.compile(r"^Q[1-9][0-9]*$")
# Words too common in country names to tie a countrynames variant to a country on their own.
GENERIC = frozenset(
    [
        "republic",
        "kingdom",
        "state",
        "states",
        "democratic",
        "people's",
        "united",
        "islands",
        "island",
        "federal",
        "federation",
        "islamic",
        "arab",
        "union",
        "great",
        "the",
        "of",
        "and",
        "saint",
        "south",
        "north",
        "west",
        "east",
        "new",
        "central",
        "plurinational",
        "socialist",
        "bolivarian",
        "commonwealth",
        "principality",
        "grand",
        "duchy",
        "territory",
        "sultanate",
        "emirates",
    ]
)


# -- small helpers ---------------------------------------------------------------------------------


def slug(text: str) -> str:
    """An ASCII id: "Élysée Palace" -> "elysee-palace", "OPEC+" -> "opec-plus"."""
    plain = unicodedata.normalize("NFKD", text.replace("+", " plus ")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def is_latin(text: str) -> bool:
    """Whether every letter is Latin (keeps "Česká republika", drops "Россия")."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def uniq(items: Iterable[str | None]) -> list[str]:
    """Distinct non-empty strings, first spelling kept, in input order."""
    return list(dict.fromkeys(i.strip() for i in items if i and i.strip()))


def tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[\s\-]+", normalize_key(text)) if len(t) >= 4 and t not in GENERIC}


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# -- countries -------------------------------------------------------------------------------------


def countrynames_variants() -> dict[str, list[str]]:
    """ISO2 -> names from the countrynames package (many languages, some noisy; filtered later)."""
    from countrynames.data import DATA

    return {code: list(names) for code, names in DATA.items() if len(code) == 2}


def usable_countrynames(names: list[str], english: list[str], demonyms: set[str]) -> list[str]:
    """The countrynames variants we trust: new arrangements of the words of the country's English names.

    The package maps anything that means a country in some data set to it: states and cities ("Delaware"),
    demonyms ("French"), former states ("Russian Empire") and names in other languages ("Korea Kusini").
    Only Latin-script names made of the words of the English names (plus "of", "the", "republic"...) and with
    at least one distinctive word are kept: "Russia Federation", "Democratic Republic Of Congo".
    """
    words = set(GENERIC).union(*(normalize_key(n).split() for n in english))
    distinctive = set().union(*(tokens(n) for n in english))
    kept = []
    for name in names:
        key = normalize_key(name)
        if not is_latin(name) or not name[:1].isupper() or re.search(r"[\d,()/&;:]|\s\s", name):
            continue
        if name.isupper() and len(name) > 5:  # shouting database labels ("AMERICA"), not names
            continue
        if key in demonyms or not set(key.split()) <= words or not tokens(name) & distinctive:
            continue
        kept.append(name)
    return kept


def alt_spellings(raw: dict[str, Any]) -> list[str]:
    # two-letter ISO codes ("IN", "IT", "TO") are words in English text: never names here
    return [s for s in raw.get("altSpellings", []) if not re.fullmatch(r"[A-Z]{2}", s) and is_latin(s)]


def base_country(
    raw: dict[str, Any], code: str, extra_names: dict[str, list[str]], demonyms_all: set[str]
) -> dict[str, Any]:
    english = [raw["name"]["common"], raw["name"]["official"], *alt_spellings(raw)]
    variants = [*english, *usable_countrynames(extra_names.get(raw["cca2"], []), english, demonyms_all)]
    demonyms = raw.get("demonyms", {}).get("eng", {})
    return {
        "name": raw["name"]["common"],
        "official_name": raw["name"]["official"],
        "iso2": raw["cca2"],
        "iso": raw.get("status") == "officially-assigned",
        "independent": bool(raw.get("independent")),
        "variants": variants,
        "demonyms": [demonyms.get("m"), demonyms.get("f")],
        "capitals": list(raw.get("capital", [])),
        "wikidata": None,
        "_code": code,
    }


def apply_overrides(entry: dict[str, Any], hand: dict[str, Any]) -> None:
    if "name" in hand:
        entry["variants"].insert(0, entry["name"])
        entry["name"] = hand["name"]
    entry["variants"] += hand.get("variants", [])
    # hand demonyms go first: they win a tie with a territory's demonym at load time
    entry["demonyms"] = [*hand.get("demonyms", []), *entry["demonyms"]]
    entry["capitals"] += hand.get("capitals", [])
    qid = hand.get("wikidata")
    if qid is not None and not QID.match(qid):
        raise SystemExit(f"overrides.yaml: {entry['_code']}: wikidata {qid!r} is not a QID")
    entry["wikidata"] = qid


def drop_ambiguous(entries: dict[str, dict[str, Any]], field: str, dropped: set[str]) -> None:
    """Remove names that two countries share, unless one of them is that country's own name.

    "Congo" is both Congos' name: gone from both, so a lookup says None rather than guessing.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for code, e in entries.items():
        for name in e[field]:
            owners[normalize_key(name)].add(code)
    own_name = {normalize_key(e["name"]): code for code, e in entries.items()}
    for code, e in entries.items():
        keep = []
        for name in uniq(e[field]):
            key = normalize_key(name)
            shared = len(owners[key]) > 1 and own_name.get(key) != code
            if key in dropped or shared:
                log.debug("countries: %s drops %s %r", code, field, name)
                continue
            keep.append(name)
        e[field] = keep


def build_countries(shared: Path, overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    rekey = overrides.get("rekey", {})
    extra_names = countrynames_variants()
    entries = {}
    source = read_json(shared / "countries" / "countries.json")
    # no demonym is a country name ("French" is not France): collect them all before reading names
    demonyms_all = {
        normalize_key(d) for raw in source for d in raw.get("demonyms", {}).get("eng", {}).values()
    }
    for raw in source:
        code = rekey.get(raw["cca3"], raw["cca3"])
        entry = base_country(raw, code, extra_names, demonyms_all)
        if code != raw["cca3"]:
            entry["iso"] = False
        apply_overrides(entry, overrides.get("countries", {}).get(code, {}))
        entries[code] = entry
    unknown = set(overrides.get("countries", {})) - set(entries)
    if unknown:
        raise SystemExit(f"overrides.yaml names unknown country codes: {sorted(unknown)}")
    dropped = {normalize_key(v) for v in overrides.get("drop_variants", [])}
    drop_ambiguous(entries, "variants", dropped)
    drop_ambiguous(entries, "capitals", set())
    for e in entries.values():
        e["demonyms"] = uniq(e["demonyms"])
        e["variants"] = [v for v in e["variants"] if normalize_key(v) != normalize_key(e["name"])]
        del e["_code"]
    return entries


def country_resolver(countries: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Normalized country name or variant -> ISO3, for reading place names in other sources."""
    names: dict[str, str] = {}
    for code, e in sorted(countries.items()):
        for n in (e["name"], e["official_name"], *e["variants"]):
            names.setdefault(normalize_key(n), code)
    return names


# -- metonyms --------------------------------------------------------------------------------------


def build_metonyms(hand: list[dict[str, Any]], countries: dict[str, Any]) -> dict[str, dict[str, Any]]:
    entries = {}
    for n, m in enumerate(hand, start=1):
        if m["country"] not in countries or m["kind"] not in ("seat", "ministry"):
            raise SystemExit(f"metonyms.yaml entry {n} ({m.get('name')}): bad country or kind")
        key = slug(m["name"].removeprefix("the "))
        if key in entries:
            raise SystemExit(f"metonyms.yaml: duplicate {key}")
        entries[key] = {
            "name": m["name"],
            "variants": uniq(m.get("variants", [])),
            "country": m["country"],
            "kind": m["kind"],
            "stands_for": m["stands_for"],
            "receives": m.get("receives"),
            "type": "organization",
        }
    return entries


# -- organizations ---------------------------------------------------------------------------------


def _fields(rec: dict[str, Any], pattern: str) -> list[str]:
    return [rec[k] for k in sorted(rec) if re.fullmatch(pattern, k) and isinstance(rec[k], str)]


def hq_country(headquarters: str | None, resolve: dict[str, str]) -> str | None:
    """The country after the last comma ("City of Brussels, Belgium" -> BEL), if it names one."""
    if not headquarters or "," not in headquarters:
        return None
    return resolve.get(normalize_key(headquarters.rsplit(",", 1)[1]))


def supraverden_org(rec: dict[str, Any], resolve: dict[str, str], shared_qids: set[str]) -> dict[str, Any]:
    qid = rec.get("Wikidata_code")
    qid = qid if isinstance(qid, str) and QID.match(qid) and qid not in shared_qids else None
    family = rec.get("Org_family")
    return {
        "name": rec["Name_en"],
        "abbreviations": uniq(_fields(rec, r"Abbreviation_(other_(\d_)?)?en|Abbreviation_former_en")),
        "other_names": uniq(_fields(rec, r"Name_other_(\d_)?en|Name_former_en")),
        "wikidata": qid,
        "family": family if family and family != "none" else None,
        "headquarters": rec.get("Headquarters"),
        "hq_country": hq_country(rec.get("Headquarters"), resolve),
        "informal": False,
        "source": "supraverden",
    }


def build_organizations(shared: Path, groups: dict[str, Any], resolve: dict[str, str]) -> dict[str, Any]:
    raw = read_json(shared / "organizations" / "general_list.json")
    qids = defaultdict(list)
    for rec in raw.values():
        qids[rec.get("Wikidata_code")].append(rec["Name_en"])
    # a QID given to two bodies is wrong for at least one of them, and we cannot tell which
    shared_qids = {q for q, names in qids.items() if len(names) > 1}
    entries: dict[str, dict[str, Any]] = {}
    by_source_name = {}
    for name in sorted(raw):
        key = slug(name)
        if key in entries:
            raise SystemExit(f"general_list.json: two organizations share the id {key}")
        entries[key] = supraverden_org(raw[name], resolve, shared_qids)
        by_source_name[name] = key
    for g in groups.get("groups", []):
        if slug(g["name"]) in entries:
            raise SystemExit(f"groups.yaml: {g['name']} is already in general_list.json; use extends")
        entries[slug(g["name"])] = hand_group(g)
    for ext in groups.get("extensions", []):
        extend_org(entries[by_source_name[ext["extends"]]], ext)
    return entries


def hand_group(g: dict[str, Any]) -> dict[str, Any]:
    qid = g.get("wikidata")
    if qid is not None and not QID.match(qid):
        raise SystemExit(f"groups.yaml: {g['name']}: wikidata {qid!r} is not a QID")
    return {
        "name": g["name"],
        "abbreviations": uniq(g.get("abbreviations", [])),
        "other_names": uniq(g.get("other_names", [])),
        "wikidata": qid,
        "family": g.get("family"),
        "headquarters": None,
        "hq_country": g.get("country"),
        "informal": True,
        "source": "hand",
    }


def extend_org(entry: dict[str, Any], ext: dict[str, Any]) -> None:
    drop = set(ext.get("drop_abbreviations", []))
    entry["abbreviations"] = [
        a for a in uniq(entry["abbreviations"] + ext.get("abbreviations", [])) if a not in drop
    ]
    entry["other_names"] = uniq(entry["other_names"] + ext.get("other_names", []))


# -- people ----------------------------------------------------------------------------------------


def office_of(title: str, offices: dict[str, str], position: str | None = None) -> str | None:
    """The office key of a title; "Sultan and Prime Minister" as head of government -> "prime minister"."""
    bare = re.sub(r"\(.*?\)", "", title).strip()
    found = offices.get(normalize_key(bare))
    if found:
        return found
    parts = [offices.get(normalize_key(p)) for p in re.split(r"\band\b", bare)]
    parts = [p for p in parts if p]
    preferred = {"head_of_government": ("prime minister", "chancellor", "president")}.get(position or "", ())
    return next((p for p in parts if p in preferred), parts[0] if parts else None)


def read_people_csv(path: Path, offices: dict[str, str], countries: dict[str, Any]) -> dict[str, Any]:
    people: dict[str, Any] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            where = f"{path.name}:{reader.line_num}"
            person = people.setdefault(row["id"], new_person(row["name"]))
            merge_row(person, row, offices, countries, where)
    return people


def new_person(name: str) -> dict[str, Any]:
    return {"name": name, "variants": [], "wikidata": None, "tenures": []}


def merge_row(
    person: dict[str, Any], row: dict[str, str], offices: dict, countries: dict, where: str
) -> None:
    if row["name"] != person["name"]:
        raise SystemExit(f"{where}: id {row['id']} is also called {person['name']!r}")
    country = row["country"] or None
    if country and country not in countries:
        raise SystemExit(f"{where}: unknown country {country!r}")
    office = offices.get(normalize_key(row["office"]))
    if office is None:
        raise SystemExit(f"{where}: office {row['office']!r} is not in offices.yaml")
    set_qid(person, row["wikidata"] or None, where)
    person["variants"] += row["variants"].split("|") if row["variants"] else []
    for value in (row["start"], row["end"]):
        if value and not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            raise SystemExit(f"{where}: date {value!r} is not YYYY-MM-DD")
    tenure = {
        "office": office,
        "title": row["office"],
        "country": country,
        "start": row["start"] or None,
        "end": row["end"] or None,
        "checked_in": row["checked_in"],
    }
    person["tenures"].append(tenure)


def set_qid(person: dict[str, Any], qid: str | None, where: str) -> None:
    if qid is None:
        return
    if not QID.match(qid) or person["wikidata"] not in (None, qid):
        raise SystemExit(f"{where}: wikidata {qid!r} is not a QID or disagrees with {person['wikidata']!r}")
    person["wikidata"] = qid


def leader_rows(
    shared: Path, iso2_to_3: dict[str, str], skip: set[tuple[str, str]]
) -> Iterable[dict[str, Any]]:
    """(person, tenure) facts from the leaders snapshot, one per filled position."""
    data = read_json(shared / "leaders" / "current.json")
    for folder in sorted(data):
        record = data[folder]
        country = iso2_to_3.get(record["country"]["iso_code"])  # None for the EU and the African Union
        for position in sorted(record["positions"]):
            holder = record["positions"][position].get("current_holder") or {}
            if not holder.get("name_en") or (folder, position) in skip:
                continue
            yield {
                "folder": folder,
                "position": position,
                "country": country,
                "holder": holder,
                "title": record["positions"][position]["title_en"],
                "snapshot": record["snapshot_date"],
            }


def merge_leaders(people: dict[str, Any], shared: Path, offices: dict, countries: dict, skip: set) -> None:
    iso2_to_3 = {e["iso2"]: code for code, e in countries.items() if e["iso2"]}
    by_qid = {p["wikidata"]: pid for pid, p in people.items() if p["wikidata"]}
    for fact in leader_rows(shared, iso2_to_3, skip):
        holder = fact["holder"]
        pid = by_qid.get(holder["wikidata_id"]) or slug(holder["name_en"])
        person = people.setdefault(pid, new_person(holder["name_en"]))
        set_qid(person, holder["wikidata_id"], f"leaders/{fact['folder']}")
        by_qid[holder["wikidata_id"]] = pid
        local = holder.get("name_local")
        person["variants"] += [holder["name_en"], *([local] if local and is_latin(local) else [])]
        office = office_of(fact["title"], offices, fact["position"])
        if office is None:
            raise SystemExit(f"leaders/{fact['folder']}: title {fact['title']!r} is not in offices.yaml")
        person["tenures"].append(
            {
                "office": office,
                "title": fact["title"],
                "country": fact["country"],
                "start": holder.get("since"),
                "end": None,
                "checked_in": f"shared/data/leaders (snapshot {fact['snapshot']})",
            }
        )


def dedupe_tenures(tenures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One term per (office, country, start); an open term without a start yields to a dated open one."""
    kept: dict[tuple, dict[str, Any]] = {}
    for t in tenures:
        key = (t["office"], t["country"], t["start"])
        kept.setdefault(key, t)  # the hand table comes first and wins
    dated_open = {(t["office"], t["country"]) for t in kept.values() if t["end"] is None and t["start"]}
    result = [
        t for t in kept.values() if t["start"] or t["end"] or (t["office"], t["country"]) not in dated_open
    ]
    return sorted(result, key=lambda t: (t["start"] or "", t["office"], t["country"] or ""))


def finish_person(person: dict[str, Any]) -> dict[str, Any]:
    tenures = dedupe_tenures(person["tenures"])
    # the latest term gives the country; on a tie (one monarch, several realms) the hand table's row wins
    order = {id(t): n for n, t in enumerate(person["tenures"])}
    latest = max(tenures, key=lambda t: (t["start"] or "", -order[id(t)]))
    return {
        "name": person["name"],
        "variants": [v for v in uniq(person["variants"]) if v != person["name"]],
        "country": latest["country"],
        "wikidata": person["wikidata"],
        "tenures": tenures,
        "checked_in": uniq(t["checked_in"] for t in tenures),
    }


def build_people(shared: Path, overrides: dict, offices: dict, countries: dict) -> dict[str, dict[str, Any]]:
    people = read_people_csv(HAND / "people.csv", offices, countries)
    skip = {(s["folder"], s["position"]) for s in overrides.get("leaders_skip", [])}
    merge_leaders(people, shared, offices, countries, skip)
    return {pid: finish_person(p) for pid, p in sorted(people.items())}


# -- output ----------------------------------------------------------------------------------------


def source_note(kind: str) -> str:
    notes = {
        "countries": "shared/data/countries/countries.json from {countries}; countrynames {cn} (PyPI); "
        "data/gazetteer/overrides.yaml",
        "metonyms": "data/gazetteer/metonyms.yaml",
        "organizations": "shared/data/organizations/general_list.json from {organizations}; "
        "data/gazetteer/groups.yaml",
        "people": "shared/data/leaders/current.json from {leaders}; data/gazetteer/people.csv",
    }
    cite = {k: f"github.com/{repo} at {commit}" for k, (repo, commit) in SOURCES.items()}
    return notes[kind].format(cn=version("countrynames"), **cite)


def write(out: Path, kind: str, entries: dict[str, Any]) -> None:
    doc = {"_licence": LICENCES[kind], "_source": source_note(kind), "entries": entries}
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    (out / f"{kind}.json").write_text(text + "\n", encoding="utf-8")


def build(shared: Path, out: Path) -> dict[str, int]:
    """Build every gazetteer file into ``out``; returns the number of entries per file."""
    overrides = read_yaml(HAND / "overrides.yaml")
    offices, _ = read_offices()
    countries = build_countries(shared, overrides)
    files = {
        "countries": countries,
        "metonyms": build_metonyms(read_yaml(HAND / "metonyms.yaml"), countries),
        "organizations": build_organizations(
            shared, read_yaml(HAND / "groups.yaml"), country_resolver(countries)
        ),
        "people": build_people(shared, overrides, offices, countries),
    }
    out.mkdir(parents=True, exist_ok=True)
    for kind, entries in files.items():
        write(out, kind, entries)
    return {kind: len(entries) for kind, entries in files.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=REPO.parent / "shared" / "data", help="shared/data folder"
    )
    parser.add_argument("--out", type=Path, default=HAND, help="where to write the JSON files")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every dropped name")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(message)s")
    counts = build(args.shared, args.out)
    log.info("wrote %s to %s", ", ".join(f"{n} {k}" for k, n in counts.items()), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
