"""Error catalogue with stable codes.

Codes never change meaning once released; tests assert them. The CLI prints
``lagebild: error E1xx: message`` on one line of stderr and exits with ``exit_code``.

Exit codes: 0 all good; 1 a batch finished but some articles were rejected;
2 usage error (bad option value); 3 input error (nothing could be analyzed);
4 store or model error.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_RUNTIME = 4


class LagebildError(Exception):
    """Base class: every lagebild error has a stable ``code`` and an ``exit_code``."""

    code = "E100"
    exit_code = EXIT_INPUT

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def one_line(self) -> str:
        """The message as printed on stderr: code, optional location, text, no newlines."""
        where = f"{self.where}: " if self.where else ""
        return f"{self.code}: {where}{self.message}".replace("\n", " ")


class EmptyInput(LagebildError):
    code = "E101"


class BinaryInput(LagebildError):
    code = "E102"


class EncodingError(LagebildError):
    code = "E103"


class NotGerman(LagebildError):
    code = "E104"


class BadDate(LagebildError):
    code = "E105"
    exit_code = EXIT_USAGE


class MalformedRecord(LagebildError):
    """A JSONL/CSV line that is not valid JSON/CSV or lacks a non-empty ``text``."""

    code = "E106"


class InputNotFound(LagebildError):
    code = "E107"


class InputTooLarge(LagebildError):
    code = "E108"


class UnsupportedFormat(LagebildError):
    code = "E109"
    exit_code = EXIT_USAGE


class KnowledgeFileError(LagebildError):
    """A user-supplied actor, place or lexicon file that cannot be read or validated."""

    code = "E110"
    exit_code = EXIT_USAGE


class ModelError(LagebildError):
    code = "E201"
    exit_code = EXIT_RUNTIME


class StoreError(LagebildError):
    code = "E301"
    exit_code = EXIT_RUNTIME


class GoldFormatError(LagebildError):
    code = "E401"


class MultipleArticles(LagebildError):
    """``analyze --format json`` prints one object, but the input holds several articles."""

    code = "E111"
    exit_code = EXIT_USAGE
