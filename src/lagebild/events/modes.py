"""Modes: CONSULT visit/third-party/multilateral/phone, AID military/economic/humanitarian."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Geo

ORGANISATIONS = frozenset(
    {"NATO", "EU", "UN", "G7", "G20", "OSCE", "ECOWAS", "AU", "ASEAN", "AL", "WST", "EUR"}
)
_AID_CUES: dict[str, tuple[str, ...]] = {
    "military": ("militär", "waffe", "munition", "panzer", "rüstung", "luftabwehr", "raketen",
                 "kampfjet", "soldaten"),
    "economic": ("finanz", "wirtschaft", "kredit", "geld", "budget", "haushalt", "darlehen"),
    "humanitarian": ("humanitär", "hilfsgüter", "medizin", "lebensmittel", "nahrung",
                     "flüchtling"),
}
_PHONE_CUES = ("telefon", "videotelefon")
_SUMMIT_CUES = ("gipfel", "konferenz", "sitzung", "rat", "tagung", "beratung", "spitzentreffen")


def aid_modes(doc: Doc, start: int, end: int) -> list[str]:
    """All AID modes named in tokens ``[start, end)`` ("finanzielle und humanitäre Hilfe")."""
    words = [doc[i].lower_ for i in range(start, end)]
    modes = []
    for mode, cues in _AID_CUES.items():
        if any(cue in w for cue in cues for w in words):
            modes.append(mode)
    return modes


def consult_mode(
    trigger_word: str, fixed: str | None, source: list[str], target: list[str],
    place_geo: Geo | None, context_words: list[str],
) -> str | None:
    """The CONSULT mode from the trigger, the participants and the place."""
    lower = trigger_word.lower()
    if fixed == "phone" or any(cue in w for cue in _PHONE_CUES for w in context_words + [lower]):
        return "phone"
    if fixed == "visit":
        return "visit"
    participants = set(source) | set(target)
    if fixed == "multilateral" or any(cue in lower for cue in _SUMMIT_CUES):
        return "multilateral"
    if len(participants) >= 3 or (participants & ORGANISATIONS and not target):
        return "multilateral"
    country = place_geo.country if place_geo else None
    if country and target and country in target and country not in source:
        return "visit"
    if country and len(participants) == 2 and country not in participants:
        return "third-party"
    return None
