"""The error catalogue: codes are stable, unique, and print as one line."""

from __future__ import annotations

import inspect

import pytest

from lagebild import errors
from lagebild.errors import LagebildError

CATALOGUE = [
    ("EmptyInput", "E101", errors.EXIT_INPUT),
    ("BinaryInput", "E102", errors.EXIT_INPUT),
    ("EncodingError", "E103", errors.EXIT_INPUT),
    ("NotGerman", "E104", errors.EXIT_INPUT),
    ("BadDate", "E105", errors.EXIT_USAGE),
    ("MalformedRecord", "E106", errors.EXIT_INPUT),
    ("InputNotFound", "E107", errors.EXIT_INPUT),
    ("InputTooLarge", "E108", errors.EXIT_INPUT),
    ("UnsupportedFormat", "E109", errors.EXIT_USAGE),
    ("KnowledgeFileError", "E110", errors.EXIT_USAGE),
    ("MultipleArticles", "E111", errors.EXIT_USAGE),
    ("ModelError", "E201", errors.EXIT_RUNTIME),
    ("StoreError", "E301", errors.EXIT_RUNTIME),
    ("GoldFormatError", "E401", errors.EXIT_INPUT),
]


@pytest.mark.parametrize("name,code,exit_code", CATALOGUE)
def test_released_codes_never_change(name, code, exit_code):
    cls = getattr(errors, name)
    assert issubclass(cls, LagebildError)
    assert (cls.code, cls.exit_code) == (code, exit_code)


def test_codes_are_unique():
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if issubclass(c, LagebildError) and c is not LagebildError]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), sorted(codes)


@pytest.mark.parametrize(
    "error,line",
    [
        (errors.MalformedRecord("not valid JSON\n(line break)", where="a.jsonl:3"),
         "E106: a.jsonl:3: not valid JSON (line break)"),
        (errors.EmptyInput("the input is empty"), "E101: the input is empty"),
    ],
)
def test_one_line(error, line):
    assert error.one_line() == line
