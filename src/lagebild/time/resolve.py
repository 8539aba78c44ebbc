"""Normalization of matched expressions to TIMEX3 type and value.

The :class:`Resolver` walks the matches of one document in text order and keeps a narrative
anchor: the last day-precise date mentioned (initially the DCT). Relative expressions
("zwei Tage später", "Vortag", "am Abend") count from the anchor; deictic ones ("gestern",
"kommende Woche") from the DCT. Weekdays, months and seasons without a year take the clause
tense into account (:func:`lagebild.time.tense.clause_tense`): past clauses look back from the
DCT, planned ones forward. Without a DCT, relative values are underspecified (``XXXX-XX-XX``,
``XXXX-WXX-5``, ``XXXX-03-24``), never today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from . import calendar as cal
from .lexicon import TimeLexicon
from .tense import FUTURE, PAST

# Words before a bare year that make it a date ("seit 2014", "im Jahr"); otherwise the year must
# stand before punctuation to count ("2000 Soldaten" is a quantity).
_YEAR_PREV = frozenset(
    "seit bis im in ab von vom vor nach um zwischen anfang mitte ende jahr jahres "
    "sommer winter herbst frühjahr frühling januar februar märz april mai juni juli august "
    "september oktober november dezember seitdem spätestens frühestens bereits schon noch "
    "zum jahre des für".split()
)
# Prepositions that also take quantities ("um 2000 Soldaten"): a noun after the number vetoes.
_QUANTITY_PREPS = frozenset("um vor bis von vom auf zwischen für nach in über".split())
_QUANTITY_PREV = frozenset("rund etwa über knapp fast mehr als circa ca. insgesamt weitere".split())
_POD_PREV = frozenset("am der gegen vom zum dem den im bis seit ab um frühen späten".split())
_POD_ARTICLE_PREV = frozenset("in an zu seit bis vor nach gegen auf für ab über um".split())
_COORDINATION = re.compile(r"\s*(?:,|und|oder|bis|sowie|–|-|/)\s*(?:am\s+|zum\s+)?")
_MONTH_PREV = frozenset(
    "im in seit bis ab vom zum von nach vor für zwischen und oder bereits schon noch erst "
    "anfang mitte ende monat monats".split()
)
_SEASON_PREV = frozenset("im in den dem seit ab bis zum vom über diesen".split())
_WEEKEND_PREV = frozenset("am übers vom zum dem des kommenden vergangenen".split())
_TARGET_PREV = frozenset(("für", "auf", "ab"))
_SINCE_PREV = frozenset(("seit", "seitdem"))
_OVER_PREV = frozenset("seit vor nach für mit von vom nun schon bereits".split())
_YEAR_LIST = re.compile(r"\b(?:1[5-9]|20)\d\d(?:,|\s+(?:und|oder|sowie))\s*$")
_YEAR_VALUE = re.compile(r"\d{4}(?:$|-)")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_WORD_BEFORE = re.compile(r"([\w.]+)[^\w]*$")

TIMEX_DATE = "DATE"
TIMEX_TIME = "TIME"
TIMEX_DURATION = "DURATION"
TIMEX_SET = "SET"


@dataclass
class Found:
    """A resolved expression: character range, TIMEX3 type and value, and an anchor date."""

    start: int
    end: int
    type: str
    value: str
    day: dt.date | None = None  # set when the value pins a single day (narrative anchor)


def _stem_offset(word: str, table: dict[str, int]) -> int | None:
    word = word.lower()
    for stem, offset in table.items():
        if word.startswith(stem):
            return offset
    return None


@lru_cache(maxsize=1)
def _rule_names() -> tuple[str, ...]:
    return tuple(n[len("_r_") :] for n in dir(Resolver) if n.startswith("_r_"))


@lru_cache(maxsize=1)
def _rule_name_set() -> frozenset[str]:
    """The rules that have a handler (``dir`` is slow enough to matter once per text)."""
    return frozenset(_rule_names())


class Resolver:
    """Turns rule matches into :class:`Found` values for one document."""

    def __init__(
        self, lex: TimeLexicon, dct: dt.date | None, text: str, tense_at: Callable[[int], str]
    ) -> None:
        self.lex = lex
        self.dct = dct
        self.anchor = dct
        self._last_weekday: Found | None = None
        self._dry = False
        self.year_anchor = dct.year if dct else None  # the year last named, for "desselben Jahres"
        self.text = text
        self.tense_at = tense_at  # char offset -> clause tense (lazy, needs the Doc)
        # bound handler methods, made on first use: most texts need only a few rules
        self._handlers: dict[str, Callable[[re.Match], Found | None]] = {}

    # --- helpers -------------------------------------------------------------------------
    def _prev_word(self, pos: int) -> str:
        m = _WORD_BEFORE.search(self.text, max(0, pos - 40), pos)
        return m.group(1).lower() if m else ""

    def _num(self, word: str | None) -> float | None:
        if word is None:
            return None
        w = word.lower()
        if w[0].isdigit():
            return float(w.replace(",", "."))
        return self.lex.numbers.get(w)

    def _unit(self, word: str) -> str:
        return self.lex.units[word.lower()]

    def _modifier(self, word: str | None) -> int | None:
        return None if word is None else _stem_offset(word, self.lex.modifiers)

    def _year_from_tail(self, m: re.Match) -> int | None:
        if m.groupdict().get("year"):
            return int(m.group("year"))
        if m.groupdict().get("ysame"):
            return self.year_anchor  # "im Dezember desselben Jahres": the year last named
        base = self.anchor_year()
        if base is None:
            return None
        if m.groupdict().get("ymod"):
            return base + (self._modifier(m.group("ymod")) or 0)
        if m.groupdict().get("ythis"):
            return base
        return None

    def anchor_year(self) -> int | None:
        return self.dct.year if self.dct else None

    def _has_tail(self, m: re.Match) -> bool:
        gd = m.groupdict()
        return bool(gd.get("year") or gd.get("ymod") or gd.get("ythis") or gd.get("ysame"))

    def _tense(self, start: int) -> str:
        """Clause tense at ``start``; a target preposition ("für den 12. Januar einberufen",
        "für den Herbst angekündigt", "ab Montag") makes a past clause point forward."""
        prev = self._prev_word(start)
        if prev in _SINCE_PREV:
            return PAST  # "seit Oktober": a start point lies before the DCT
        if prev in _TARGET_PREV or (
            prev in ("den", "dem", "die") and self._prev_word(start - len(prev) - 1) in _TARGET_PREV
        ):
            return FUTURE
        return self.tense_at(start)

    def _pick_year(self, month: int, day: int, start: int) -> int:
        """Year for a day-month date: nearest to the DCT, with a cost for the wrong direction
        of the clause tense."""
        assert self.dct is not None
        tense = self._tense(start)
        best_year, best_cost = self.dct.year, None
        for year in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            try:
                d = dt.date(year, month, min(day, 28) if month == 2 and day == 29 else day)
            except ValueError:
                continue
            cost = abs((d - self.dct).days)
            if tense == PAST and d > self.dct:
                cost += 330  # a past clause looks ahead only for the next two weeks
            elif tense == FUTURE and d < self.dct:
                cost += 180  # a plan may still name a date of the last three months
            if best_cost is None or cost < best_cost:
                best_year, best_cost = year, cost
        return best_year

    def _weekday(
        self, wd: int, start: int, mod: str | None = None, wmod: str | None = None
    ) -> dt.date | None:
        if self.dct is None:
            return None
        if wmod is not None:
            week_start = cal.monday(self.dct) + dt.timedelta(weeks=self._modifier(wmod) or 0)
            return week_start + dt.timedelta(days=wd - 1)
        offset = self._modifier(mod)
        if offset is not None and offset < 0:
            return cal.weekday_date(self.dct, wd, "back", strict=True)
        if offset is not None and offset > 0:
            return cal.weekday_date(self.dct, wd, "forward", strict=True)
        if self._tense(start) == PAST or self._prev_word(start) == "vom":
            # "die Angriffe vom Sonntag": something that happened on that day, even in a
            # clause about the future ("werde auf die Angriffe vom Sonntag antworten")
            return cal.weekday_date(self.dct, wd, "back")
        return cal.weekday_date(self.dct, wd, "forward")

    def _pod_code(self, word: str | None) -> str | None:
        return None if word is None else self.lex.parts_of_day.get(word.lower())

    def _day_found(
        self, m: re.Match, d: dt.date | None, pod: str | None = None, unknown: str = "XXXX-XX-XX"
    ) -> Found:
        if d is None:
            value = unknown + (f"T{pod}" if pod else "")
            return Found(m.start(), m.end(), TIMEX_TIME if pod else TIMEX_DATE, value)
        if pod:
            return Found(m.start(), m.end(), TIMEX_TIME, f"{cal.day_value(d)}T{pod}", d)
        return Found(m.start(), m.end(), TIMEX_DATE, cal.day_value(d), d)

    # --- entry point ---------------------------------------------------------------------
    def resolve(self, rule: str, m: re.Match, *, dry: bool = False) -> Found | None:
        """The value for one match, or None when the context shows it is not a timex.

        ``dry`` leaves the narrative anchor untouched (used to test candidates before the
        overlap selection).
        """
        self._dry = dry
        handler = self._handlers.get(rule)
        if handler is None:
            if rule not in _rule_name_set():
                return None
            handler = self._handlers[rule] = getattr(self, f"_r_{rule}")
        try:
            found = handler(m)
        except (ValueError, OverflowError, KeyError):
            return None  # impossible calendar values ("vor 8000 Jahren", "31. Februar")
        if not dry and found is not None:
            if found.day is not None:
                self.anchor = found.day
            if found.type in (TIMEX_DATE, TIMEX_TIME) and _YEAR_VALUE.match(found.value):
                self.year_anchor = int(found.value[:4])
        return found

    # --- one handler per rule ------------------------------------------------------------
    def _r_iso(self, m: re.Match) -> Found | None:
        try:
            d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return self._day_found(m, d)

    def _r_numeric(self, m: re.Match) -> Found | None:
        day, month = int(m["d"]), int(m["m"])
        if not 1 <= month <= 12:
            return None
        year = m["y"]
        if year and int(year) < 100:  # "24.3.22"
            year = str(int(year) + 2000)
        return self._daymonth(m, day, month, year)

    def _r_daylist(self, m: re.Match) -> Found | None:
        return self._daymonth(m, int(m["d"]), self.lex.months[m["month"].lower()], m["year"])

    def _r_daymonth(self, m: re.Match) -> Found | None:
        day, month = int(m["d"]), self.lex.months[m["month"].lower()]
        if self._has_tail(m) and not m["year"]:
            # "am 6. Mai vergangenen Jahres"
            year = self._year_from_tail(m)
            if year is None:
                return Found(m.start(), m.end(), TIMEX_DATE, f"XXXX-{month:02d}-{day:02d}")
            return self._daymonth(m, day, month, str(year))
        return self._daymonth(m, day, month, m["year"])

    def _daymonth(self, m: re.Match, day: int, month: int, year_text: str | None) -> Found | None:
        if not 1 <= day <= 31:
            return None
        if year_text:
            year = int(year_text)
        elif self.dct is not None:
            year = self._pick_year(month, day, m.start())
        else:
            return Found(m.start(), m.end(), TIMEX_DATE, f"XXXX-{month:02d}-{day:02d}")
        try:
            return self._day_found(m, dt.date(year, month, day))
        except ValueError:
            return None

    def _r_month(self, m: re.Match) -> Found | None:
        word = m["month"]
        month = self.lex.months[word.lower()]
        if word[0].islower() and not m["part"]:
            return None  # "mai" as a lower-case word is no month name in German prose
        if not (m["part"] or m["mod"] or self._has_tail(m)) and self._name_like(m):
            return None  # "August Bebel": a first name, not the month
        year = self._year_from_tail(m)
        offset = self._modifier(m["mod"])
        if m["mod"] and (offset is None or m["mod"].lower().startswith(("selb", "gleich"))):
            return None
        if year is None and not self._has_tail(m):
            if self.dct is None:
                return Found(m.start(), m.end(), TIMEX_DATE, f"XXXX-{month:02d}")
            if offset is not None and offset != 0:
                # "vergangenen September": the last one before the DCT's month, "kommenden" the next
                year = self.dct.year
                if offset < 0 and month >= self.dct.month:
                    year -= 1
                elif offset > 0 and month <= self.dct.month:
                    year += 1
            else:
                year = self._pick_year(month, 15, m.start())
        if year is None:
            return Found(m.start(), m.end(), TIMEX_DATE, f"XXXX-{month:02d}")
        return Found(m.start(), m.end(), TIMEX_DATE, cal.month_value(year, month))

    def _name_like(self, m: re.Match) -> bool:
        """A bare month word followed by a capitalised word and not introduced by a temporal
        preposition reads as a name ("August Bebel", "März Verlag")."""
        if self._prev_word(m.start()) in _MONTH_PREV:
            return False
        nxt = _NEXT_WORD.match(self.text, m.end())
        return bool(nxt and nxt.group(1)[0].isupper())

    def _r_year(self, m: re.Match) -> Found | None:
        if not m["jahr"] and not m["part"]:
            prev = self._prev_word(m.start())
            after = self.text[m.end() : m.end() + 1]
            if prev in _QUANTITY_PREPS and self._noun_follows(m.end()):
                return None
            if prev not in _YEAR_PREV and not _YEAR_LIST.search(
                self.text, max(0, m.start() - 20), m.start()
            ):
                if prev in _QUANTITY_PREV:
                    return None
                if not (after == "" or after in ".,;:)!?/\n–" or self._verb_follows(m.end())):
                    return None
        return Found(m.start(), m.end(), TIMEX_DATE, m["year"])

    def _noun_follows(self, pos: int) -> bool:
        """A capitalised word (not a month) right after the number: "um 2000 Soldaten"."""
        m = _NEXT_WORD.match(self.text, pos)
        return bool(m and m.group(1)[0].isupper() and m.group(1).lower() not in self.lex.months)

    def _verb_follows(self, pos: int) -> bool:
        """A participle or finite verb right after a number ("wurde 2021 wiedergewählt") makes
        it a year; a noun or adjective ("2000 Soldaten", "2000 neue") makes it a quantity."""
        m = _NEXT_WORD.match(self.text, pos)
        if not m or not m.group(1)[0].islower():
            return False
        word = m.group(1)
        return word.startswith("ge") or word.endswith(("t", "te", "ten")) and len(word) > 4

    def _r_decade(self, m: re.Match) -> Found | None:
        digits = m["dec"]
        if len(digits) == 1:
            base = self.dct.year if self.dct else 2000
            century = 19 if int(digits) >= 3 or 2000 + int(digits) * 10 > base else 20
            digits = f"{century}{digits}"
        return Found(m.start(), m.end(), TIMEX_DATE, digits)

    def _r_century(self, m: re.Match) -> Found | None:
        c = int(m["c"])
        if not 1 <= c <= 21:
            return None
        return Found(m.start(), m.end(), TIMEX_DATE, f"{c - 1:02d}")

    def _r_weekday(self, m: re.Match) -> Found | None:
        text = m.group(0)
        wd = self.lex.weekdays[m["wd"].lower()]
        pod = self._pod_code(m["pod"] or m["pod2"])
        if m["wd"][0].islower():
            if text.endswith("s") and not pod:
                return Found(m.start(), m.end(), TIMEX_SET, f"XXXX-WXX-{wd}")
            return None
        if (
            text.endswith("s")
            and not pod
            and not m["pod2"]
            and self._prev_word(m.start()) not in ("des", "eines", "jeden")
        ):
            # "Montags" capitalised at a sentence start is the adverb as well
            if self._prev_word(m.start()) in ("", ".", "!", "?"):
                return Found(m.start(), m.end(), TIMEX_SET, f"XXXX-WXX-{wd}")
        d = self._weekday(wd, m.start(), m["mod"], m["wmod"])
        found = self._day_found(m, d, pod, unknown=f"XXXX-WXX-{wd}")
        self._order_coordinated(found)
        return found

    def _order_coordinated(self, found: Found) -> None:
        """Keep "am Montag und Dienstag" in calendar order: resolved one by one, a past Monday
        on the DCT would follow last week's Tuesday; the earlier day moves a week back (past)
        or the later one a week ahead (planned)."""
        if self._dry:
            return
        prev = self._last_weekday
        self._last_weekday = found
        if prev is None or prev.day is None or found.day is None:
            return
        between = self.text[prev.end : found.start]
        if not _COORDINATION.fullmatch(between) or prev.day < found.day:
            return
        if prev.day - found.day >= dt.timedelta(days=7):
            return
        if self._tense(found.start) == PAST:
            prev.day = prev.day - dt.timedelta(days=7)
            prev.value = cal.day_value(prev.day) + prev.value[10:]
        else:
            found.day = found.day + dt.timedelta(days=7)
            found.value = cal.day_value(found.day) + found.value[10:]

    def _r_night_to(self, m: re.Match) -> Found | None:
        wd = self.lex.weekdays[m["wd"].lower()]
        d = self._weekday(wd, m.start())
        return self._day_found(m, d, "NI", unknown=f"XXXX-WXX-{wd}")

    def _r_pod(self, m: re.Match) -> Found | None:
        word = m["pod"]
        if word[0].islower():
            return None  # "morgen" = tomorrow, handled by deictic
        prev = self._prev_word(m.start())
        if m["pmod"]:
            # "vergangene Nacht", "am gestrigen Abend": the DCT's previous day
            offset = 0 if m["pmod"].lower().startswith("heut") else -1
            day = self.dct + dt.timedelta(days=offset) if self.dct else None
            return self._day_found(m, day, self._pod_code(word))
        if not m["adj"] and prev not in _POD_PREV:
            return None
        before_article = self._prev_word(m.start() - len(prev) - 1)
        if prev in ("dem", "den", "der") and before_article not in _POD_ARTICLE_PREV:
            return None  # "der Abend" as subject, not "in der Nacht"
        code = {
            "morgenstunden": "MO",
            "abendstunden": "EV",
            "nachtstunden": "NI",
            "mittagszeit": "MI",
        }.get(word.lower(), self._pod_code(word))
        day = self.anchor
        if m["pd"]:
            found = self._daymonth(
                m, int(m["pd"]), self.lex.months[m["pmonth"].lower()], m["pyear"]
            )
            if found is None or found.day is None:
                return found
            day = found.day
        elif m["pwd"]:
            wd = self.lex.weekdays[m["pwd"].lower()]
            day = self._weekday(wd, m.start())
            if day is None:
                return self._day_found(m, None, code, unknown=f"XXXX-WXX-{wd}")
        if word.lower() == "mitternacht":
            clock = cal.day_value(day) if day else "XXXX-XX-XX"
            return Found(m.start(), m.end(), TIMEX_TIME, f"{clock}T24:00")
        return self._day_found(m, day, code)

    def _r_deictic(self, m: re.Match) -> Found | None:
        word = m["deic"]
        if word.lower() == "morgen" and word[0].isupper():
            prev = self._prev_word(m.start())
            if prev in _POD_PREV or prev in ("heute", "gestern", "jeden", "guten"):
                return None  # "am Morgen" is the morning
        offset = self.lex.deictic_days[word.lower()]
        pod = self._pod_code(m["pod2"])
        if word.lower() == "heute" and m["pod2"] and m["pod2"].lower() == "morgen":
            pod = "MO"
        d = self.dct + dt.timedelta(days=offset) if self.dct else None
        return self._day_found(m, d, pod)

    def _r_anchor_day(self, m: re.Match) -> Found | None:
        offset = self.lex.anchor_days[" ".join(m["anc"].lower().split())]
        d = self.anchor + dt.timedelta(days=offset) if self.anchor else None
        found = self._day_found(m, d)
        if m["anc"].lower().startswith("vorabend"):
            found.type = TIMEX_TIME
            found.value += "TEV"
        return found

    def _r_same_day(self, m: re.Match) -> Found | None:
        what = m["what"].lower()
        pod = None if what == "tag" else self._pod_code(what)
        return self._day_found(m, self.anchor, pod)

    def _r_rel_noun(self, m: re.Match) -> Found | None:
        unit, offset = self.lex.relative_nouns[m["noun"].lower()]
        if self.dct is None:
            return Found(m.start(), m.end(), TIMEX_DATE, cal.underspecified(unit))
        return Found(
            m.start(),
            m.end(),
            TIMEX_DATE,
            cal.value_at_precision(cal.shift(self.dct, unit, offset), unit),
        )

    def _unit_value(self, m: re.Match, unit_word: str, offset: int) -> Found:
        w = unit_word.lower()
        if w.startswith("wochenende"):
            if self.dct is None:
                return Found(m.start(), m.end(), TIMEX_DATE, "XXXX-WXX-WE")
            base = self.dct + dt.timedelta(weeks=offset)
            return Found(m.start(), m.end(), TIMEX_DATE, cal.week_value(base) + "-WE")
        unit = {"w": "W", "m": "M", "j": "Y", "q": "Q"}[w[0]]
        if w.startswith("jahrzehnt"):
            unit = "DE"
        if self.dct is None:
            return Found(m.start(), m.end(), TIMEX_DATE, cal.underspecified(unit))
        if unit == "Q":
            d = cal.add_months(self.dct, 3 * offset)
            return Found(m.start(), m.end(), TIMEX_DATE, f"{d.year}-Q{(d.month - 1) // 3 + 1}")
        d = cal.shift(self.dct, unit, offset)
        return Found(m.start(), m.end(), TIMEX_DATE, cal.value_at_precision(d, unit))

    def _r_unit_rel(self, m: re.Match) -> Found | None:
        offset = self._modifier(m["mod"])
        if offset is None:
            return None
        if m["mod"].lower().startswith(("selb", "gleich")):
            return None
        return self._unit_value(m, m["unit"], offset)

    def _r_unit_part(self, m: re.Match) -> Found | None:
        return self._unit_value(m, m["unit"], 0)

    def _r_laufe(self, m: re.Match) -> Found | None:
        unit = m["unit"].lower()
        offset = self._modifier(m["mod"]) or 0
        if unit == "tages":
            return self._day_found(m, self.anchor)
        if unit in ("nacht", "vormittags", "nachmittags", "abends"):
            code = {"nacht": "NI", "vormittags": "MO", "nachmittags": "AF", "abends": "EV"}[unit]
            return self._day_found(m, self.anchor, code)
        if unit == "woche" and self.anchor is not None and offset == 0:
            return Found(m.start(), m.end(), TIMEX_DATE, cal.week_value(self.anchor))
        return self._unit_value(m, unit, offset)

    def _r_weekend(self, m: re.Match) -> Found | None:
        prev = self._prev_word(m.start())
        if prev not in _WEEKEND_PREV:
            return None
        if self.dct is None:
            return Found(m.start(), m.end(), TIMEX_DATE, "XXXX-WXX-WE")
        if self._tense(m.start()) == PAST:
            sat = cal.weekday_date(self.dct, 6, "back")
            if self.dct.isoweekday() == 7:
                sat = self.dct - dt.timedelta(days=1)
        else:
            sat = cal.weekday_date(self.dct, 6, "forward")
            if self.dct.isoweekday() == 7:
                sat = self.dct
        return Found(m.start(), m.end(), TIMEX_DATE, cal.week_value(sat) + "-WE")

    def _r_season(self, m: re.Match) -> Found | None:
        season = self.lex.seasons[m["season"].lower()]
        has_tail = self._has_tail(m)
        if not (m["mod"] or has_tail or m["part"]):
            if self._prev_word(m.start()) not in _SEASON_PREV:
                return None
        if m["season"][0].islower():
            return None
        if has_tail:
            year = self._year_from_tail(m)
            if year is None:
                return Found(m.start(), m.end(), TIMEX_DATE, f"XXXX-{season}")
            return Found(m.start(), m.end(), TIMEX_DATE, f"{year}-{season}")
        if self.dct is None:
            return Found(m.start(), m.end(), TIMEX_DATE, f"XXXX-{season}")
        cur_year, cur_season = cal.season_instance(self.dct)
        cur_start = cal.season_start(cur_year, cur_season)
        candidates = [
            (y, cal.season_start(y, season)) for y in range(self.dct.year - 2, self.dct.year + 2)
        ]
        offset = self._modifier(m["mod"])
        if offset is not None and offset < 0:
            year = max(y for y, s in candidates if s < cur_start)
        elif offset is not None and offset > 0:
            year = min(y for y, s in candidates if s > cur_start)
        elif offset == 0:
            year = self.dct.year
        elif self._tense(m.start()) == PAST:
            year = max(y for y, s in candidates if s <= cur_start)
        else:
            year = min(y for y, s in candidates if s >= cur_start)
        return Found(m.start(), m.end(), TIMEX_DATE, f"{year}-{season}")

    def _r_quarter(self, m: re.Match) -> Found | None:
        ord_word = m["ord"].lower()
        n = int(ord_word[0]) if ord_word[0].isdigit() else self.lex.ordinals[ord_word]
        kind = "H" if m["q"].lower() != "quartal" else "Q"
        if kind == "H" and n > 2:
            n = 2
        year = self._year_from_tail(m)
        if year is None and self.dct is not None and not self._has_tail(m):
            year = self._pick_year(3 * n - 1 if kind == "Q" else 6 * n - 3, 15, m.start())
        elif year is None and self.dct is not None and m["ythis"]:
            year = self.dct.year
        prefix = f"{year:04d}" if year is not None else "XXXX"
        return Found(m.start(), m.end(), TIMEX_DATE, f"{prefix}-{kind}{n}")

    def _r_ago(self, m: re.Match) -> Found | None:
        if m["vague"]:
            return Found(m.start(), m.end(), TIMEX_DATE, "PAST_REF")
        amount = self._num(m["num"])
        unit = self._unit(m["unit"])
        if amount is None or unit.startswith("T"):
            if unit.startswith("T") and self.dct is not None:
                return Found(m.start(), m.end(), TIMEX_DATE, cal.day_value(self.dct), None)
            return Found(m.start(), m.end(), TIMEX_DATE, "PAST_REF")
        if self.dct is None:
            return Found(m.start(), m.end(), TIMEX_DATE, cal.underspecified(unit))
        n = round(amount)
        d = cal.shift(self.dct, unit, -n)
        return self._shifted(m, d, unit)

    def _shifted(self, m: re.Match, d: dt.date, unit: str) -> Found:
        """A date reached by counting units from a reference; a day becomes the new anchor."""
        value = cal.value_at_precision(d, unit)
        return Found(m.start(), m.end(), TIMEX_DATE, value, d if unit == "D" else None)

    def _r_shift(self, m: re.Match) -> Found | None:
        amount = self._num(m["num"])
        unit = self._unit(m["unit"])
        if amount is None or unit.startswith("T"):
            return None
        sign = 1 if m["dir"].lower() in ("später", "danach", "darauf") else -1
        if self.anchor is None:
            return Found(m.start(), m.end(), TIMEX_DATE, cal.underspecified(unit))
        d = cal.shift(self.anchor, unit, sign * round(amount))
        return self._shifted(m, d, unit)

    def _r_before_anchor(self, m: re.Match) -> Found | None:
        if m["num"][0].isdigit() or self._num(m["num"]) is None:
            return None
        if m["num"].lower().startswith("ein"):
            return None
        return Found(m.start(), m.end(), TIMEX_DATE, "XXXX-XX-XX")

    def _r_duration(self, m: re.Match) -> Found | None:
        amount = self._num(m["num"])
        unit = self._unit(m["unit"])
        if amount is None:
            return None
        word = m["num"].lower()
        unit_word = m["unit"].lower()
        if word[0].isdigit() and len(word) == 4 and unit_word in ("jahr", "jahres"):
            return None
        if (
            word.startswith("ein")
            and unit_word in ("tages", "jahres", "monats")
            and self._prev_word(m.start()) not in ("innerhalb", "binnen", "während")
        ):
            return None  # "eines Tages" = one day (idiom); "innerhalb eines Jahres" is a span
        if (
            m["num"][0].isdigit()
            and unit_word.endswith("s")
            and unit_word not in ("stunden", "minuten", "sekunden")
        ):
            return None
        if re.match(r"\s+(?:alt|jung)\b", self.text[m.end() : m.end() + 6]):
            return None  # an age ("27 Jahre alt"), not a stretch of time
        found = Found(m.start(), m.end(), TIMEX_DURATION, cal.duration_value(amount, unit))
        if (
            m["approx"]
            and m["approx"].lower() == "über"
            and self._prev_word(m.start()) not in _OVER_PREV
        ):
            found.start = m.start(
                "num"
            )  # "sich über zwei Jahre hinziehen": "über" is a preposition
        if self._prev_word(m.start()) == "in" and self.tense_at(m.start()) != PAST and self.dct:
            # "in zwei Wochen" points to a future date
            if not unit.startswith("T") and not m["approx"]:
                d = cal.shift(self.dct, unit, round(amount))
                return Found(m.start(), m.end(), TIMEX_DATE, cal.value_at_precision(d, unit))
        return found

    def _r_vague_duration(self, m: re.Match) -> Found | None:
        unit = self._unit(m["unit"])
        if m["mod"]:
            offset = self._modifier(m["mod"])
            if offset is None or offset == 0:
                return None
        amount = self._num(m["num"]) if m["num"] else None
        return Found(m.start(), m.end(), TIMEX_DURATION, cal.duration_value(amount, unit))

    def _r_bare_plural(self, m: re.Match) -> Found | None:
        prev = self._prev_word(m.start())
        dative = m["unit"].lower().endswith("en")
        # "seit Jahren", "nach Monaten", "für Jahre", "über Jahrzehnte": an unspecified stretch
        if prev not in (("seit", "nach", "für", "über") if dative else ("für", "über")):
            return None
        if prev == "nach" and self.text[m.end() : m.end() + 4] in (" des", " der"):
            return None
        unit = self._unit(m["unit"])
        return Found(m.start(), m.end(), TIMEX_DURATION, cal.duration_value(None, unit))

    def _r_holiday(self, m: re.Match) -> Found | None:
        rule = self.lex.holidays[" ".join(m["hol"].lower().split())]
        if m["hol"][0].islower():
            return None

        def on(year: int) -> dt.date:
            if rule.startswith("E"):
                return cal.easter(year) + dt.timedelta(days=int(rule[1:]))
            month, day = (int(x) for x in rule.split("-"))
            return dt.date(year, month, day)

        if m["year"]:
            return self._day_found(m, on(int(m["year"])))
        if self.dct is None:
            if rule.startswith("E"):
                return Found(m.start(), m.end(), TIMEX_DATE, "XXXX-XX-XX")
            return Found(m.start(), m.end(), TIMEX_DATE, f"XXXX-{rule}")
        tense = self._tense(m.start())
        best = None
        for year in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            d = on(year)
            cost = abs((d - self.dct).days)
            if (tense == PAST and d > self.dct) or (tense == FUTURE and d < self.dct):
                cost += 330
            if best is None or cost < best[0]:
                best = (cost, d)
        return self._day_found(m, best[1])

    def _r_adj_duration(self, m: re.Match) -> Found | None:
        num_word = m["num"].lower()
        if m["adjunit"][0].isupper():
            return None  # "der 45-Jährige" names a person by age
        if num_word.endswith("-"):
            amount: float | None = float(num_word[:-1])
        elif num_word in ("mehr", "viel"):
            amount = None
        elif num_word == "ganz":
            return None
        else:
            amount = self.lex.numbers.get(num_word)
            if amount is None:
                return None
        unit = self.lex.adjective_units[m["adjunit"].lower()]
        return Found(m.start(), m.end(), TIMEX_DURATION, cal.duration_value(amount, unit))

    def _r_long_adverb(self, m: re.Match) -> Found | None:
        return Found(m.start(), m.end(), TIMEX_DURATION, self.lex.long_adverbs[m["adv"].lower()])

    def _r_set_word(self, m: re.Match) -> Found | None:
        word = m["set"]
        if word[0].isupper() and word.lower() in self.lex.sets and word.lower().endswith("s"):
            if self._prev_word(m.start()) not in ("", ".", "!", "?"):
                return None
        return Found(m.start(), m.end(), TIMEX_SET, self.lex.sets[word.lower()])

    def _r_set_each(self, m: re.Match) -> Found | None:
        what = m["what"].lower()
        if what in self.lex.weekdays:
            value = f"XXXX-WXX-{self.lex.weekdays[what]}"
        elif what in ("morgen", "abend", "nacht"):
            value = f"XXXX-XX-XXT{self.lex.parts_of_day[what]}"
        else:
            value = {
                "tag": "P1D",
                "woche": "P1W",
                "monat": "P1M",
                "jahr": "P1Y",
                "wochenende": "XXXX-WXX-WE",
            }[what]
        return Found(m.start(), m.end(), TIMEX_SET, value)

    def _r_set_every(self, m: re.Match) -> Found | None:
        amount = self._num(m["num"])
        if amount is None:
            return None
        return Found(
            m.start(), m.end(), TIMEX_SET, cal.duration_value(amount, self._unit(m["unit"]))
        )

    def _r_present_ref(self, m: re.Match) -> Found | None:
        return Found(m.start(), m.end(), TIMEX_DATE, "PRESENT_REF")

    def _r_clock(self, m: re.Match) -> Found | None:
        hour = int(m["h"])
        minute = int(m["mi"] or 0)
        if hour > 24:
            return None
        day = cal.day_value(self.anchor) if self.anchor else "XXXX-XX-XX"
        return Found(m.start(), m.end(), TIMEX_TIME, f"{day}T{hour:02d}:{minute:02d}")

    def _r_clock_list(self, m: re.Match) -> Found | None:
        return self._r_clock(m)  # "zwischen 10 und 12 Uhr": the first time of a range

    def _r_day_anaphor(self, m: re.Match) -> Found | None:
        # "den Tag" leaves the article out; "diesem Tag" keeps the demonstrative (gold style)
        group = next(g for g in ("span", "span2", "span3") if m[g])
        found = self._day_found(m, self.anchor)
        found.start, found.end = m.start(group), m.end(group)
        found.day = None  # an anaphor does not move the anchor
        return found

    def _r_zeitpunkt(self, m: re.Match) -> Found | None:
        if m["adj"]:
            return Found(m.start(), m.end(), TIMEX_DATE, "XXXX-XX-XX")
        if m["what"].lower() != "zeitpunkt":
            return None
        found = self._day_found(m, self.anchor)
        found.day = None
        if m["dem"].lower() == "dem":
            found.start = m.start("what")
        return found
