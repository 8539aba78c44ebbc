"""Bytes → text: binary detection, byte-order marks, UTF-8 first, then charset detection.

German news files in the wild are UTF-8, sometimes Windows-1252/Latin-1 (older CMS exports,
Excel CSV) and rarely UTF-16 with a byte-order mark. Detection is restricted to the encodings
that German text actually comes in: unrestricted detection happily reads short Windows-1252
German as Big5 or Central European code pages. Among the encodings charset-normalizer finds
plausible, the one whose result reads most like German (umlauts, ß, German quotes) wins.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EncodingError

# Order matters on ties: the earlier encoding wins.
CANDIDATE_ENCODINGS: tuple[str, ...] = (
    "utf_8",
    "cp1252",
    "iso8859_15",
    "latin_1",
    "mac_roman",
    "cp850",
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
)
# Control bytes that never occur in text; tab, newline, vertical tab, form feed, carriage
# return and escape are tolerated.
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
MAX_CONTROL_SHARE = 0.05
SNIFF_BYTES = 8192
_GERMAN_LETTERS = frozenset("äöüÄÖÜß")
# UTF-8 umlauts, ß and German quotes/dashes read as Windows-1252: the file mixes encodings.
_MOJIBAKE = re.compile("Ã[¤¶¼„–œŸ©¨]|â€[žœ“”™¦˜š]")
_TYPOGRAPHY = frozenset("„“‚‘’–—€…«»éèàçñ")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def check_binary(data: bytes, where: str | None = None) -> None:
    """Raise :class:`BinaryInput` (E102) when ``data`` is not text.

    Judged on the first bytes: known file signatures, NUL bytes, or a share of control
    characters above :data:`MAX_CONTROL_SHARE`. Text with a UTF-16/32 byte-order mark is text.
    """
    head = data[:SNIFF_BYTES]
    if _bom_encoding(head) is not None:
        return
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BinaryInput(f"binary data, not text: this looks like {what}", where=where)
    if b"\x00" in head:
        raise BinaryInput("binary data, not text: it contains NUL bytes", where=where)
    if head:
        controls = sum(byte in _CONTROL for byte in head)
        if controls / len(head) > MAX_CONTROL_SHARE:
            raise BinaryInput(
                f"binary data, not text: {controls} control characters in the first "
                f"{len(head)} bytes",
                where=where,
            )


def _german_score(text: str) -> float:
    """How much a decoding reads like German: umlauts and typography up, odd symbols down."""
    score = 0.0
    for ch in text:
        if ch.isascii():
            continue
        if ch in _GERMAN_LETTERS:
            score += 1.0
        elif ch in _TYPOGRAPHY:
            score += 0.5
        elif not ch.isalpha() or ch.isupper():
            # Wrong code pages turn umlauts into box drawing, currency or capital accented
            # letters; C1 controls are never text.
            score -= 1.0
    return score


def detect_encoding(data: bytes) -> str | None:
    """The most plausible encoding of ``data`` among :data:`CANDIDATE_ENCODINGS`, or None."""
    bom = _bom_encoding(data)
    if bom:
        return bom
    try:
        data.decode("utf_8")
        return "utf_8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)))
    if not matches:
        return None
    order = {enc: i for i, enc in enumerate(CANDIDATE_ENCODINGS)}
    best = max(
        matches,
        key=lambda m: (_german_score(str(m)), -order.get(m.encoding, len(order))),
    )
    return best.encoding


def decode_bytes(data: bytes, where: str | None = None) -> str:
    """Text of ``data``: binary check, BOM, UTF-8, else detected encoding; CRLF → LF.

    Raises :class:`BinaryInput` (E102) for binary data and :class:`EncodingError` (E103)
    when no candidate encoding gives plausible text. An empty result is returned as is;
    callers decide whether empty is an error.
    """
    check_binary(data, where)
    encoding = detect_encoding(data)
    if encoding is None:
        try:
            data.decode("utf_8")
            position = ""
        except UnicodeDecodeError as exc:
            position = f" (invalid byte 0x{data[exc.start]:02x} at byte {exc.start})"
        raise EncodingError(
            f"cannot decode the text: not UTF-8{position} and no plausible legacy encoding "
            f"({', '.join(CANDIDATE_ENCODINGS[1:])}); mixed encodings? convert it to UTF-8",
            where=where,
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:  # detection and strict decoding disagree
        raise EncodingError(f"cannot decode the text as {encoding}: {exc}", where=where) from exc
    if not encoding.startswith("utf") and (match := _MOJIBAKE.search(text)):
        raise EncodingError(
            f"mixed encodings: the text is partly UTF-8 and partly {encoding} "
            f"({match.group()!r} at character {match.start()}); convert it to UTF-8",
            where=where,
        )
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")
