"""A cheap, dependency-free check that a text is German.

lagebild reads German only; a text in another language would give confident nonsense.
German function words are frequent and distinctive, so their share of the tokens is a
reliable signal for news-length texts; very short texts are not judged.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_GERMAN = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind war
    waren wird werden wurde wurden hat haben hatte hatten mit von zu zum zur im in am an auf aus
    bei für über unter nach vor seit sich sie er es wir ihr ich auch noch nur schon dass daß wie
    als wenn so um bis gegen durch ohne sein seine ihre ihren dieser diese dieses man kein keine""".split()
)
MIN_WORDS = 12
MIN_SHARE = 0.12


def german_share(text: str) -> tuple[int, float]:
    """Number of words and the share of them that are German function words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0, 0.0
    return len(words), sum(w in _GERMAN for w in words) / len(words)


def looks_german(text: str) -> bool:
    """True unless the text is long enough to judge and has too few German function words."""
    n, share = german_share(text)
    return n < MIN_WORDS or share >= MIN_SHARE
