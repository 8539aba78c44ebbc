"""A cheap, dependency-free check that a text is German.

lagebild reads German only; a text in another language would give confident nonsense.
Function words are frequent and distinctive, so their share of the tokens is a reliable
signal for news-length texts:

* a text of at least :data:`MIN_WORDS` words is German when at least :data:`MIN_SHARE` of
  its words are German function words (German news: 20–45 %, other languages: under 5 %);
* a shorter text is German unless it is clearly in another language: several function
  words of English, French, Spanish, Italian or Dutch and more of them than German ones.
  Headlines and name lists ("Scholz trifft Macron") are not judged.

Words that are function words in German and in another language ("in", "an", "die",
"so", "man", "was") count for German only.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_GERMAN = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind war
    waren wird werden wurde wurden hat haben hatte hatten mit von zu zum zur im in am an auf aus
    bei für über unter nach vor seit sich sie er es wir ihr ich auch noch nur schon dass daß wie
    als wenn so um bis gegen durch ohne sein seine ihre ihren dieser diese dieses man kein keine
    soll sollen will wollen kann können muss müssen sei seien habe""".split()
)
_OTHER: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the of and to is are was were be been has have had will would with for on at by
        from that this these those it its they their he she his her not but or which who""".split()
    ),
    "fr": frozenset(
        """le la les un une des du de et est sont été avec pour sur dans par que qui ne pas
        il elle ils au aux ce cette ses leur""".split()
    ),
    "es": frozenset(
        """el la los las un una unos del de y es son fue con para por que en se no su sus al
        lo como pero""".split()
    ),
    "it": frozenset(
        """il lo la gli le un una dei degli della di e è sono con per che non si del nel al
        ha hanno""".split()
    ),
    "nl": frozenset(
        """de het een van en is zijn was met voor op dat niet aan bij naar ook maar zal wordt
        heeft hebben""".split()
    ),
}
MIN_WORDS = 12
MIN_SHARE = 0.12
MIN_FOREIGN_HITS = 3


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def german_share(text: str) -> tuple[int, float]:
    """Number of words and the share of them that are German function words."""
    words = _words(text)
    if not words:
        return 0, 0.0
    return len(words), sum(w in _GERMAN for w in words) / len(words)


def foreign_language(text: str) -> str | None:
    """The other language (``en``, ``fr``, ``es``, ``it``, ``nl``) whose function words
    outnumber the German ones in ``text`` (at least :data:`MIN_FOREIGN_HITS`), or None."""
    words = _words(text)
    german = sum(w in _GERMAN for w in words)
    best, hits = None, 0
    for lang, vocab in _OTHER.items():
        n = sum(w in vocab and w not in _GERMAN for w in words)
        if n > hits:
            best, hits = lang, n
    if hits >= MIN_FOREIGN_HITS and hits > german:
        return best
    return None


def looks_german(text: str) -> bool:
    """True unless the text is judged to be in another language (see the module docstring)."""
    n, share = german_share(text)
    if n >= MIN_WORDS:
        return share >= MIN_SHARE
    return foreign_language(text) is None
