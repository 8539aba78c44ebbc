"""Precompiled regular expressions that find German temporal expressions in raw text.

Every rule is a case-insensitive regex over the document text with named groups that the
resolver (:mod:`lagebild.time.resolve`) reads. Matches exclude leading prepositions and articles
(gold span rule); where the words before an expression decide whether it is temporal at all
("am Abend" vs "Abend" in a name) the resolver checks them. A group named ``span`` narrows the
reported span to part of the match ("den Tag" → "Tag").

Word boundaries refuse matches inside compounds: "März-Gipfel" holds no timex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import TimeLexicon

# Not preceded by a letter/digit, by "Wort-" (compound) or by "1:"/"1," (inside a number);
# not followed by a letter/digit or by "-Wort".
_B = r"\b(?<!\w-)(?<!\d[:,.])"
_E = r"(?![\w])(?!-\w)"
_INFL = r"(?:e|en|er|es|em)"


@dataclass(frozen=True)
class Rule:
    """One pattern: ``name`` selects the resolver, lower ``priority`` wins ties of equal length.

    ``needs`` lists lower-case substrings of which the text must contain one for the rule to
    possibly match; checking them (C-speed ``in``) skips most rules on most texts, which matters
    because every regex pass over a long text costs time even without a match.
    """

    name: str
    regex: re.Pattern
    priority: int
    needs: tuple[str, ...] = ()


def _trie_regex(node: dict) -> str:
    """Regex for a character trie; "" marks the end of a word. Longer continuations come first."""
    branches = []
    for char in sorted((c for c in node if c), reverse=True):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    ends = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def _alt(words) -> str:
    """A regex matching any of the literal ``words`` (longest match preferred).

    Built as a trie ("mon(?:tag(?:abend|...)?)") because Python's regex engine tries plain
    alternatives one by one at every position, which is many times slower on long lists.
    """
    trie: dict = {}
    for word in {w.lower() for w in words}:
        node = trie
        for char in " ".join(word.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def build_rules(lex: TimeLexicon) -> list[Rule]:
    """Compile the rule set for one lexicon."""
    month = _alt(lex.months)
    weekday = _alt(lex.weekdays)
    pod = _alt(lex.parts_of_day)
    season = _alt(lex.seasons)
    num = r"(?:\d+(?:,\d+)?|" + _alt(lex.numbers) + ")"
    approx = _alt(lex.approximators)
    vague = _alt(lex.vague_quantities)
    mod_stems = _alt(lex.modifiers)
    mod = rf"(?:{mod_stems}{_INFL})"
    unit = _alt(lex.units)
    plural_unit = (
        r"(?:Sekunden|Minuten|Stunden|Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?|Jahrhunderten?)"
    )
    ordinal = r"(?:[1-4]\.|" + _alt(lex.ordinals) + ")"
    year_tail = (
        rf"(?:\s+(?:(?P<year>(?:1[5-9]|20)\d\d)(?!\d)|"
        r"(?P<ysame>desselben|des\s+selben|des\s+gleichen|desgleichen)\s+Jahres|"
        rf"(?:des\s+)?(?P<ymod>{mod})\s+Jahres|(?P<ythis>diesen|dieses)\s+Jahres))"
    )
    part = r"(?P<part>Anfang|Mitte|Ende|Anfang/Mitte|Mitte/Ende|Anfang\s+bis\s+Mitte)"
    adj = r"(?P<adj>frühen|späten|selben|gleichen)"
    adj_num = r"(?:\d+-|" + _alt(lex.numbers) + "|mehr|viel|ganz)"
    adj_unit = _alt(lex.adjective_units)

    specs: list[tuple[str, str]] = [
        ("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"),
        (
            "numeric",
            r"(?:(?P<wd>" + weekday + r"),?\s+(?:(?:den|dem)\s+)?)?"
            r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)?\d\d)?(?![\d.])",
        ),
        (
            "daylist",
            r"(?P<d>[0-3]?\d)\.(?=(?:\s*(?:,|und|bis|oder|sowie|–|-|/)\s*(?:zum\s+)?[0-3]?\d\.)+\s*"
            r"(?P<month>" + month + r")(?:\s+(?P<year>(?:19|20)\d\d)(?!\d))?)",
        ),
        (
            "daymonth",
            r"(?:(?P<wd>"
            + weekday
            + r"),?\s+(?:(?:den|dem)\s+)?)?(?P<d>[0-3]?\d)\.\s*(?P<month>"
            + month
            + r")"
            + year_tail
            + "?",
        ),
        (
            "month",
            r"(?:"
            + part
            + r"\s+)?(?:(?P<mod>"
            + mod
            + r")\s+)?(?P<month>"
            + month
            + r")"
            + year_tail
            + "?",
        ),
        (
            "year",
            r"(?:(?P<jahr>Jahr(?:es|e|s)?)\s+|"
            + part
            + r"\s+)?(?P<year>(?:1[5-9]|20)\d\d)(?!\d|,\d)",
        ),
        (
            "decade",
            r"(?:" + part + r"\s+(?:der\s+)?)?(?P<dec>(?:1[5-9]|20)?\d)0er(?:-?\s?Jahren?)?",
        ),
        ("century", r"(?:" + part + r"\s+des\s+)?(?P<c>[12]?\d)\.\s*Jahrhunderts?"),
        (
            "weekday",
            r"(?:(?P<mod>"
            + mod
            + r")\s+)?(?:"
            + adj
            + r"\s+)?(?P<wd>"
            + weekday
            + r")(?P<pod>"
            + pod
            + r")?s?(?:\s+(?P<pod2>früh|morgen|vormittag|mittag|nachmittag|abend|nacht)"
            r"(?![\w-]))?(?:\s+(?P<wmod>" + mod + r")\s+Woche)?",
        ),
        (
            "night_to",
            r"(?:" + adj + r"\s+)?Nacht\s+(?:(?:von|vom)\s+(?P<wd0>" + weekday + r")\s+)?"
            r"(?:zu|zum|auf|auf\s+den)\s+(?P<wd>" + weekday + ")",
        ),
        (
            "pod",
            r"(?:(?P<pmod>vergangene|vergangenen|letzte|letzten|gestrigen|heutigen)\s+)?"
            r"(?:" + adj + r"\s+)?(?P<pod>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|"
            r"Morgenstunden|Abendstunden|Nachtstunden|Mittagszeit|Mitternacht)"
            r"(?:\s+(?:des|vom)\s+(?:(?P<pd>[0-3]?\d)\.\s*(?P<pmonth>"
            + month
            + r")(?:\s+(?P<pyear>(?:19|20)\d\d)(?!\d))?|(?P<pwd>"
            + weekday
            + r")s?))?",
        ),
        (
            "deictic",
            r"(?P<deic>" + _alt(lex.deictic_days) + r")(?:\s+(?P<pod2>früh|morgen|vormittag|mittag|"
            r"nachmittag|abend|nacht)(?![\w-]))?",
        ),
        ("anchor_day", r"(?P<anc>" + _alt(lex.anchor_days) + ")"),
        ("same_day", r"(?P<adj>selben|gleichen)\s+(?P<what>Tag|Abend|Morgen|Nachmittag|Nacht)"),
        ("rel_noun", r"(?P<noun>" + _alt(lex.relative_nouns) + ")"),
        (
            "unit_rel",
            r"(?:" + part + r"\s+(?:(?:des|der)\s+)?)?(?P<mod>" + mod + r")\s+(?P<unit>Woche|"
            r"Monat(?:s|es)?|Jahr(?:es|s)?|Wochenende?s?|Quartal(?:s|es)?|Jahrzehnt(?:s|es)?)",
        ),
        (
            "unit_part",
            r"(?:" + part + r"|Beginn)\s+(?:des|der|dieses|dieser)\s+(?P<unit>Woche|Monats|Jahres|"
            r"Jahrzehnts)",
        ),
        (
            "holiday",
            r"(?P<hol>" + _alt(lex.holidays) + r")(?:\s+(?P<year>(?:1[5-9]|20)\d\d)(?!\d))?",
        ),
        (
            "laufe",
            r"Laufe\s+(?:des|der)\s+(?:(?P<mod>" + mod + r")\s+)?(?P<unit>Tages|Woche|Monats|"
            r"Jahres|Nacht|Vormittags|Nachmittags|Abends|Wochenendes)",
        ),
        ("weekend", r"(?P<unit>Wochenende|Wochenendes)"),
        (
            "season",
            r"(?:"
            + part
            + r"\s+(?:des\s+)?)?(?:(?P<mod>"
            + mod
            + r")\s+)?(?P<season>"
            + season
            + r")(?:s|es)?"
            + year_tail
            + "?",
        ),
        (
            "quarter",
            r"(?P<ord>" + ordinal + r")\s+(?P<q>Quartal|Halbjahr|Jahreshälfte)(?:s|es)?"
            r"(?:\s+(?:(?P<year>(?:19|20)\d\d)|(?:des\s+)?(?P<ymod>" + mod + r")\s+Jahres|"
            r"(?P<ythis>dieses|diesen|des)\s+Jahres))?",
        ),
        (
            "ago",
            r"vor\s+(?:(?P<approx>"
            + approx
            + r")\s+)?(?:(?P<num>"
            + num
            + r")\s+(?P<unit>"
            + unit
            + r")|(?P<vague>"
            + vague
            + r")\s+(?P<vunit>"
            + plural_unit
            + r"))",
        ),
        (
            "shift",
            r"(?:(?P<approx>"
            + approx
            + r")\s+)?(?P<num>"
            + num
            + r")\s+(?P<unit>"
            + unit
            + r")\s+(?P<dir>später|danach|darauf|zuvor|vorher|früher)",
        ),
        (
            "before_anchor",
            r"(?P<num>" + num + r")\s+(?P<unit>" + unit + r")\s+vor\s+(?:(?:dem|der|den)\s+)?"
            r"(?-i:[A-ZÄÖÜ])[\w-]+(?:\s+(?:des|der)\s+(?:(?-i:[a-zäöü])\w*\s+)?(?-i:[A-ZÄÖÜ])[\w-]+)?",
        ),
        (
            "duration",
            r"(?:(?P<approx>"
            + approx
            + r")\s+)?(?P<num>"
            + num
            + r")\s+(?P<unit>"
            + unit
            + r")(?:\s+(?P<lang>lang))?",
        ),
        (
            "vague_duration",
            r"(?:(?P<vague>" + vague + r")|(?P<mod>" + mod + r")(?:\s+(?P<num>" + num + r"))?)\s+"
            r"(?P<unit>" + plural_unit + r")",
        ),
        (
            "bare_plural",
            r"(?P<unit>Stunden|Tage[n]?|Wochen|Monate[n]?|Jahre[n]?|Jahrzehnte[n]?|Jahrhunderte[n]?)",
        ),
        (
            "adj_duration",
            r"(?:(?P<approx>"
            + approx
            + r")\s+)?(?P<num>"
            + adj_num
            + r")(?P<adjunit>"
            + adj_unit
            + r")"
            + _INFL
            + "?",
        ),
        ("long_adverb", r"(?P<adv>" + _alt(lex.long_adverbs) + ")" + _INFL + "?"),
        ("set_word", r"(?P<set>" + _alt(lex.sets) + ")"),
        (
            "set_each",
            r"(?P<each>jede[nrs]?)\s+(?P<what>" + weekday + r"|Tag|Woche|Monat|Jahr|Morgen|Abend|"
            r"Nacht|Wochenende)",
        ),
        ("set_every", r"alle\s+(?P<num>" + num + r")\s+(?P<unit>" + unit + ")"),
        ("present_ref", r"(?P<pref>" + _alt(lex.present_ref) + ")"),
        (
            "clock",
            r"(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?\s*Uhr(?:\s+(?:MEZ|MESZ|UTC|GMT|Ortszeit))?",
        ),
        (
            "clock_list",
            r"(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?(?=\s*(?:und|bis|-|–)\s*[0-2]?\d(?:[.:][0-5]\d)?"
            r"\s*Uhr)",
        ),
        (
            "day_anaphor",
            r"(?:(?:den\s+(?P<span>Tag)|(?P<span3>(?:dieser|diesen|diesem|jenem|jenen)\s+Tag))"
            r"(?!\s+(?:des|der|nach|vor|für|lang|darauf|zuvor))|ein\s+(?P<span2>Tag),\s+(?:der|an\s+dem))",
        ),
        (
            "zeitpunkt",
            r"(?:(?P<dem>dem|diesem|jenem)\s+|(?P<adj>selben|gleichen)\s+)(?P<what>Zeitpunkt|Zeit)"
            r"(?!\s+(?:des|der|eines|einer|seines|seiner|ihres|ihrer|von))",
        ),
    ]
    unit_stems = ("sekunde", "minute", "stunde", "tag", "woche", "monat", "jahr")
    needs: dict[str, tuple[str, ...]] = {
        "iso": ("-0", "-1"),
        "numeric": tuple(f".{d}" for d in "0123456789"),
        "daylist": tuple(lex.months),
        "daymonth": tuple(lex.months),
        "month": tuple(lex.months),
        "year": ("15", "16", "17", "18", "19", "20"),
        "decade": ("0er",),
        "century": ("jahrhundert",),
        "weekday": tuple(lex.weekdays),
        "night_to": ("nacht",),
        "pod": ("morgen", "mittag", "abend", "nacht"),
        "deictic": tuple(lex.deictic_days),
        "anchor_day": tuple(" ".join(k.split()) for k in lex.anchor_days),
        "same_day": ("selben", "gleichen"),
        "rel_noun": tuple(lex.relative_nouns),
        "unit_rel": tuple(lex.modifiers),
        "unit_part": ("anfang", "mitte", "ende", "beginn"),
        "laufe": ("laufe",),
        "weekend": ("wochenende",),
        "season": tuple(lex.seasons),
        "holiday": tuple(" ".join(k.split()) for k in lex.holidays),
        "quarter": ("quartal", "halbjahr", "jahreshälfte"),
        "ago": ("vor",),
        "shift": ("später", "danach", "darauf", "zuvor", "vorher", "früher"),
        "before_anchor": ("vor",),
        "duration": unit_stems,
        "vague_duration": unit_stems,
        "bare_plural": unit_stems,
        "adj_duration": tuple(lex.adjective_units),
        "long_adverb": tuple(lex.long_adverbs),
        "set_word": tuple(lex.sets),
        "set_each": ("jede",),
        "set_every": ("alle",),
        "present_ref": tuple(lex.present_ref),
        "clock": ("uhr",),
        "clock_list": ("uhr",),
        "day_anaphor": ("tag",),
        "zeitpunkt": ("zeit",),
    }
    return [
        Rule(name, re.compile(_B + body + _E, re.IGNORECASE), priority, needs.get(name, ()))
        for priority, (name, body) in enumerate(specs)
    ]
