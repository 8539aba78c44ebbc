#!/usr/bin/env python3
"""Validate the gold-dev2 files (format of ../../../../shared/gold-dev/README.md).

Checks: schema keys, vocabularies, exact substrings, Nth annotation of a string = Nth
whole-word occurrence (left to right; a hyphen counts as a word character, so "Nato" inside
"Nato-Gipfel" is not an occurrence), text order, TIMEX value formats, weekday consistency,
event fields. Warns when a name occurs more often (whole-word) than it is annotated.
Usage: python3 validate.py [files...]   (default: all *.json next to this script)
"""
import datetime, glob, json, os, re, sys

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODES = {"CONSULT": {None, "visit", "third-party", "multilateral", "phone"},
         "AID": {None, "military", "economic", "humanitarian"}}
STATUS = {"occurred", "planned", "negated", "hypothetical", "claimed"}
CODE = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")
DAY = r"\d{4}-\d{2}-\d{2}"
DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{4}-(SP|SU|FA|WI)|\d{2,3}|"
                     r"PRESENT_REF|PAST_REF|FUTURE_REF|XXXX-XX-XX|XXXX)$")
TIME_RE = re.compile(r"^(%s|XXXX-XX-XX)T(MO|AF|EV|NI|\d{2}:\d{2})$" % DAY)
DUR_RE = re.compile(r"^P(T?)(\d+|X)(Y|M|W|D|H|DE|CE)$")
SET_RE = re.compile(r"^(P\d+[YMWD]|XXXX-WXX-\d|XXXX-XX-XX)$")
WEEKDAYS = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]


def occurrences(text, s, others=()):
    """Whole-word occurrences of s, minus those inside an occurrence of a longer annotated
    string of the same layer ("Netanjahu" inside "Benjamin Netanjahu")."""
    occ = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", text)]
    covered = set()
    for t in others:
        if t != s and s in t:
            for m in re.finditer(re.escape(t), text):
                covered.update(range(m.start(), m.end()))
    return [o for o in occ if o not in covered]


def valid_day(v):
    try:
        datetime.date.fromisoformat(v[:10])
        return True
    except ValueError:
        return False


def check(path):
    errs, warns = [], []
    d = json.load(open(path, encoding="utf-8"))
    if set(d) != {"id", "source", "published", "text", "entities", "timex", "events"}:
        errs.append("keys: %s" % sorted(d))
    if d.get("id") != os.path.basename(path)[:-5]:
        errs.append("id does not match file name")
    pub = datetime.date.fromisoformat(d["published"])
    text = d["text"]
    if "\n\n\n" in text or text != text.strip():
        errs.append("paragraph/whitespace")
    for layer in ("entities", "timex"):
        seen, last = {}, -1
        strings = {a["text"] for a in d[layer]}
        for i, a in enumerate(d[layer]):
            s = a["text"]
            occ = occurrences(text, s, strings)
            n = seen.get(s, 0)
            seen[s] = n + 1
            if n >= len(occ):
                errs.append("%s[%d] %r: occurrence %d not found (whole word)" % (layer, i, s, n + 1))
                continue
            if occ[n] < last:
                errs.append("%s[%d] %r out of text order" % (layer, i, s))
            last = occ[n]
        for s, n in seen.items():
            k = len(occurrences(text, s, strings))
            if k > n:
                warns.append("%s %r: %d whole-word occurrences, %d annotated" % (layer, s, k, n))
    for i, e in enumerate(d["entities"]):
        if e["type"] not in {"PER", "ORG", "LOC"}:
            errs.append("entity %d type" % i)
        if e["actor"] is not None and not CODE.match(e["actor"]):
            errs.append("entity %d actor %r" % (i, e["actor"]))
        if set(e) != {"text", "type", "actor"}:
            errs.append("entity %d keys" % i)
    for i, t in enumerate(d["timex"]):
        v, ty = t["value"], t["type"]
        ok = {"DATE": DATE_RE, "TIME": TIME_RE, "DURATION": DUR_RE, "SET": SET_RE}.get(ty)
        if ok is None or not ok.match(v):
            errs.append("timex %d %r: bad %s value %r" % (i, t["text"], ty, v))
            continue
        if re.match(DAY, v):
            if not valid_day(v):
                errs.append("timex %d invalid day %r" % (i, v))
                continue
            low = t["text"].lower()
            for k, w in enumerate(WEEKDAYS):
                if w in low and datetime.date.fromisoformat(v[:10]).weekday() != k:
                    errs.append("timex %d %r: %s is not a %s" % (i, t["text"], v[:10], w))
            if abs((datetime.date.fromisoformat(v[:10]) - pub).days) > 3660:
                warns.append("timex %d far from DCT" % i)
    last = -1
    evseen = {}
    for i, e in enumerate(d["events"]):
        if set(e) != {"evidence", "trigger", "type", "mode", "source", "target", "date", "place", "status"}:
            errs.append("event %d keys" % i)
            continue
        ev = e["evidence"]
        if ev not in text:
            errs.append("event %d evidence not in text: %r" % (i, ev[:60]))
            continue
        if e["trigger"] not in ev:
            errs.append("event %d trigger %r not in evidence" % (i, e["trigger"]))
        pos = [m.start() for m in re.finditer(re.escape(ev), text)]
        n = evseen.get(ev, 0)
        p = pos[min(n, len(pos) - 1)]
        if len(pos) > 1:
            evseen[ev] = n + 1
        if p < last:
            errs.append("event %d out of text order" % i)
        last = p
        if e["type"] not in TYPES:
            errs.append("event %d type %r" % (i, e["type"]))
        if e["mode"] not in MODES.get(e["type"], {None}):
            errs.append("event %d mode %r for %s" % (i, e["mode"], e["type"]))
        if e["status"] not in STATUS:
            errs.append("event %d status" % i)
        for k in ("source", "target"):
            if not isinstance(e[k], list) or not all(isinstance(c, str) and CODE.match(c) for c in e[k]):
                errs.append("event %d %s %r" % (i, k, e[k]))
        if set(e["source"]) & set(e["target"]):
            warns.append("event %d source and target overlap" % i)
        if not e["source"]:
            warns.append("event %d empty source" % i)
        dv = e["date"]
        if dv is not None and (not DATE_RE.match(dv) or "REF" in dv or (re.match(DAY, dv) and not valid_day(dv))):
            errs.append("event %d date %r" % (i, dv))
        if e["place"] is not None and (not isinstance(e["place"], str) or not e["place"]):
            errs.append("event %d place" % i)
    return d, errs, warns


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.json")))
    tot = {"texts": 0, "chars": 0, "entities": 0, "timex": 0, "events": 0}
    nerr = 0
    for f in files:
        d, errs, warns = check(f)
        words = len(d["text"].split())
        print("%s: %d words, %d entities, %d timex, %d events" % (
            os.path.basename(f), words, len(d["entities"]), len(d["timex"]), len(d["events"])))
        for e in errs:
            print("  ERROR", e)
        for w in warns:
            print("  warn ", w)
        nerr += len(errs)
        tot["texts"] += 1
        tot["chars"] += len(d["text"])
        for k in ("entities", "timex", "events"):
            tot[k] += len(d[k])
    print("TOTAL", tot, "errors:", nerr)
    sys.exit(1 if nerr else 0)


if __name__ == "__main__":
    main()
