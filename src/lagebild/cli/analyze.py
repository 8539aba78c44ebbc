"""``lagebild analyze``: articles → readable digest, contract JSON, or JSON lines.

Every good article is analyzed; each rejected input is reported on stderr as one line
(``lagebild: error E106: file.jsonl:3: …``). Exit status: 0 all analyzed, 1 some rejected,
3 nothing analyzed (or the rejected input's own exit code when there was exactly one input
error, e.g. 2 for an unsupported format).
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click
from rich.console import Console

from ..analysis import analyze_articles
from ..dates import parse_published
from ..errors import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    KnowledgeFileError,
    LagebildError,
    MultipleArticles,
)
from ..io import Rejected, iter_inputs
from ..pipeline import load
from ..records import Article
from ..render import render_digest
from .app import main, reports_errors


@dataclass
class _Tally:
    analyzed: int = 0
    rejected: list[LagebildError] = field(default_factory=list)

    def exit_code(self) -> int:
        if not self.rejected:
            return EXIT_OK
        if self.analyzed:
            return EXIT_PARTIAL
        if len(self.rejected) == 1:
            return self.rejected[0].exit_code
        return EXIT_INPUT


def _report(error: LagebildError) -> None:
    click.echo(f"lagebild: error {error.one_line()}", err=True)


def _good_articles(items: Iterable[Article | Rejected], tally: _Tally) -> Iterator[Article]:
    """The articles among ``items``; each Rejected is reported on stderr as it comes."""
    for item in items:
        if isinstance(item, Rejected):
            item.error.where = item.error.where or item.where
            tally.rejected.append(item.error)
            _report(item.error)
        else:
            yield item


def _check_knowledge_files(files: Iterable[str]) -> None:
    for name in files:
        if not Path(name).is_file():
            raise KnowledgeFileError("no such knowledge file", where=name)


@main.command(
    epilog="Exit status: 0 all analyzed; 1 some inputs rejected (reported on stderr, one line "
    "each); 2 usage error; 3 nothing could be analyzed. Error codes: docs/input.md."
)
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--published",
    help="Publication date YYYY-MM-DD; anchors relative dates and overrides dates in the input.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
    show_default=True,
    help="text: readable digest; json: exactly one contract object (one article only); "
    "jsonl: one contract object per line.",
)
@click.option("--model", default=None, help="Name or path of a German spaCy pipeline to use.")
@click.option("--actors", multiple=True, metavar="FILE", help="Extra actor file (repeatable).")
@click.option("--places", multiple=True, metavar="FILE", help="Extra gazetteer file (repeatable).")
@click.option("--lexicon", multiple=True, metavar="FILE", help="Extra event lexicon (repeatable).")
@click.option(
    "--allow-any-language", is_flag=True,
    help="Analyze texts that do not look German instead of rejecting them (E104).",
)
@reports_errors
def analyze(
    paths: tuple[str, ...],
    published: str | None,
    fmt: str,
    model: str | None,
    actors: tuple[str, ...],
    places: tuple[str, ...],
    lexicon: tuple[str, ...],
    allow_any_language: bool,
) -> None:
    """Analyze articles: text files, JSONL/JSON/CSV files of articles, HTML pages,
    directories, globs, or - (the default) for stdin."""
    paths = paths or ("-",)
    published = parse_published(published)
    _check_knowledge_files(actors + places + lexicon)
    if "-" in paths and sys.stdin.isatty():
        click.echo("lagebild: reading the article from stdin; end it with Ctrl-D", err=True)
    tally = _Tally()
    articles = _good_articles(
        iter_inputs(paths, published, allow_any_language=allow_any_language), tally
    )
    head = list(itertools.islice(articles, 2 if fmt == "json" else 1))
    if fmt == "json" and len(head) > 1:
        raise MultipleArticles(
            "the input holds several articles but --format json prints exactly one object; "
            "use --format jsonl for one object per line"
        )
    if not head:
        sys.exit(tally.exit_code())
    # The pipeline is loaded only once there is something to analyze.
    nlp = load(model, actors=actors, places=places, lexicon=lexicon)
    console = Console() if fmt == "text" else None
    for result in analyze_articles(nlp, itertools.chain(head, articles)):
        tally.analyzed += 1
        for warning in result.warnings:
            click.echo(f"lagebild: warning {warning} ({result.id})", err=True)
        if console is not None:
            render_digest(result, console)
        elif fmt == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    sys.exit(tally.exit_code())
