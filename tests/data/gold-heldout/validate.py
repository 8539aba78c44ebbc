"""Consistency check for the gold-heldout files (run: python3 validate.py [files]).

Checks: schema, exact substrings, occurrence order (the Nth annotation of a string
must exist as an Nth occurrence, and annotations follow text order), vocabularies,
TIMEX values and dates. Prints warnings for possible missed entity repeats.
"""
import datetime
import glob
import json
import os
import re
import sys

ETYPES = {"PER", "ORG", "LOC"}
TTYPES = {"DATE", "TIME", "DURATION", "SET"}
EVTYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
           "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODES = {"CONSULT": {None, "visit", "third-party", "multilateral", "phone"},
         "AID": {None, "military", "economic", "humanitarian"}}
STATUS = {"occurred", "planned", "negated", "hypothetical", "claimed"}
ORGS = {"NATO", "EU", "UN", "G7", "G20", "ECOWAS", "AU", "OSCE"}
BLOCS = {"WST", "EUR", "NMR", "ASA", "AFR"}
GROUPS = {"UKROPP", "SYROPP", "SYRCIV", "ISIS", "MLIMIL", "UAF", "HAMAS", "ISRCIV",
          # codes added in this set (documented in README.md)
          "VENOPP", "MKDCIV", "BLROPP", "HOUTHI", "NERMIL", "IRNCIV"}
ISO3 = re.compile(r"^[A-Z]{3}$")

DATE_RE = re.compile(
    r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{4}-(SP|SU|FA|WI)|\d{3}|\d{2}|PRESENT_REF|PAST_REF|"
    r"FUTURE_REF|XXXX-XX-XX|XXXX-XX|XXXX)$")
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T(MO|AF|EV|NI|\d{2}:\d{2})$")
DUR_RE = re.compile(r"^P(T?(\d+|X)(Y|M|W|D|H|DE|CE))+$")
EVDATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{4}-(SP|SU|FA|WI)|XXXX-XX-XX)$")


def is_code(c):
    return c in ORGS or c in BLOCS or c in GROUPS or bool(ISO3.match(c))


def check_value(v, t):
    if t == "DATE":
        ok = bool(DATE_RE.match(v))
    elif t == "TIME":
        ok = bool(TIME_RE.match(v))
    elif t == "DURATION":
        ok = bool(DUR_RE.match(v))
    else:
        ok = v.startswith("P") or v.startswith("XXXX")
    if ok and re.match(r"^\d{4}-\d{2}-\d{2}", v):
        datetime.date.fromisoformat(v[:10])
    if ok and re.match(r"^\d{4}-\d{2}$", v):
        ok = 1 <= int(v[5:7]) <= 12
    return ok


def word_occ(text, s):
    """Offsets of s in text not glued to a letter/digit on either side."""
    out = []
    i = text.find(s)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        j = i + len(s)
        after = text[j] if j < len(text) else " "
        if not (before.isalnum() or (after.isalnum() and s[-1].isalnum()) or
                (before.isalnum() and s[0].isalnum())):
            out.append(i)
        i = text.find(s, i + 1)
    return out


def assign(text, items, key, errs, warns, label):
    """Left-to-right search with a cursor: each annotation takes the first whole-word
    occurrence of its string at or after the end of the previous annotation."""
    seen = {}
    spans = []
    cur = 0
    for it in items:
        s = it[key]
        seen[s] = seen.get(s, 0) + 1
        occ = [o for o in word_occ(text, s) if o >= cur]
        if not occ:
            errs.append(f"{label} {s!r} (#{seen[s]}): no occurrence after offset {cur} "
                        f"(missing or out of text order)")
            continue
        plain = text.find(s, cur)
        if plain != occ[0]:
            warns.append(f"{label} {s!r}: plain search from the cursor hits a longer word first")
        spans.append((occ[0], occ[0] + len(s)))
        cur = occ[0] + len(s)
    return seen, spans


def validate(path):
    errs, warns = [], []
    d = json.load(open(path, encoding="utf-8"))
    raw = open(path, encoding="utf-8").read()
    if "\\u00" in raw:
        warns.append("escaped non-ASCII in file")
    keys = ["id", "source", "published", "text", "entities", "timex", "events"]
    if list(d) != keys:
        errs.append(f"keys {list(d)}")
    if d["id"] != os.path.basename(path)[:-5]:
        errs.append("id != file name")
    datetime.date.fromisoformat(d["published"])
    text = d["text"]
    nwords = len(text.split())
    if not 120 <= nwords <= 250:
        warns.append(f"{nwords} words")
    for e in d["entities"]:
        if set(e) != {"text", "type", "actor"}:
            errs.append(f"entity keys {e}")
        if e["type"] not in ETYPES:
            errs.append(f"entity type {e}")
        if e["actor"] is not None and not is_code(e["actor"]):
            errs.append(f"entity actor {e}")
    seen, spans = assign(text, d["entities"], "text", errs, warns, "entity")
    for s, n in seen.items():
        occ = [o for o in word_occ(text, s)
               if not (o > 0 and text[o - 1] == "-") and not text[o + len(s):o + len(s) + 1] == "-"
               and not any(a <= o < b for a, b in spans)]
        if occ:
            warns.append(f"entity {s!r}: {len(occ)} unannotated free occurrence(s)")
    for t in d["timex"]:
        if set(t) != {"text", "type", "value"}:
            errs.append(f"timex keys {t}")
        if t["type"] not in TTYPES or not check_value(t["value"], t["type"]):
            errs.append(f"timex value {t}")
    assign(text, d["timex"], "text", errs, warns, "timex")
    last = -1
    for ev in d["events"]:
        if set(ev) != {"evidence", "trigger", "type", "mode", "source", "target", "date", "place",
                       "status"}:
            errs.append(f"event keys {ev}")
        if ev["evidence"] not in text:
            errs.append(f"evidence not in text: {ev['evidence']!r}")
        else:
            o = text.find(ev["evidence"])
            if o < last:
                errs.append(f"event out of order: {ev['evidence'][:50]!r}")
            last = o
        if ev["trigger"] not in ev["evidence"]:
            errs.append(f"trigger not in evidence: {ev['trigger']!r}")
        if ev["type"] not in EVTYPES:
            errs.append(f"event type {ev['type']}")
        if ev["mode"] not in MODES.get(ev["type"], {None}):
            errs.append(f"mode {ev['mode']} for {ev['type']}")
        for c in ev["source"] + ev["target"]:
            if not is_code(c):
                errs.append(f"code {c}")
        if not ev["source"]:
            warns.append(f"empty source: {ev['evidence'][:50]!r}")
        if ev["date"] is not None and not EVDATE_RE.match(ev["date"]):
            errs.append(f"event date {ev['date']}")
        elif ev["date"] and re.match(r"^\d{4}-\d{2}-\d{2}$", ev["date"]):
            datetime.date.fromisoformat(ev["date"])
        if ev["status"] not in STATUS:
            errs.append(f"status {ev['status']}")
        if ev["place"] is not None and not isinstance(ev["place"], str):
            errs.append("place type")
    return d, errs, warns


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(os.path.dirname(__file__) or ".", "[0-9]*.json")))
    bad = 0
    for f in files:
        d, errs, warns = validate(f)
        print(f"{os.path.basename(f)}: {len(d['text'].split())} words, {len(d['entities'])} entities, "
              f"{len(d['timex'])} timex, {len(d['events'])} events")
        for e in errs:
            print("  ERROR", e)
        for w in warns:
            print("  warn ", w)
        bad += bool(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
